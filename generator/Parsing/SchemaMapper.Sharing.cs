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

    /// <summary>The full names of the component schemas' generated types, which name unions that hold them.</summary>
    private readonly HashSet<string> _componentTypes = new(System.StringComparer.Ordinal);

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

        if (_indexedTypes > last)
        {
            // The model is renamed or dropped below: Find's index catches up again from here.
            _indexedTypes = last;
            _typesByFullName.Remove(built.FullName!);
        }

        TypeModel model = _types[last];
        TypeModel shape = model with { Name = string.Empty, Documentation = null };
        if (!_inlineTypesByShape.TryGetValue(shape, out TypeRef? shared))
        {
            if (model is UnionModel union && NameFromVariants(union) is { } wanted && _typeNames.TryClaimExact(wanted))
            {
                // Nothing refers to the union yet, so it can still take a name that says what it holds, the same
                // wherever it is met: Stripe's expandable customer is StringOrCustomerOrDeletedCustomer, not the name
                // of the first of the 16 properties that hold it.
                typeName = wanted;
                model = model with { Name = typeName };
                _types[last] = model;
                built = built with { FullName = "global::" + _namespace + "." + typeName };
            }

            _inlineTypesByShape[shape] = built;
            _sharedSummaries[typeName] = model.Documentation;
            return built;
        }

        _types.RemoveAt(last);
        NoteSharedSummary(shared, model.Documentation);
        return shared;
    }

    /// <summary>
    /// Another place <paramref name="shared"/> stands for describes it as <paramref name="summary"/>: when that differs
    /// from the summary of the place that named it, none of them is true of all, and the type keeps none.
    /// </summary>
    private void NoteSharedSummary(TypeRef shared, string? summary)
    {
        string sharedName = shared.FullName!.Substring(shared.FullName.LastIndexOf('.') + 1);
        if (_sharedSummaries[sharedName] != summary)
        {
            _summaryConflicts.Add(sharedName);
        }
    }

    /// <summary>
    /// <c>StringOrCustomer</c> for a union of two to four variants that are each a primitive or a component schema's
    /// type, one of them a component's; null when a variant is an inline type of its own, whose name says nothing on
    /// its own, or when all are primitives (<c>StringOrInt64</c> says less than the property it was named after).
    /// A name already taken (another union of the same variants, with other rules) keeps the union's own name.
    /// </summary>
    private string? NameFromVariants(UnionModel union)
    {
        if (union.Variants.Count is < 2 or > 4)
        {
            return null;
        }

        List<string> parts = new();
        bool anyComponent = false;
        foreach (UnionVariantModel variant in union.Variants)
        {
            TypeRef type = variant.Type;
            bool component = type.Kind is TypeKind.Class or TypeKind.Struct && _componentTypes.Contains(type.FullName!);
            bool primitive = type.Kind is not (TypeKind.Class or TypeKind.Struct or TypeKind.List or TypeKind.Map or TypeKind.Generic or TypeKind.TypeParameter or TypeKind.Any or TypeKind.Stream or TypeKind.File);
            if (!component && !primitive)
            {
                return null;
            }

            anyComponent |= component;
            parts.Add(VariantName(type));
        }

        return anyComponent ? string.Join("Or", parts) : null;
    }
}
