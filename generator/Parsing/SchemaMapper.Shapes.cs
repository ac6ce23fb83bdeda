// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System.Collections.Generic;
using System.Linq;
using LiveAvatarGen.Generator.Model;
using LiveAvatarGen.Generator.Naming;
using Microsoft.OpenApi;

namespace LiveAvatarGen.Generator.Parsing;

/// <summary>Decides what a schema becomes, and maps the schemas that need no type of their own.</summary>
internal sealed partial class SchemaMapper
{
    private enum NamedShape
    {
        None,
        Object,
        Enum,
        Union,
        ValueType,
        NumberType,
        Envelope,
    }

    /// <summary>What <see cref="Alternatives"/> returns for a schema without oneOf or anyOf: shared, so never changed.</summary>
    private static readonly List<IOpenApiSchema> s_noAlternatives = new();

    private static bool HasNullFlag(IOpenApiSchema schema) => schema.Type is { } type && (type & JsonSchemaType.Null) != 0;

    /// <summary>Whether a (non-reference) schema allows a JSON null in any of the ways the versions spell it.</summary>
    private static bool AdmitsNull(IOpenApiSchema schema)
    {
        if (schema is OpenApiSchemaReference)
        {
            return false;
        }

        return HasNullFlag(schema)
            || (schema.Enum?.Any(IsNullValue) ?? false)
            || Alternatives(schema).Any(IsNullOnly)
            || AllOfAdmitsNull(schema);
    }

    private static bool IsNullOnly(IOpenApiSchema schema) => schema is not OpenApiSchemaReference && schema.Type == JsonSchemaType.Null;

    private static JsonSchemaType? TypeWithoutNull(IOpenApiSchema schema)
    {
        if (schema.Type is not { } type)
        {
            return null;
        }

        JsonSchemaType rest = type & ~JsonSchemaType.Null;
        return rest == 0 ? null : rest;
    }

    private static List<IOpenApiSchema> Alternatives(IOpenApiSchema schema)
    {
        IList<IOpenApiSchema>? oneOf = schema.OneOf;
        IList<IOpenApiSchema>? anyOf = schema.AnyOf;
        int count = (oneOf?.Count ?? 0) + (anyOf?.Count ?? 0);
        if (count == 0)
        {
            // Asked of every schema, most of which have none; callers only read the list.
            return s_noAlternatives;
        }

        List<IOpenApiSchema> all = new(count);
        AddPresent(all, oneOf);
        AddPresent(all, anyOf);
        return all;
    }

    private static void AddPresent(List<IOpenApiSchema> all, IList<IOpenApiSchema>? schemas)
    {
        if (schemas is null)
        {
            return;
        }

        foreach (IOpenApiSchema schema in schemas)
        {
            if (schema is not null)
            {
                all.Add(schema);
            }
        }
    }

    /// <summary>
    /// An allOf part that only annotates (description, title, nullable, example, deprecated, readOnly, writeOnly,
    /// default): it constrains nothing, so <c>allOf: [X, {description: …}]</c> is just X, documented.
    /// </summary>
    private static bool IsAnnotationOnly(IOpenApiSchema part)
    {
        return part is not OpenApiSchemaReference
            && (part.Type is null || part.Type == JsonSchemaType.Null)
            && part.Properties is not { Count: > 0 }
            && part.PatternProperties is not { Count: > 0 }
            && part.AdditionalProperties is null
            && part.Items is null
            && part.AllOf is not { Count: > 0 }
            && part.OneOf is not { Count: > 0 }
            && part.AnyOf is not { Count: > 0 }
            && part.Not is null
            && part.Enum is not { Count: > 0 }
            && part.Const is null
            && part.Required is not { Count: > 0 }
            && part.Discriminator is null
            && string.IsNullOrEmpty(part.Format)
            && string.IsNullOrEmpty(part.Pattern)
            && part.MinLength is null && part.MaxLength is null
            && part.Minimum is null && part.Maximum is null
            && part.ExclusiveMinimum is null && part.ExclusiveMaximum is null
            && part.MultipleOf is null
            && part.MinItems is null && part.MaxItems is null
            && part.MinProperties is null && part.MaxProperties is null;
    }

    /// <summary>The allOf parts that constrain the value, in document order (annotation-only parts left out).</summary>
    private static List<IOpenApiSchema> MeaningfulParts(IOpenApiSchema schema)
    {
        List<IOpenApiSchema> parts = new();
        if (schema.AllOf is { Count: > 0 } allOf)
        {
            parts.AddRange(allOf.Where(p => p is not null && !IsAnnotationOnly(p)));
        }

        return parts;
    }

    /// <summary>Whether any allOf part says the value may be null (3.0 <c>nullable</c> or a 3.1 null type in an annotation part).</summary>
    private static bool AllOfAdmitsNull(IOpenApiSchema schema)
        => schema.AllOf is { Count: > 0 } allOf && allOf.Any(p => p is not null and not OpenApiSchemaReference && IsAnnotationOnly(p) && HasNullFlag(p));

    /// <summary>
    /// An allOf that is one meaningful part plus annotations, with nothing of its own beside it: the value is that
    /// part's type (primitive, array, union or object), not a new object class.
    /// </summary>
    private static IOpenApiSchema? SingleMeaningfulPart(IOpenApiSchema schema)
    {
        if (schema.AllOf is not { Count: > 0 } || schema.Properties is { Count: > 0 })
        {
            return null;
        }

        List<IOpenApiSchema> parts = MeaningfulParts(schema);
        return parts.Count == 1 ? parts[0] : null;
    }

    private static bool IsStringEnum(IOpenApiSchema schema)
    {
        return schema.Enum is { Count: > 0 } values
            && values.All(v => IsNullValue(v) || v!.GetValueKind() == System.Text.Json.JsonValueKind.String)
            && values.Any(v => v is not null && v.GetValueKind() == System.Text.Json.JsonValueKind.String);
    }

    private static bool IsIntegerEnum(IOpenApiSchema schema)
    {
        return schema.Enum is { Count: > 0 } values
            && values.All(v => IsNullValue(v) || (v!.GetValueKind() == System.Text.Json.JsonValueKind.Number && long.TryParse(v.ToJsonString(), System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out _)))
            && values.Any(v => v is not null);
    }

    private static bool HasStringRules(IOpenApiSchema schema)
    {
        return !string.IsNullOrEmpty(schema.Pattern) || schema.MinLength is > 0 || schema.MaxLength is not null;
    }

    private static bool IsPlainStringType(IOpenApiSchema schema)
    {
        return TypeWithoutNull(schema) == JsonSchemaType.String && string.IsNullOrEmpty(schema.Format) && schema.Enum is not { Count: > 0 };
    }

    /// <summary>What a schema becomes if it needs a generated type; <see cref="NamedShape.None"/> if it maps to a built-in type.</summary>
    private static NamedShape ShapeOf(IOpenApiSchema schema)
    {
        if (schema is OpenApiSchemaReference)
        {
            return NamedShape.None;
        }

        if (EnvelopeDetector.IsEnvelope(schema))
        {
            return NamedShape.Envelope;
        }

        List<IOpenApiSchema> alternatives = Alternatives(schema);
        if (alternatives.Count > 0)
        {
            return alternatives.Count(a => !IsNullOnly(a)) > 1 ? NamedShape.Union : NamedShape.None;
        }

        if (schema.AllOf is { Count: > 0 } && (MeaningfulParts(schema).Count > 1 || (MeaningfulParts(schema).Count == 1 && schema.Properties is { Count: > 0 })))
        {
            return NamedShape.Object;
        }

        JsonSchemaType? type = TypeWithoutNull(schema);
        if ((IsStringEnum(schema) && (type is null || type == JsonSchemaType.String))
            || (IsIntegerEnum(schema) && type is JsonSchemaType.Integer or JsonSchemaType.Number))
        {
            return NamedShape.Enum;
        }

        if (type is { } t && t != JsonSchemaType.Object && t != JsonSchemaType.Array && CountFlags(t) > 1)
        {
            return NamedShape.Union;
        }

        if (IsPlainStringType(schema) && HasStringRules(schema))
        {
            return NamedShape.ValueType;
        }

        if (type is JsonSchemaType.Integer or JsonSchemaType.Number && schema.Enum is not { Count: > 0 } && NumberBounds.Of(schema).Any)
        {
            return NamedShape.NumberType;
        }

        if ((type is null || type == JsonSchemaType.Object) && schema.Properties is { Count: > 0 })
        {
            return NamedShape.Object;
        }

        return NamedShape.None;
    }

    private static int CountFlags(JsonSchemaType type)
    {
        int count = 0;
        for (int bits = (int)type; bits != 0; bits &= bits - 1)
        {
            count++;
        }

        return count;
    }

    /// <summary>
    /// A listed null: C# null, a JSON null, or the sentinel string Microsoft.OpenApi puts in an enum list for a
    /// null (without this check the sentinel became an enum member named after it).
    /// </summary>
    internal static bool IsNullValue(System.Text.Json.Nodes.JsonNode? node)
    {
        return node is null || JsonNullSentinel.IsJsonNullSentinel(node) || node.GetValueKind() == System.Text.Json.JsonValueKind.Null;
    }

    /// <summary>The identity of an inline enum: its kind and its values in order (documentation aside).</summary>
    private static EnumValues EnumKey(IOpenApiSchema schema) => new(IsIntegerEnum(schema), schema.Enum!, IsNullValue);

    private static bool TryNamedShape(IOpenApiSchema schema, out NamedShape shape)
    {
        shape = ShapeOf(schema);
        return shape != NamedShape.None;
    }

    private TypeRef RefForNamed(NamedShape shape, string typeName)
    {
        string fullName = "global::" + _namespace + "." + typeName;
        return shape is NamedShape.Enum or NamedShape.ValueType or NamedShape.NumberType ? new TypeRef(TypeKind.Struct, fullName) : new TypeRef(TypeKind.Class, fullName);
    }

    private void BuildNamed(NamedShape shape, IOpenApiSchema schema, string typeName, string pointer, int depth)
    {
        switch (shape)
        {
            case NamedShape.Object:
                BuildObject(schema, typeName, pointer, depth);
                break;
            case NamedShape.Enum:
                BuildEnum(schema, typeName);
                break;
            case NamedShape.Union:
                BuildUnion(schema, typeName, pointer, depth);
                break;
            case NamedShape.ValueType:
                BuildValueType(schema, typeName, pointer);
                break;
            case NamedShape.NumberType:
                BuildNumberType(schema, typeName);
                break;
        }
    }

    /// <summary>Maps a schema that is not a reference.</summary>
    private TypeRef MapInline(IOpenApiSchema schema, string nameHint, string pointer, int depth, string? shortName = null)
    {
        ReportUnmodelledKeywords(pointer);
        bool nullable = HasNullFlag(schema) || (schema.Enum?.Any(IsNullValue) ?? false);
        List<IOpenApiSchema> alternatives = Alternatives(schema);
        if (alternatives.Count > 0)
        {
            List<IOpenApiSchema> real = alternatives.Where(a => !IsNullOnly(a)).ToList();
            nullable |= real.Count < alternatives.Count;
            if (real.Count == 0)
            {
                return TypeRef.AnyJson.AsNullable();
            }

            if (real.Count == 1)
            {
                string keyword = schema.OneOf is { Count: > 0 } ? "oneOf" : "anyOf";
                TypeRef single = MapWithShortName(real[0], nameHint, pointer + "/" + keyword + "/" + alternatives.IndexOf(real[0]), depth + 1, shortName);
                return nullable ? single.AsNullable() : single;
            }
        }

        if (SingleMeaningfulPart(schema) is { } part)
        {
            nullable |= AllOfAdmitsNull(schema);
            TypeRef single = MapWithShortName(part, nameHint, pointer + "/allOf/" + schema.AllOf!.IndexOf(part), depth + 1, shortName);
            return nullable ? single.AsNullable() : single;
        }

        NamedShape shape = ShapeOf(schema);
        if (shape == NamedShape.Envelope)
        {
            // An inline envelope is rare; it is still an object with code, data and message.
            shape = NamedShape.Object;
        }

        if (shape == NamedShape.ValueType && string.IsNullOrEmpty(schema.Pattern))
        {
            // Length rules alone make a string, not a type: Stripe puts maxLength 5000 on nearly every string, which
            // would be 1,500 value types. The object holding it checks the length when set and when read.
            TypeRef text = new(TypeKind.String, Length: new LengthRule(schema.MinLength ?? -1, schema.MaxLength ?? -1));
            return nullable ? text.AsNullable() : text;
        }

        if (shape is NamedShape.ValueType or NamedShape.NumberType)
        {
            TypeRef valueType = MapValueType(schema, shape, nameHint, shortName, pointer);
            return nullable ? valueType.AsNullable() : valueType;
        }

        string? unionKey = shape == NamedShape.Union ? UnionKey(schema) : null;
        if (unionKey is not null && _unionsByVariants.TryGetValue(unionKey, out TypeRef? sameUnion))
        {
            // The same set of referenced variants in another place is the same type.
            return nullable ? sameUnion.AsNullable() : sameUnion;
        }

        EnumValues? enumKey = shape == NamedShape.Enum ? EnumKey(schema) : null;
        if (enumKey is not null && _enumsByValues.TryGetValue(enumKey, out TypeRef? sameEnum))
        {
            // Big specs repeat the same inline list in many places (Stripe: a 300-value merchant category list
            // 40 times, 2,270 inline enums with 433 distinct lists): one type each, named where first met.
            return nullable ? sameEnum.AsNullable() : sameEnum;
        }

        if (shape != NamedShape.None)
        {
            string typeName = _typeNames.Claim(shape == NamedShape.Union ? UnionName(schema, nameHint) : nameHint);
            TypeRef named = RefForNamed(shape, typeName);
            if (unionKey is not null)
            {
                _unionsByVariants[unionKey] = named;
            }

            if (enumKey is not null)
            {
                _enumsByValues[enumKey] = named;
            }

            BuildNamed(shape, schema, typeName, pointer, depth + 1);
            if (depth > 0 && shape is NamedShape.Object or NamedShape.Union)
            {
                // Nested shapes only: an operation's own body or response keeps the type named after it.
                named = ShareIdentical(typeName, named);
                if (unionKey is not null)
                {
                    _unionsByVariants[unionKey] = named;
                }
            }

            return nullable ? named.AsNullable() : named;
        }

        TypeRef builtIn = MapBuiltIn(schema, nameHint, pointer, depth);
        return nullable ? builtIn.AsNullable() : builtIn;
    }

    private TypeRef MapWithShortName(IOpenApiSchema schema, string nameHint, string pointer, int depth, string? shortName)
    {
        if (schema is null or OpenApiSchemaReference || depth > MaxInlineDepth)
        {
            return Map(schema, nameHint, pointer, depth);
        }

        return MapInline(schema, nameHint, pointer, depth, shortName);
    }

    private TypeRef MapBuiltIn(IOpenApiSchema schema, string nameHint, string pointer, int depth)
    {
        JsonSchemaType? type = TypeWithoutNull(schema);
        if (type is null)
        {
            if (schema.Items is not null)
            {
                type = JsonSchemaType.Array;
            }
            else if (schema.AdditionalProperties is not null)
            {
                type = JsonSchemaType.Object;
            }
        }

        string format = schema.Format ?? string.Empty;
        switch (type)
        {
            case JsonSchemaType.String:
                return format switch
                {
                    "uuid" => new TypeRef(TypeKind.Guid),
                    "date-time" => new TypeRef(TypeKind.DateTimeOffset),
                    "date" => new TypeRef(TypeKind.Date),
                    "byte" => new TypeRef(TypeKind.Bytes),
                    _ => new TypeRef(TypeKind.String),
                };
            case JsonSchemaType.Integer:
                return format == "int32" ? new TypeRef(TypeKind.Int32) : new TypeRef(TypeKind.Int64);
            case JsonSchemaType.Number:
                return format switch
                {
                    "float" => new TypeRef(TypeKind.Float),
                    "decimal" => new TypeRef(TypeKind.Decimal),
                    "int32" => new TypeRef(TypeKind.Int32),
                    "int64" => new TypeRef(TypeKind.Int64),
                    _ => new TypeRef(TypeKind.Double),
                };
            case JsonSchemaType.Boolean:
                return new TypeRef(TypeKind.Boolean);
            case JsonSchemaType.Array:
                return new TypeRef(TypeKind.List, Element: Map(schema.Items, nameHint + "Item", pointer + "/items", depth + 1));
            case JsonSchemaType.Object:
                TypeRef value = schema.AdditionalProperties is { } additional
                    ? Map(additional, nameHint + "Value", pointer + "/additionalProperties", depth + 1)
                    : TypeRef.AnyJson;
                return new TypeRef(TypeKind.Map, Element: value);
            default:
                return TypeRef.AnyJson;
        }
    }

    /// <summary>A key for unions whose variants are all references, or null.</summary>
    private static string? UnionKey(IOpenApiSchema schema)
    {
        List<IOpenApiSchema> real = Alternatives(schema).Where(a => !IsNullOnly(a)).ToList();
        return real.All(a => a is OpenApiSchemaReference { Reference.Id: not null })
            ? (schema.OneOf is { Count: > 0 } ? "oneOf:" : "anyOf:") + string.Join("|", real.Select(a => ((OpenApiSchemaReference)a).Reference.Id))
            : null;
    }

    /// <summary>Unions of named types are named after them (<c>CatOrDog</c>); others after where they appear.</summary>
    private static string UnionName(IOpenApiSchema schema, string nameHint)
    {
        List<IOpenApiSchema> real = Alternatives(schema).Where(a => !IsNullOnly(a)).ToList();
        if (real.Count is > 1 and <= 4 && real.All(a => a is OpenApiSchemaReference { Reference.Id: not null }))
        {
            return string.Join("Or", real.Select(a => Identifiers.ToPascalCase(((OpenApiSchemaReference)a).Reference.Id!)));
        }

        return nameHint;
    }
}
