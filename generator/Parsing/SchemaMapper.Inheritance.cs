// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.Collections.Generic;
using System.Linq;
using LiveAvatarGen.Generator.Infrastructure;
using LiveAvatarGen.Generator.Model;
using LiveAvatarGen.Generator.Naming;
using Microsoft.OpenApi;

namespace LiveAvatarGen.Generator.Parsing;

/// <summary>
/// Inheritance: a component with a <c>discriminator</c> and members of its own is a base class, and every component
/// that is <c>allOf</c> exactly one reference to it plus inline parts is a sealed class deriving from it. The children
/// are found by scanning every component's allOf, so a base that lists them in <c>oneOf</c> (or in its mapping) and one
/// that does not give the same hierarchy. Each derived class is selected by its mapping values, else its component name
/// (the spec's implicit mapping). Every other allOf shape is flattened into one class, as before.
/// </summary>
/// <remarks>
/// One level only: a schema that is allOf a derived class is flattened. A member the base declares stays the base's
/// (type and required-ness) even when a derived schema restates it. The discriminator member is a string.
/// </remarks>
internal sealed partial class SchemaMapper
{
    /// <summary>Base component → its hierarchy; filled before any component is mapped.</summary>
    private readonly Dictionary<string, HierarchyPlan> _hierarchies = new(StringComparer.Ordinal);

    /// <summary>Derived component → its base component.</summary>
    private readonly Dictionary<string, string> _baseOf = new(StringComparer.Ordinal);

    private sealed class HierarchyPlan
    {
        public HierarchyPlan(string baseId, string discriminator)
        {
            BaseId = baseId;
            Discriminator = discriminator;
        }

        public string BaseId { get; }

        public string Discriminator { get; }

        /// <summary>Derived component → the tags that select it (each tag once across the hierarchy), in ordinal order of the components.</summary>
        public SortedDictionary<string, List<string>> Tags { get; } = new(StringComparer.Ordinal);

        /// <summary>The base's members, mapped once when the base or its first derived class is built.</summary>
        public BaseMembers? Members { get; set; }
    }

    private sealed record BaseMembers(string TypeName, List<PropertyModel> Properties, string ExtrasName, TypeRef ExtrasType, IEnumerable<string> Names);

    private bool IsInHierarchy(string component) => _hierarchies.ContainsKey(component) || _baseOf.ContainsKey(component);

    /// <summary>Finds every base and its derived classes. Ordinal order makes shared tags go to the same class on every run.</summary>
    private void FindHierarchies()
    {
        foreach (string id in _components.Keys.OrderBy(k => k, StringComparer.Ordinal))
        {
            if (DerivedBaseId(id) is not { } baseId)
            {
                continue;
            }

            IOpenApiSchema baseSchema = _components[baseId];
            if (!_hierarchies.TryGetValue(baseId, out HierarchyPlan? plan))
            {
                plan = new HierarchyPlan(baseId, baseSchema.Discriminator!.PropertyName!);
                _hierarchies[baseId] = plan;
            }

            _baseOf[id] = baseId;
            HashSet<string> taken = new(plan.Tags.Values.SelectMany(t => t), StringComparer.Ordinal);
            plan.Tags[id] = TagsOf(baseSchema.Discriminator, id).Where(taken.Add).ToList();
        }
    }

    /// <summary>The base a component derives from: allOf with exactly one reference, to a component that can be a base.</summary>
    private string? DerivedBaseId(string id)
    {
        IOpenApiSchema schema = _components[id];
        if (schema is OpenApiSchemaReference
            || schema.AllOf is not { Count: > 0 } parts
            || schema.Discriminator is not null
            || Alternatives(schema).Count > 0
            || TypeWithoutNull(schema) is not (null or JsonSchemaType.Object))
        {
            return null;
        }

        List<OpenApiSchemaReference> references = parts.OfType<OpenApiSchemaReference>().ToList();
        return references.Count == 1
            && references[0].Reference is { IsExternal: false, Id: { } baseId }
            && baseId != id
            && _components.TryGetValue(baseId, out IOpenApiSchema? baseSchema)
            && CanBeBase(baseSchema)
            ? baseId
            : null;
    }

    /// <summary>A schema with a discriminator and members of its own (not a union of them, not itself derived).</summary>
    private static bool CanBeBase(IOpenApiSchema schema)
    {
        return schema is not OpenApiSchemaReference
            && schema.Discriminator?.PropertyName is { Length: > 0 }
            && schema.AnyOf is not { Count: > 0 }
            && TypeWithoutNull(schema) is null or JsonSchemaType.Object
            && (schema.Properties is { Count: > 0 } || MeaningfulParts(schema).Count > 0)
            && !EnvelopeDetector.IsEnvelope(schema);
    }

    /// <summary>The tags that name a component: its mapping values in ordinal order, else its name (the spec's implicit mapping).</summary>
    private static List<string> TagsOf(OpenApiDiscriminator? discriminator, string id)
    {
        List<string> tags = new();
        if (discriminator?.Mapping is { Count: > 0 } mapping)
        {
            tags.AddRange(mapping.Where(p => p.Value?.Reference?.Id == id).Select(p => p.Key).OrderBy(k => k, StringComparer.Ordinal));
        }

        if (tags.Count == 0)
        {
            tags.Add(id);
        }

        return tags;
    }

    /// <summary>Builds a base or derived class; queued by <see cref="ResolveComponent"/> like any object.</summary>
    private void BuildHierarchyClass(string id, string typeName, string pointer)
    {
        IOpenApiSchema schema = _components[id];
        if (_hierarchies.TryGetValue(id, out HierarchyPlan? plan))
        {
            BaseMembers members = MembersOf(plan);
            List<DerivedClassModel> derived = plan.Tags
                .Select(p => new DerivedClassModel(_componentRefs[p.Key].AsNonNullable(), p.Value.ToEquatableArray()))
                .ToList();
            HierarchyModel hierarchy = new(plan.Discriminator, TagsOf(schema.Discriminator, id)[0], null, 0, derived.ToEquatableArray());
            ReportIgnoredKeywords(schema, pointer);
            _types.Add(new ObjectModel(_hintPrefix, _namespace, typeName, Documentation.From(schema), schema.Deprecated, members.Properties.ToEquatableArray(), members.ExtrasName, members.ExtrasType, Hierarchy: hierarchy));
            return;
        }

        HierarchyPlan basePlan = _hierarchies[_baseOf[id]];
        BaseMembers inherited = MembersOf(basePlan);

        // The derived schema's own parts; the reference to the base is skipped (already visited), and what the base
        // declares stays the base's.
        List<CollectedProperty> collected = new();
        HashSet<string> required = new(StringComparer.Ordinal);
        CollectProperties(schema, pointer, collected, required, new HashSet<string>(StringComparer.Ordinal) { basePlan.BaseId }, 0);
        HashSet<string> baseJsonNames = new(inherited.Properties.Select(p => p.JsonName), StringComparer.Ordinal);
        collected.RemoveAll(p => baseJsonNames.Contains(p.JsonName));
        required.ExceptWith(baseJsonNames);
        AddUndeclaredRequired(schema, pointer, collected, required);

        NameRegistry memberNames = ObjectMemberNames(typeName);
        foreach (string name in inherited.Names)
        {
            memberNames.Reserve(name);
        }

        List<PropertyModel> properties = new(inherited.Properties);
        properties.AddRange(MapMembers(collected, required, memberNames, typeName, 0));
        ReportIgnoredKeywords(schema, pointer);
        TypeRef baseType = _componentRefs[basePlan.BaseId].AsNonNullable();
        HierarchyModel own = new(basePlan.Discriminator, TagsOf(_components[basePlan.BaseId].Discriminator, id)[0], baseType, inherited.Properties.Count, EquatableArray<DerivedClassModel>.Empty);
        _types.Add(new ObjectModel(_hintPrefix, _namespace, typeName, Documentation.From(schema), schema.Deprecated, properties.ToEquatableArray(), inherited.ExtrasName, inherited.ExtrasType, Hierarchy: own));
    }

    /// <summary>The base's members, mapped once: its properties (flattening its own allOf) with the discriminator as a string member.</summary>
    private BaseMembers MembersOf(HierarchyPlan plan)
    {
        if (plan.Members is { } known)
        {
            return known;
        }

        IOpenApiSchema schema = _components[plan.BaseId];
        string pointer = "#/components/schemas/" + plan.BaseId;
        string fullName = _componentRefs[plan.BaseId].FullName!;
        string typeName = fullName.Substring(fullName.LastIndexOf('.') + 1);

        List<CollectedProperty> collected = new();
        HashSet<string> required = new(StringComparer.Ordinal);
        CollectProperties(schema, pointer, collected, required, new HashSet<string>(StringComparer.Ordinal) { plan.BaseId }, 0);
        AddUndeclaredRequired(schema, pointer, collected, required);
        if (!collected.Any(p => p.JsonName == plan.Discriminator))
        {
            // The tag is always a member of the base, declared or not, so every class can send it.
            collected.Add(new CollectedProperty(plan.Discriminator, new OpenApiSchema { Type = JsonSchemaType.String }, pointer + "/discriminator"));
        }

        NameRegistry memberNames = ObjectMemberNames(typeName);
        List<PropertyModel> properties = MapMembers(collected, required, memberNames, typeName, 0, plan.Discriminator);
        string extrasName = memberNames.Claim("AdditionalProperties");
        TypeRef extrasType = ExtrasType(schema, typeName, pointer, 0);
        plan.Members = new BaseMembers(typeName, properties, extrasName, extrasType, properties.Select(p => p.Name).Append(extrasName).Append(typeName).ToList());
        return plan.Members;
    }
}
