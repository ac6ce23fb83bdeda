// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.Collections.Generic;
using System.Linq;
using LiveAvatarGen.Generator.Diagnostics;
using LiveAvatarGen.Generator.Emitting;
using LiveAvatarGen.Generator.Infrastructure;
using LiveAvatarGen.Generator.Model;
using LiveAvatarGen.Generator.Naming;
using Microsoft.OpenApi;

namespace LiveAvatarGen.Generator.Parsing;

/// <summary>Object schemas: properties, required-ness, defaults, allOf composition.</summary>
internal sealed partial class SchemaMapper
{
    private sealed class CollectedProperty
    {
        public CollectedProperty(string jsonName, IOpenApiSchema schema, string pointer)
        {
            JsonName = jsonName;
            Schema = schema;
            Pointer = pointer;
        }

        public string JsonName { get; }

        public IOpenApiSchema Schema { get; set; }

        public string Pointer { get; set; }
    }

    private void BuildObject(IOpenApiSchema schema, string typeName, string pointer, int depth)
    {
        List<CollectedProperty> collected = new();
        HashSet<string> required = new(StringComparer.Ordinal);
        CollectProperties(schema, pointer, collected, required, new HashSet<string>(StringComparer.Ordinal), 0);
        AddUndeclaredRequired(schema, pointer, collected, required);

        NameRegistry memberNames = ObjectMemberNames(typeName);
        List<PropertyModel> properties = MapMembers(collected, required, memberNames, typeName, depth);
        ReportIgnoredKeywords(schema, pointer);

        // Claimed after the declared properties, so they keep their natural names.
        string extrasName = memberNames.Claim("AdditionalProperties");
        TypeRef extrasType = ExtrasType(schema, typeName, pointer, depth);
        _types.Add(new ObjectModel(_hintPrefix, _namespace, typeName, Documentation.From(schema), schema.Deprecated, properties.ToEquatableArray(), extrasName, extrasType));
    }

    /// <summary>The member names an object class may not take: its own name and what the emitter and <c>object</c> declare.</summary>
    private static NameRegistry ObjectMemberNames(string typeName)
    {
        NameRegistry memberNames = ObjectMembersTaken.Start();
        memberNames.Reserve(typeName);
        return memberNames;
    }

    private static readonly NameTemplate ObjectMembersTaken = new(ObjectEmitter.Members.Concat(EmitterCommon.ObjectMembers));

    private static readonly NameTemplate EnumMembersTaken = new(EnumEmitter.Members.Concat(EmitterCommon.ObjectMembers));

    private static readonly NameTemplate UnionMembersTaken = new(UnionEmitter.Members.Concat(EmitterCommon.ObjectMembers));

    /// <summary>One <see cref="PropertyModel"/> per collected property, named by <paramref name="memberNames"/>.</summary>
    /// <param name="tag">A discriminator the class declares: that member is a string whatever its schema says (see SchemaMapper.Inheritance.cs).</param>
    private List<PropertyModel> MapMembers(List<CollectedProperty> collected, HashSet<string> required, NameRegistry memberNames, string typeName, int depth, string? tag = null)
    {
        List<PropertyModel> properties = new();
        foreach (CollectedProperty property in collected)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            string pascal = Identifiers.ToPascalCase(property.JsonName);
            string name = memberNames.Claim(pascal);
            string propertyPointer = property.Pointer;
            bool isTag = property.JsonName == tag;
            TypeRef type = isTag ? new TypeRef(TypeKind.String) : MapProperty(property.Schema, typeName + pascal, pascal, propertyPointer, depth + 1);
            bool isRequired = required.Contains(property.JsonName);
            Annotations annotations = AnnotationsOf(property.Schema);
            // An optional member is nullable and starts unset: the spec's default is what the server assumes when
            // the member is absent, so the client neither sends it unasked nor invents it when a response leaves it out.
            string? constJson = isTag ? null : ConstJson(property.Schema, type);
            TypeRef declared = isRequired ? type : constJson is not null ? type.AsNonNullable() : type.AsNullable();
            properties.Add(new PropertyModel(
                property.JsonName,
                name,
                declared,
                isRequired,
                annotations.Default is { } defaultNode && defaultNode.GetValueKind() != System.Text.Json.JsonValueKind.Null ? defaultNode.ToJsonString() : null,
                annotations.Documentation,
                annotations.Deprecated,
                annotations.ReadOnly ? PropertyAccess.ReadOnly : annotations.WriteOnly ? PropertyAccess.WriteOnly : PropertyAccess.ReadWrite,
                constJson));
        }

        return properties;
    }

    /// <summary>The type of the members the spec does not declare: <c>additionalProperties</c> when given, else raw JSON.</summary>
    private TypeRef ExtrasType(IOpenApiSchema schema, string typeName, string pointer, int depth)
        => schema.AdditionalProperties is { } additional
            ? Map(additional, typeName + "Value", pointer + "/additionalProperties", depth + 1)
            : TypeRef.AnyJson;

    /// <summary>The JSON text of a string, boolean or number <c>const</c> that the member's C# type can hold, or null.</summary>
    private string? ConstJson(IOpenApiSchema schema, TypeRef type)
    {
        // A $ref's const is its target's: no sibling overrides it.
        IOpenApiSchema source = schema is OpenApiSchemaReference reference && ComponentOf(reference) is { } component ? component : schema;
        string? value = SafeSchema.Get(source, static s => s.Const, null);
        if (value is null)
        {
            return null;
        }

        switch (type.AsNonNullable().Kind)
        {
            case TypeKind.String:
                return System.Text.Json.JsonSerializer.Serialize(value);
            case TypeKind.Boolean when value is "true" or "false":
                return value;
            case TypeKind.Int32 when int.TryParse(value, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out _):
            case TypeKind.Int64 when long.TryParse(value, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out _):
                return value;
            default:
                return null;
        }
    }

    /// <summary>
    /// A name in <c>required</c> that no <c>properties</c> declares (real specs do this) is still a member: typed
    /// as raw JSON (or as <c>additionalProperties</c> says), so a request can carry it and a response without it is
    /// refused, instead of the member silently vanishing. Ordinal order keeps the output deterministic.
    /// </summary>
    private static void AddUndeclaredRequired(IOpenApiSchema schema, string pointer, List<CollectedProperty> collected, HashSet<string> required)
    {
        IOpenApiSchema memberSchema = schema.AdditionalProperties ?? new OpenApiSchema();
        foreach (string name in required.OrderBy(n => n, StringComparer.Ordinal))
        {
            if (!collected.Any(p => p.JsonName == name))
            {
                collected.Add(new CollectedProperty(name, memberSchema, pointer + "/required"));
            }
        }
    }

    /// <summary>
    /// The fields of a form or multipart body, one method parameter each. A <c>format: binary</c> string
    /// (or an array of them) is a file.
    /// </summary>
    public EquatableArray<BodyFieldModel> MapFields(IOpenApiSchema? schema, string typeBase, string pointer, NameRegistry parameterNames)
    {
        List<BodyFieldModel> fields = new();
        if (schema is null)
        {
            return fields.ToEquatableArray();
        }

        List<CollectedProperty> collected = new();
        HashSet<string> required = new(StringComparer.Ordinal);
        CollectProperties(schema, pointer, collected, required, new HashSet<string>(StringComparer.Ordinal), 0);
        foreach (CollectedProperty property in collected)
        {
            string pascal = Identifiers.ToPascalCase(property.JsonName);
            bool isRequired = required.Contains(property.JsonName);
            FileShape files = FileFields.Of(property.Schema);
            bool isFile = files != FileShape.None;
            TypeRef type = isFile
                ? (files == FileShape.Many ? new TypeRef(TypeKind.List, Element: new TypeRef(TypeKind.File)) : new TypeRef(TypeKind.File))
                : MapProperty(property.Schema, typeBase + pascal, pascal, property.Pointer, 1);
            fields.Add(new BodyFieldModel(
                property.JsonName,
                parameterNames.Claim(Identifiers.ToCamelCase(property.JsonName)),
                isRequired ? type : type.AsNullable(),
                isRequired,
                isFile,
                AnnotationsOf(property.Schema).Documentation));
        }

        return fields.ToEquatableArray();
    }

    /// <summary>Keywords an object class cannot express are reported, never dropped silently.</summary>
    private void ReportIgnoredKeywords(IOpenApiSchema schema, string pointer)
    {
        if (schema.PatternProperties is { Count: > 0 })
        {
            Report(DiagnosticDescriptors.KeywordNotEnforced, pointer + "/patternProperties", pointer, "patternProperties", "matching members are kept with the other undeclared ones, their pattern and schema not checked");
        }

        if (schema.Not is not null)
        {
            Report(DiagnosticDescriptors.KeywordNotEnforced, pointer + "/not", pointer, "not", "values are not checked against it");
        }
    }

    private TypeRef MapProperty(IOpenApiSchema schema, string longName, string shortName, string pointer, int depth)
    {
        if (schema is OpenApiSchemaReference)
        {
            return Map(schema, longName, pointer, depth);
        }

        if (depth > MaxInlineDepth)
        {
            return Map(schema, longName, pointer, depth);
        }

        return MapInline(schema, longName, pointer, depth, shortName);
    }

    /// <summary>
    /// Gathers properties in document order: allOf parts first (composition flattens them into one class),
    /// then the schema's own. A later definition of the same name replaces an earlier one, as JSON Schema's
    /// intersection would narrow it.
    /// </summary>
    private void CollectProperties(IOpenApiSchema schema, string pointer, List<CollectedProperty> collected, HashSet<string> required, HashSet<string> visited, int depth)
        => CollectProperties(schema, pointer, collected, new Dictionary<string, CollectedProperty>(StringComparer.Ordinal), required, visited, depth);

    /// <param name="byName">The collected properties by JSON name: a later allOf part's property replaces an earlier
    /// one's in place, and a search of the list for each was quadratic in an object's properties (4,000: 0.2 s).</param>
    private void CollectProperties(IOpenApiSchema schema, string pointer, List<CollectedProperty> collected, Dictionary<string, CollectedProperty> byName, HashSet<string> required, HashSet<string> visited, int depth)
    {
        if (depth > MaxInlineDepth)
        {
            return;
        }

        if (schema is OpenApiSchemaReference reference)
        {
            string? id = reference.Reference?.Id;
            if (id is null || !_components.TryGetValue(id, out IOpenApiSchema? target) || !visited.Add(id))
            {
                // Unresolvable or cyclic allOf parts contribute nothing; the cycle itself is harmless.
                return;
            }

            CollectProperties(target, "#/components/schemas/" + id, collected, byName, required, visited, depth + 1);
            return;
        }

        if (schema.AllOf is { Count: > 0 } parts)
        {
            for (int i = 0; i < parts.Count; i++)
            {
                if (parts[i] is null)
                {
                    continue;
                }

                CollectProperties(parts[i], pointer + "/allOf/" + i, collected, byName, required, visited, depth + 1);
            }
        }

        if (schema.Required is { } names)
        {
            foreach (string name in names)
            {
                required.Add(name);
            }
        }

        if (schema.Properties is { } properties)
        {
            foreach (KeyValuePair<string, IOpenApiSchema> pair in properties.Where(p => p.Value is not null))
            {
                string propertyPointer = pointer + "/properties/" + pair.Key.Replace("~", "~0").Replace("/", "~1");
                if (!byName.TryGetValue(pair.Key, out CollectedProperty? existing))
                {
                    CollectedProperty added = new(pair.Key, pair.Value, propertyPointer);
                    collected.Add(added);
                    byName.Add(pair.Key, added);
                }
                else
                {
                    existing.Schema = pair.Value;
                    existing.Pointer = propertyPointer;
                }
            }
        }
    }

    private void BuildEnum(IOpenApiSchema schema, string typeName)
    {
        NameRegistry memberNames = EnumMembersTaken.Start();
        memberNames.Reserve(typeName);

        List<EnumMemberModel> members = new();
        Dictionary<string, string> byValue = new(StringComparer.Ordinal);
        bool isInteger = IsIntegerEnum(schema);
        foreach (System.Text.Json.Nodes.JsonNode? node in schema.Enum!)
        {
            if (IsNullValue(node) || node!.GetValueKind() != (isInteger ? System.Text.Json.JsonValueKind.Number : System.Text.Json.JsonValueKind.String))
            {
                continue;
            }

            string value = isInteger ? node.ToJsonString() : node.GetValue<string>();
            if (byValue.ContainsKey(value))
            {
                continue;
            }

            string name = memberNames.Claim(isInteger ? "Value" + value.Replace("-", "Minus") : Identifiers.ToPascalCase(value));
            byValue[value] = name;
            members.Add(new EnumMemberModel(name, value));
        }

        _types.Add(new EnumModel(_hintPrefix, _namespace, typeName, Documentation.From(schema), isInteger, members.ToEquatableArray()));
    }

    private void BuildUnion(IOpenApiSchema schema, string typeName, string pointer, int depth)
    {
        NameRegistry variantNames = UnionMembersTaken.Start();
        variantNames.Reserve(typeName);

        List<UnionVariantModel> variants = new();
        List<IOpenApiSchema> alternatives = Alternatives(schema);
        if (alternatives.Count > 0)
        {
            string keyword = schema.OneOf is { Count: > 0 } ? "oneOf" : "anyOf";
            for (int i = 0; i < alternatives.Count; i++)
            {
                if (IsNullOnly(alternatives[i]))
                {
                    continue;
                }

                TypeRef type = Map(alternatives[i], typeName + "Variant" + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), pointer + "/" + keyword + "/" + i, depth + 1).AsNonNullable();
                variants.Add(new UnionVariantModel(variantNames.Claim(VariantName(type)), type, DiscriminatorValues(schema.Discriminator, alternatives[i])));
            }
        }
        else
        {
            // A 3.1 type array such as ["string", "integer"]: one variant per type.
            JsonSchemaType type = TypeWithoutNull(schema) ?? 0;
            foreach (JsonSchemaType flag in new[] { JsonSchemaType.Boolean, JsonSchemaType.Integer, JsonSchemaType.Number, JsonSchemaType.String, JsonSchemaType.Array, JsonSchemaType.Object })
            {
                if ((type & flag) != 0)
                {
                    TypeRef variantType = flag switch
                    {
                        JsonSchemaType.Boolean => new TypeRef(TypeKind.Boolean),
                        JsonSchemaType.Integer => new TypeRef(TypeKind.Int64),
                        JsonSchemaType.Number => new TypeRef(TypeKind.Double),
                        JsonSchemaType.String => new TypeRef(TypeKind.String),
                        JsonSchemaType.Array => new TypeRef(TypeKind.List, Element: Map(schema.Items, typeName + "Item", pointer + "/items", depth + 1)),
                        _ => new TypeRef(TypeKind.Map, Element: TypeRef.AnyJson),
                    };
                    variants.Add(new UnionVariantModel(variantNames.Claim(VariantName(variantType)), variantType, EquatableArray<string>.Empty));
                }
            }
        }

        string? discriminator = variants.Any(v => v.DiscriminatorValues.Count > 0) ? schema.Discriminator!.PropertyName : null;
        // A bare title such as "Data" says less than the generated "One of: A, B."; a description is kept.
        string? documentation = string.IsNullOrWhiteSpace(SafeSchema.Get(schema, static s => s.Description, null)) ? null : Documentation.From(schema);
        _types.Add(new UnionModel(_hintPrefix, _namespace, typeName, documentation, variants.ToEquatableArray(), discriminator));
    }

    /// <summary>The discriminator values that select a variant: from the mapping, else the component's name (the spec's implicit mapping).</summary>
    private static EquatableArray<string> DiscriminatorValues(OpenApiDiscriminator? discriminator, IOpenApiSchema variant)
    {
        if (discriminator?.PropertyName is null || variant is not OpenApiSchemaReference { Reference.Id: { } id })
        {
            return EquatableArray<string>.Empty;
        }

        List<string> values = new();
        if (discriminator.Mapping is { Count: > 0 } mapping)
        {
            foreach (KeyValuePair<string, OpenApiSchemaReference> pair in mapping.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                if (pair.Value?.Reference?.Id == id)
                {
                    values.Add(pair.Key);
                }
            }
        }

        if (values.Count == 0)
        {
            values.Add(id);
        }

        return values.ToEquatableArray();
    }

    private static string VariantName(TypeRef type)
    {
        return type.Kind switch
        {
            TypeKind.Class or TypeKind.Struct => type.FullName!.Substring(type.FullName.LastIndexOf('.') + 1),
            TypeKind.List => VariantName(type.Element!) + "List",
            TypeKind.Map => VariantName(type.Element!) + "Map",
            TypeKind.Any => "Json",
            _ => type.Kind.ToString(),
        };
    }
}
