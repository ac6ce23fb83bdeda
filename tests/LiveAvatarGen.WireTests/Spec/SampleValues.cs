// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace LiveAvatarGen.WireTests.Spec;

/// <summary>
/// Builds a request value from a schema: const, then the first enum value, then a value of the type that honours its
/// format, pattern, length and numeric bounds. Objects get every property (or only the required ones, the fallback
/// when the full value is not valid) but never a readOnly one, which a client must not send.
/// </summary>
internal sealed class SampleValues
{
    private const int MaxDepth = 8;

    /// <summary>Strings tried against a pattern, in order, after the one the format suggests.</summary>
    private static readonly string[] s_patternCandidates =
    {
        "sample", "abc", "ABC", "a1", "A1", "abc123", "123", "1", "1.5", "a-b", "a_b", "abc.def", "AB12CD", "us", "US", "en-US", "USD", "+1234567890",
    };

    private readonly WireSpec _spec;
    private bool _twoItems;
    private int _alternative;

    public SampleValues(WireSpec spec)
    {
        _spec = spec;
    }

    /// <summary>Arrays get two items when <paramref name="twoItems"/> (so separators and repeats are proven), else one.</summary>
    /// <param name="alternative">Which alternative of each oneOf/anyOf to take first (the caller tries several).</param>
    public JsonNode? Build(string pointer, bool requiredOnly, bool twoItems, int alternative)
    {
        _twoItems = twoItems;
        _alternative = alternative;
        return Build(WireSpec.At(_spec.Tree, pointer), pointer, requiredOnly, 0);
    }

    private JsonNode? Build(JsonNode? node, string pointer, bool requiredOnly, int depth)
    {
        (node, pointer) = _spec.Resolve(node, pointer);
        if (node is not JsonObject schema || depth > MaxDepth)
        {
            return null;
        }

        if (schema.ContainsKey("const"))
        {
            return schema["const"]?.DeepClone();
        }

        if (schema["enum"] is JsonArray values && values.FirstOrDefault(v => v is not null) is { } first)
        {
            return first.DeepClone();
        }

        foreach (string alternativesKeyword in new[] { "oneOf", "anyOf" })
        {
            if (schema[alternativesKeyword] is JsonArray alternatives && alternatives.Count > 0)
            {
                // The first alternative that is not just null; the sibling properties, if any, come with it.
                for (int step = 0; step < alternatives.Count; step++)
                {
                    int i = (_alternative + step) % alternatives.Count;
                    (JsonNode? alternative, _) = _spec.Resolve(alternatives[i], pointer + "/" + alternativesKeyword + "/" + i.ToString(CultureInfo.InvariantCulture));
                    if (alternative is JsonObject a && IsOnlyNull(a))
                    {
                        continue;
                    }

                    JsonNode? built = Build(alternatives[i], pointer + "/" + alternativesKeyword + "/" + i.ToString(CultureInfo.InvariantCulture), requiredOnly, depth + 1);
                    built = Merge(built, schema.ContainsKey("properties") ? ObjectSample(schema, pointer, requiredOnly, depth) : null);
                    if (schema["discriminator"] is JsonObject discriminator && (string?)discriminator["propertyName"] is { } property && built is JsonObject chosen)
                    {
                        // The discriminator's value names the alternative: its mapping key, else the schema's own name.
                        string? reference = alternatives[i] is JsonObject r ? (string?)r["$ref"] : null;
                        string? key = (discriminator["mapping"] as JsonObject)?.FirstOrDefault(m => (string?)m.Value == reference).Key
                            ?? reference?.Substring(reference.LastIndexOf('/') + 1);
                        if (key is not null)
                        {
                            chosen[property] = key;
                        }
                    }

                    return built;
                }

                return null;
            }
        }

        if (schema["allOf"] is JsonArray parts && parts.Count > 0)
        {
            JsonNode? merged = schema.ContainsKey("properties") ? ObjectSample(schema, pointer, requiredOnly, depth) : null;
            for (int i = 0; i < parts.Count; i++)
            {
                merged = Merge(merged, Build(parts[i], pointer + "/allOf/" + i.ToString(CultureInfo.InvariantCulture), requiredOnly, depth + 1));
            }

            return merged;
        }

        if (schema.ContainsKey("default") && schema["default"] is not null && depth > 0 && requiredOnly)
        {
            return schema["default"]!.DeepClone();
        }

        string type = TypeOf(schema);
        return type switch
        {
            "string" => JsonValue.Create(StringSample(schema)),
            "integer" => JsonValue.Create(IntegerSample(schema)),
            "number" => JsonValue.Create(NumberSample(schema)),
            "boolean" => JsonValue.Create(true),
            "array" => ArraySample(schema, pointer, requiredOnly, depth),
            "object" => ObjectSample(schema, pointer, requiredOnly, depth),
            "null" => null,
            _ => JsonValue.Create("sample"),
        };
    }

    private static bool IsOnlyNull(JsonObject schema) => TypeOf(schema) == "null" && !schema.ContainsKey("properties");

    /// <summary>The schema's type, the first non-null one of a type list, or what its keywords imply.</summary>
    private static string TypeOf(JsonObject schema)
    {
        switch (schema["type"])
        {
            case JsonValue single when single.TryGetValue(out string? name):
                return name;
            case JsonArray list:
                string[] names = list.Select(t => (string?)t).Where(t => t is not null).Select(t => t!).ToArray();
                return names.FirstOrDefault(t => t != "null") ?? "null";
        }

        return schema.ContainsKey("properties") || schema.ContainsKey("additionalProperties") ? "object"
            : schema.ContainsKey("items") ? "array"
            : schema.ContainsKey("pattern") || schema.ContainsKey("format") || schema.ContainsKey("minLength") ? "string"
            : schema.ContainsKey("minimum") || schema.ContainsKey("maximum") ? "number"
            : string.Empty;
    }

    private static JsonNode? Merge(JsonNode? left, JsonNode? right)
    {
        if (left is JsonObject a && right is JsonObject b)
        {
            foreach (KeyValuePair<string, JsonNode?> pair in b.ToList())
            {
                a[pair.Key] = pair.Value?.DeepClone();
            }

            return a;
        }

        return right ?? left;
    }

    private JsonObject ObjectSample(JsonObject schema, string pointer, bool requiredOnly, int depth)
    {
        JsonObject result = new();
        HashSet<string> required = schema["required"] is JsonArray names
            ? names.Select(n => (string?)n).Where(n => n is not null).Select(n => n!).ToHashSet(StringComparer.Ordinal)
            : new HashSet<string>(StringComparer.Ordinal);
        if (schema["properties"] is JsonObject properties)
        {
            foreach (KeyValuePair<string, JsonNode?> property in properties)
            {
                string at = pointer + "/properties/" + WireSpec.Escape(property.Key);
                (JsonNode? resolved, _) = _spec.Resolve(property.Value, at);
                bool readOnly = resolved is JsonObject r && ((bool?)r["readOnly"] ?? false);
                bool deep = depth >= MaxDepth - 2;
                if (readOnly || ((requiredOnly || deep) && !required.Contains(property.Key)))
                {
                    continue;
                }

                result[property.Key] = Build(property.Value, at, requiredOnly, depth + 1);
            }
        }

        if (result.Count == 0 && schema["additionalProperties"] is JsonObject values && !requiredOnly)
        {
            result["key"] = Build(values, pointer + "/additionalProperties", requiredOnly, depth + 1);
        }

        return result;
    }

    private JsonArray ArraySample(JsonObject schema, string pointer, bool requiredOnly, int depth)
    {
        JsonArray result = new();
        int count = Math.Max(_twoItems ? 2 : 1, (int?)schema["minItems"] ?? 1);
        for (int i = 0; i < count; i++)
        {
            JsonNode? item = Build(schema["items"], pointer + "/items", requiredOnly, depth + 1);
            (JsonNode? itemSchema, _) = _spec.Resolve(schema["items"], pointer + "/items");
            if (i > 0 && item is JsonValue v)
            {
                // Later items differ from the first (uniqueItems, and a repeat proves nothing): the next enum value,
                // the next number, or a suffixed plain string; anything that breaks the schema falls back to one item.
                if (itemSchema is JsonObject { } s && s["enum"] is JsonArray values && values.Count > i)
                {
                    item = values[i]?.DeepClone();
                }
                else if (v.TryGetValue(out long number))
                {
                    item = JsonValue.Create(number + i);
                }
                else if (v.TryGetValue(out string? text) && itemSchema is JsonObject plain && !plain.ContainsKey("format") && !plain.ContainsKey("pattern"))
                {
                    item = JsonValue.Create(text + i.ToString(CultureInfo.InvariantCulture));
                }
            }

            result.Add(item);
        }

        return result;
    }

    private static string StringSample(JsonObject schema)
    {
        string? format = (string?)schema["format"];
        string preferred = format switch
        {
            "uuid" => "3fa85f64-5717-4562-b3fc-2c963f66afa6",
            "date-time" => "2026-11-24T10:00:00Z",
            "date" => "2026-11-24",
            "time" => "10:00:00Z",
            "duration" => "PT1H",
            "byte" => "aGVsbG8=",
            "binary" => "wire",
            "uri" or "url" or "uri-reference" or "iri" => "https://example.test/x",
            "email" or "idn-email" => "user@example.test",
            "hostname" or "idn-hostname" => "example.test",
            "ipv4" => "192.0.2.1",
            "ipv6" => "2001:db8::1",
            "password" => "secret123",
            _ => "sample",
        };
        int? minLength = (int?)schema["minLength"];
        int? maxLength = (int?)schema["maxLength"];
        Regex? pattern = null;
        if ((string?)schema["pattern"] is { } source)
        {
            try
            {
                pattern = new Regex(source, RegexOptions.ECMAScript | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            }
            catch (ArgumentException)
            {
                // ECMAScript mode refuses some .NET-valid constructs; the plain engine is close enough for a probe.
                pattern = new Regex(source, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            }
        }

        foreach (string candidate in new[] { preferred }.Concat(s_patternCandidates))
        {
            string text = Fit(candidate, minLength, maxLength);
            if (pattern is null || pattern.IsMatch(text))
            {
                return text;
            }
        }

        return Fit(preferred, minLength, maxLength);
    }

    private static string Fit(string text, int? minLength, int? maxLength)
    {
        if (minLength is { } min && text.Length < min)
        {
            text = text.PadRight(min, 'x');
        }

        if (maxLength is { } max && text.Length > max)
        {
            text = text.Substring(0, max);
        }

        return text;
    }

    private static long IntegerSample(JsonObject schema)
    {
        decimal value = NumberWithin(schema, 3m, 1m);
        return (long)Math.Ceiling(value);
    }

    private static decimal NumberSample(JsonObject schema) => NumberWithin(schema, 1.5m, 0.5m);

    /// <summary>The preferred value moved inside [minimum, maximum] (exclusive bounds by one step) and onto multipleOf.</summary>
    private static decimal NumberWithin(JsonObject schema, decimal preferred, decimal step)
    {
        decimal value = preferred;
        if (Number(schema["minimum"]) is { } minimum && value < minimum)
        {
            value = minimum;
        }

        if (Number(schema["exclusiveMinimum"]) is { } exclusiveMinimum && value <= exclusiveMinimum)
        {
            value = exclusiveMinimum + step;
        }

        if (Number(schema["maximum"]) is { } maximum && value > maximum)
        {
            value = maximum;
        }

        if (Number(schema["exclusiveMaximum"]) is { } exclusiveMaximum && value >= exclusiveMaximum)
        {
            value = exclusiveMaximum - step;
        }

        if (Number(schema["multipleOf"]) is { } multipleOf && multipleOf > 0)
        {
            value = Math.Ceiling(value / multipleOf) * multipleOf;
        }

        return value;
    }

    private static decimal? Number(JsonNode? node) => node is JsonValue v && v.TryGetValue(out decimal d) ? d
        : node is JsonValue w && w.TryGetValue(out double x) && Math.Abs(x) < 1e20 ? (decimal)x
        : null;
}
