// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System.Collections.Generic;
using System.Linq;
using LiveAvatarGen.Generator.Model;

namespace LiveAvatarGen.Generator.Parsing;

/// <summary>
/// Inline objects and unions that come out the same as one built before are that type. Big specs repeat the same
/// inline shape in many places (Stripe: <c>{requested: boolean}</c> 72 times, an address 30 times, the string-or-
/// empty-string union 182 times): one class each, named where first met, as inline enums are.
/// </summary>
internal sealed partial class SchemaMapper
{
    /// <summary>Each shape built so far (its model without name and summary) and the type that has it.</summary>
    private readonly Dictionary<TypeModel, TypeRef> _inlineTypesByShape = new();

    /// <summary>Each shared type's summary, for the check that every place it stands for agrees.</summary>
    private readonly Dictionary<string, string?> _sharedSummaries = new(System.StringComparer.Ordinal);

    /// <summary>Shared types whose places describe them differently: none of the summaries is true of all, so none is kept.</summary>
    private readonly HashSet<string> _summaryConflicts = new(System.StringComparer.Ordinal);

    /// <summary>Every type to generate, in the order built.</summary>
    public IReadOnlyList<TypeModel> Types => _summaryConflicts.Count == 0
        ? _types
        : _types.Select(t => _summaryConflicts.Contains(t.Name) ? t with { Documentation = null } : t).ToList();

    /// <summary>
    /// The type an inline object or union just built stands for: an earlier type of the same shape when there is one
    /// (the new model is dropped), else the new type itself. Members refer to shared types already, since they are
    /// built first, so parents whose inline members were shared become the same shape too.
    /// </summary>
    private TypeRef ShareIdentical(string typeName, TypeRef built)
    {
        int last = _types.Count - 1;
        if (last < 0 || _types[last].Name != typeName)
        {
            return built;
        }

        TypeModel model = _types[last];
        TypeModel shape = model with { Name = string.Empty, Documentation = null };
        if (!_inlineTypesByShape.TryGetValue(shape, out TypeRef? shared))
        {
            _inlineTypesByShape[shape] = built;
            _sharedSummaries[typeName] = model.Documentation;
            return built;
        }

        _types.RemoveAt(last);
        if (_indexedTypes > last)
        {
            _indexedTypes = last;
            _typesByFullName.Remove(built.FullName!);
        }

        string sharedName = shared.FullName!.Substring(shared.FullName.LastIndexOf('.') + 1);
        if (_sharedSummaries[sharedName] != model.Documentation)
        {
            _summaryConflicts.Add(sharedName);
        }

        return shared;
    }
}
