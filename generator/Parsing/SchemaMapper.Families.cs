// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using LiveAvatarGen.Generator.Diagnostics;
using LiveAvatarGen.Generator.Infrastructure;
using LiveAvatarGen.Generator.Model;
using LiveAvatarGen.Generator.Naming;

namespace LiveAvatarGen.Generator.Parsing;

/// <summary>
/// Generic families: component objects that are the same in every respect but one type (pydantic writes
/// <c>PaginatedResponse_AvatarSchema_</c>, <c>PaginatedResponse_VoiceSchema_</c>, … for <c>PaginatedResponse[T]</c>)
/// become one generic class, <c>PaginatedResponse&lt;T&gt;</c>, the way the envelope became <c>ApiEnvelope&lt;T&gt;</c>. The
/// structure decides, not the names: members must agree on every property (name, wire name, required-ness,
/// default, const, access, deprecation, and type once the one differing type is replaced by <c>T</c>). Names only
/// choose the family's name. Each family is reported (LAG2004).
/// </summary>
internal sealed partial class SchemaMapper
{
    private const string Slot = "\u0001T";

    private void MergeGenericFamilies()
    {
        List<ObjectModel> candidates = _types.OfType<ObjectModel>()
            .Where(o => o.Generic is null && o.Hierarchy is null && _componentOfType.ContainsKey(o.Name) && o.Properties.Count > 0)
            .OrderBy(o => o.Name, StringComparer.Ordinal)
            .ToList();
        Dictionary<string, TypeRef> replaced = new(StringComparer.Ordinal);
        List<ObjectModel> families = new();
        HashSet<string> merged = new(StringComparer.Ordinal);
        foreach (IGrouping<string, ObjectModel> group in candidates.GroupBy(Skeleton, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            MergeGroup(group.ToList(), replaced, families, merged);
        }

        if (replaced.Count == 0)
        {
            return;
        }

        // Every reference to a merged schema, in every type built so far and in the component table that
        // operations resolve through, now names the family with its argument.
        List<TypeModel> rewritten = _types.Where(t => !merged.Contains(t.Name)).Select(t => Rewrite(t, replaced)).ToList();
        rewritten.AddRange(families.Select(f => Rewrite(f, replaced)));
        _types.Clear();
        _types.AddRange(rewritten);
        _typesByFullName.Clear();
        _indexedTypes = 0;
        // The shapes recorded so far name the merged schemas; nothing built from now on can match them.
        _inlineTypesByShape.Clear();
        foreach (string component in _componentRefs.Keys.ToList())
        {
            _componentRefs[component] = Rewrite(_componentRefs[component], replaced);
        }
    }

    /// <summary>Everything about an object but its types: objects with different skeletons are never one family.</summary>
    private static string Skeleton(ObjectModel model)
    {
        StringBuilder key = new();
        key.Append(model.IsDeprecated).Append('|').Append(model.AdditionalPropertiesName).Append('|');
        foreach (PropertyModel property in model.Properties)
        {
            key.Append(property.JsonName).Append('\u0002').Append(property.Name).Append('\u0002').Append(property.IsRequired)
                .Append('\u0002').Append(property.DefaultJson).Append('\u0002').Append(property.ConstJson).Append('\u0002').Append(property.Access)
                .Append('\u0002').Append(property.IsDeprecated).Append('\u0003');
        }

        return key.ToString();
    }

    /// <summary>The object's property and extras types with one generated type written as the slot.</summary>
    private static string Render(ObjectModel model, TypeRef slot)
    {
        StringBuilder text = new();
        foreach (PropertyModel property in model.Properties)
        {
            Render(property.Type, slot, text);
            text.Append('|');
        }

        Render(model.AdditionalPropertiesType ?? TypeRef.AnyJson, slot, text);
        return text.ToString();
    }

    private static void Render(TypeRef type, TypeRef slot, StringBuilder text)
    {
        text.Append(type.IsNullable ? "?" : string.Empty);
        if (type.FullName is not null && type.FullName == slot.FullName && type.Kind == slot.Kind)
        {
            text.Append(Slot);
            return;
        }

        text.Append((int)type.Kind).Append(':').Append(type.FullName);
        if (type.Element is not null)
        {
            text.Append('<');
            Render(type.Element, slot, text);
            text.Append('>');
        }
    }

    /// <summary>The generated types an object refers to, each once, in a stable order: the candidates for its slot.</summary>
    private static List<TypeRef> GeneratedTypesIn(ObjectModel model)
    {
        List<TypeRef> found = new();
        foreach (TypeRef type in model.Properties.Select(p => p.Type).Append(model.AdditionalPropertiesType ?? TypeRef.AnyJson))
        {
            for (TypeRef? current = type; current is not null; current = current.Element)
            {
                if (current.Kind is TypeKind.Class or TypeKind.Struct or TypeKind.Generic && current.FullName is not null)
                {
                    TypeRef plain = current.AsNonNullable();
                    if (!found.Contains(plain))
                    {
                        found.Add(plain);
                    }
                }
            }
        }

        return found;
    }

    private ObjectModel BuildFamily(string wanted, List<(ObjectModel Model, TypeRef Argument)> members)
    {
        string name = _typeNames.Claim(wanted);
        string converter = _typeNames.Claim(name + "JsonConverter");
        ObjectModel seed = members[0].Model;
        string parameter = seed.Properties.Any(p => p.Name == "T") || seed.AdditionalPropertiesName == "T" ? "TItem" : "T";
        TypeRef slot = members[0].Argument;
        TypeRef typeParameter = new(TypeKind.TypeParameter, parameter);
        List<(ObjectModel Model, TypeRef Argument)> ordered = members.OrderBy(m => _componentOfType[m.Model.Name], StringComparer.Ordinal).ToList();
        string[] schemas = ordered.Select(m => _componentOfType[m.Model.Name]).ToArray();
        Report(
            DiagnosticDescriptors.GenericFamily,
            "#/components/schemas/" + schemas[0],
            name + "<" + parameter + ">",
            string.Join(", ", schemas),
            name + "<" + parameter + ">");
        return seed with
        {
            Name = name,
            // The members' own titles name their argument (pydantic's "PaginatedResponse[AvatarSchema]"), so none is kept.
            Documentation = "One class for the schemas " + string.Join(", ", schemas) + ", which differ only in " + parameter + ".",
            Properties = seed.Properties.Select(p => p with { Type = Substitute(p.Type, slot, typeParameter) }).ToEquatableArray(),
            AdditionalPropertiesType = Substitute(seed.AdditionalPropertiesType ?? TypeRef.AnyJson, slot, typeParameter),
            Generic = new GenericSlot(parameter, converter, ordered.Select(m => m.Argument).ToEquatableArray(), schemas.ToEquatableArray()),
        };
    }

    private static TypeRef Substitute(TypeRef type, TypeRef slot, TypeRef replacement)
    {
        if (type.FullName is not null && type.FullName == slot.FullName && type.Kind == slot.Kind)
        {
            return type.IsNullable ? replacement.AsNullable() : replacement;
        }

        return type.Element is null ? type : type with { Element = Substitute(type.Element, slot, replacement) };
    }

    private static TypeRef Rewrite(TypeRef type, Dictionary<string, TypeRef> replaced)
    {
        if (type.Kind == TypeKind.Class && type.FullName is not null && replaced.TryGetValue(type.FullName, out TypeRef? generic))
        {
            return type.IsNullable ? generic.AsNullable() : generic;
        }

        return type.Element is null ? type : type with { Element = Rewrite(type.Element, replaced) };
    }

    private static TypeModel Rewrite(TypeModel model, Dictionary<string, TypeRef> replaced) => model switch
    {
        ObjectModel o => o with
        {
            Properties = o.Properties.Select(p => p with { Type = Rewrite(p.Type, replaced) }).ToEquatableArray(),
            AdditionalPropertiesType = o.AdditionalPropertiesType is null ? null : Rewrite(o.AdditionalPropertiesType, replaced),
            Generic = o.Generic is null ? null : o.Generic with { Arguments = o.Generic.Arguments.Select(a => Rewrite(a, replaced)).ToEquatableArray() },
        },
        UnionModel u => u with { Variants = u.Variants.Select(v => v with { Type = Rewrite(v.Type, replaced) }).ToEquatableArray() },
        _ => model,
    };

    private string FullName(string typeName) => "global::" + _namespace + "." + typeName;
}
