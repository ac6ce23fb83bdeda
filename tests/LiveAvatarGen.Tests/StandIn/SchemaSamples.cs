// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace LiveAvatarGen.Tests.StandIn;

/// <summary>
/// Builds a JSON value that satisfies a schema: every property (optional ones too, so round trips cover them),
/// the first enum value, values inside numeric and length bounds, and a value matching pydantic's decimal pattern.
/// </summary>
internal static class SchemaSamples
{
    /// <summary>The member added to every object with declared properties when asked for undeclared members.</summary>
    public const string UndeclaredMember = "x_undeclared_member";

    /// <param name="schema">The schema.</param>
    /// <param name="depth">How deep the sample already is.</param>
    /// <param name="withUndeclaredMembers">Also put a member the spec does not declare (nested JSON with a null) in every object that has declared properties, to prove a read-modify-write keeps it.</param>
    public static JsonNode? Build(IOpenApiSchema? schema, int depth = 0, bool withUndeclaredMembers = false)
    {
        if (schema is null || depth > 12)
        {
            return null;
        }

        if (schema.Const is { } constant)
        {
            return JsonValue.Create(constant);
        }

        if (schema.Enum is { Count: > 0 } values)
        {
            return values.First(v => v is not null)!.DeepClone();
        }

        List<IOpenApiSchema> alternatives = (schema.OneOf ?? new List<IOpenApiSchema>()).Concat(schema.AnyOf ?? new List<IOpenApiSchema>()).ToList();
        if (alternatives.Count > 0)
        {
            IOpenApiSchema? first = alternatives.FirstOrDefault(a => a.Type != JsonSchemaType.Null);
            return first is null ? null : Build(first, depth + 1, withUndeclaredMembers);
        }

        if (schema.AllOf is { Count: > 0 } parts)
        {
            JsonObject merged = new();
            foreach (IOpenApiSchema part in parts)
            {
                if (Build(part, depth + 1, withUndeclaredMembers) is JsonObject partObject)
                {
                    foreach (KeyValuePair<string, JsonNode?> pair in partObject.ToList())
                    {
                        partObject.Remove(pair.Key);
                        merged[pair.Key] = pair.Value;
                    }
                }
            }

            return merged;
        }

        JsonSchemaType type = (schema.Type ?? (schema.Properties is { Count: > 0 } ? JsonSchemaType.Object : 0)) & ~JsonSchemaType.Null;
        return type switch
        {
            JsonSchemaType.String => StringSample(schema),
            JsonSchemaType.Integer => JsonValue.Create(IntegerSample(schema)),
            JsonSchemaType.Number => JsonValue.Create(NumberSample(schema)),
            JsonSchemaType.Boolean => JsonValue.Create(true),
            JsonSchemaType.Array => new JsonArray(Build(schema.Items, depth + 1, withUndeclaredMembers)),
            JsonSchemaType.Object => ObjectSample(schema, depth, withUndeclaredMembers),
            _ => JsonValue.Create("any"),
        };
    }

    private static JsonObject ObjectSample(IOpenApiSchema schema, int depth, bool withUndeclaredMembers)
    {
        JsonObject result = new();
        if (schema.Properties is { Count: > 0 } properties)
        {
            foreach (KeyValuePair<string, IOpenApiSchema> property in properties)
            {
                result[property.Key] = Build(property.Value, depth + 1, withUndeclaredMembers);
            }

            if (withUndeclaredMembers)
            {
                result[UndeclaredMember] = schema.AdditionalProperties is { } typed
                    ? Build(typed, depth + 1, withUndeclaredMembers)
                    : new JsonObject { ["kept"] = new JsonArray(1, null, "two"), ["empty"] = new JsonObject() };
            }
        }
        else if (schema.AdditionalProperties is { } values)
        {
            result["key"] = Build(values, depth + 1, withUndeclaredMembers);
        }

        return result;
    }

    private static JsonValue StringSample(IOpenApiSchema schema)
    {
        if (schema.Pattern is { } pattern && pattern.StartsWith("^(?!^[-+.]*$)", System.StringComparison.Ordinal))
        {
            return JsonValue.Create("1250.75");
        }

        string text = schema.Format switch
        {
            "uuid" => "3fa85f64-5717-4562-b3fc-2c963f66afa6",
            "date-time" => "2026-11-24T10:00:00+00:00",
            "date" => "2026-11-24",
            "byte" => "aGVsbG8=",
            "uri" or "url" => "https://example.test/x",
            "email" => "user@example.test",
            _ => "sample",
        };
        if (schema.MinLength is { } min && text.Length < min)
        {
            text = text.PadRight(min, 'x');
        }

        if (schema.MaxLength is { } max && text.Length > max)
        {
            text = text.Substring(0, max);
        }

        return JsonValue.Create(text);
    }

    private static long IntegerSample(IOpenApiSchema schema)
    {
        long value = 3;
        if (schema.Minimum is { } min && long.TryParse(min, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out long low) && value < low)
        {
            value = low;
        }

        if (schema.Maximum is { } max && long.TryParse(max, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out long high) && value > high)
        {
            value = high;
        }

        return value;
    }

    private static double NumberSample(IOpenApiSchema schema)
    {
        double value = 0.9;
        if (schema.Minimum is { } min && double.TryParse(min, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double low) && value < low)
        {
            value = low;
        }

        if (schema.Maximum is { } max && double.TryParse(max, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double high) && value > high)
        {
            value = high;
        }

        return value;
    }
}
