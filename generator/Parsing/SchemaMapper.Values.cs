// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using LiveAvatarGen.Generator.Diagnostics;
using LiveAvatarGen.Generator.Model;
using LiveAvatarGen.Generator.Naming;
using Microsoft.OpenApi;

namespace LiveAvatarGen.Generator.Parsing;

/// <summary>Validated value types, envelopes and default values.</summary>
internal sealed partial class SchemaMapper
{
    /// <summary>
    /// An inline string with a pattern (and any length rules beside it), or an inline number with bounds. It is named
    /// after the property (<c>CreditsLeft</c>), or after the owner and property when that name is taken; inline ones
    /// with identical rules share one type, named where first met, as inline enums and objects do (Twilio writes one
    /// SID pattern, <c>^IS[0-9a-fA-F]{32}$</c>, on every property that holds that kind of ID: one type, not one per
    /// property). Its summary stays only when every place gives the same one.
    /// </summary>
    private TypeRef MapValueType(IOpenApiSchema schema, NamedShape shape, string longName, string? shortName, string pointer)
    {
        string shapeKey = shape == NamedShape.NumberType
            ? "\u0002" + MapBuiltIn(schema, longName, pointer, 0).Kind + "\u0001" + NumberBounds.Of(schema)
            : schema.Pattern + "\u0001" + schema.MinLength + "\u0001" + schema.MaxLength;
        if (_valueTypesByShape.TryGetValue(shapeKey, out TypeRef? existing))
        {
            NoteSharedSummary(existing, Documentation.From(schema));
            return existing;
        }

        string baseName = shortName ?? longName;
        string typeName = _typeNames.Claim(_typeNames.IsTaken(baseName) ? longName : baseName);
        TypeRef type = RefForNamed(shape, typeName);
        _valueTypesByShape[shapeKey] = type;
        _sharedSummaries[typeName] = Documentation.From(schema);
        BuildNamed(shape, schema, typeName, pointer, 0);
        return type;
    }

    private void BuildNumberType(IOpenApiSchema schema, string typeName)
    {
        NumberBounds bounds = NumberBounds.Of(schema);
        TypeKind underlying = MapBuiltIn(schema, typeName, string.Empty, 0).Kind;
        _types.Add(new NumberTypeModel(_hintPrefix, _namespace, typeName, Documentation.From(schema), underlying, bounds.Minimum, bounds.Maximum, bounds.ExclusiveMinimum, bounds.ExclusiveMaximum, bounds.MultipleOf));
    }

    private void BuildValueType(IOpenApiSchema schema, string typeName, string pointer)
    {
        string? specPattern = string.IsNullOrEmpty(schema.Pattern) ? null : schema.Pattern;
        string? pattern = null;
        if (specPattern is not null)
        {
            pattern = PatternTranslator.ToDotNet(specPattern, out string? error);
            if (error is not null)
            {
                Report(DiagnosticDescriptors.InvalidPattern, pointer + "/pattern", pointer, specPattern, error);
                pattern = null;
            }
        }

        _types.Add(new ValueTypeModel(
            _hintPrefix,
            _namespace,
            typeName,
            Documentation.From(schema),
            pattern,
            pattern is null ? null : specPattern,
            schema.MinLength ?? -1,
            schema.MaxLength ?? -1,
            specPattern is not null && PatternTranslator.IsDecimalStringPattern(specPattern)));
    }

    private TypeRef MapEnvelope(IOpenApiSchema schema, string componentName, string pointer)
    {
        EnvelopeName ??= ClaimEnvelope(schema);
        IOpenApiSchema data = schema.Properties!["data"];
        TypeRef dataType = Map(data, Identifiers.ToPascalCase(componentName) + "Data", pointer + "/properties/data");
        // Data is declared TData?, which only adds null for reference types; value types (JsonElement, numbers)
        // need Nullable<T> in the type argument itself, or GetDataOrThrow could not tell "no data".
        TypeRef element = dataType.IsValueType ? dataType.AsNullable() : dataType.AsNonNullable();
        return new TypeRef(TypeKind.Generic, "global::" + _namespace + "." + EnvelopeName, element);
    }

    private string ClaimEnvelope(IOpenApiSchema schema)
    {
        string name = _typeNames.Claim("ApiEnvelope");
        int defaultCode = schema.Properties!["code"].Default is JsonValue code && code.GetValueKind() == JsonValueKind.Number
            && int.TryParse(code.ToJsonString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out int parsed) ? parsed : 0;
        _types.Add(new EnvelopeModel(_hintPrefix, _namespace, name, "The response envelope every operation of this API answers with: a status code, the data, and a message.", defaultCode));
        return name;
    }
}

/// <summary>XML documentation text for schemas.</summary>
internal static class Documentation
{
    public static string? From(IOpenApiSchema schema)
    {
        return From(SafeSchema.Get(schema, static s => s.Title, null), SafeSchema.Get(schema, static s => s.Description, null));
    }

    public static string? From(string? title, string? description)
    {
        if (string.IsNullOrWhiteSpace(description))
        {
            return string.IsNullOrWhiteSpace(title) ? null : title!.Trim();
        }

        if (string.IsNullOrWhiteSpace(title) || description!.StartsWith(title!, StringComparison.OrdinalIgnoreCase))
        {
            return description!.Trim();
        }

        return title!.Trim() + ". " + description!.Trim();
    }

    public static string? Join(string? summary, string? description)
    {
        string[] parts = new[] { summary, description }.Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s!.Trim()).Distinct(StringComparer.Ordinal).ToArray();
        return parts.Length == 0 ? null : string.Join("\n", parts);
    }
}

/// <summary>
/// Reads annotations through a <c>$ref</c>: Microsoft.OpenApi resolves the target on access and throws on a
/// reference cycle, which only costs the annotation, never the build.
/// </summary>
internal static class SafeSchema
{
    public static T Get<T>(IOpenApiSchema schema, Func<IOpenApiSchema, T> read, T fallback)
    {
        try
        {
            return read(schema);
        }
        catch (InvalidOperationException)
        {
            return fallback;
        }
    }
}
