// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using LiveAvatarGen.Runtime.Http;
using LiveAvatarGen.WireTests.Spec;

namespace LiveAvatarGen.WireTests.Judging;

/// <summary>The arguments for one call, or why there are none.</summary>
internal sealed record BoundCall(object?[]? Arguments, CallResult? Refusal, IReadOnlyList<string> Notes);

/// <summary>
/// Builds every argument of a generated method from the spec: the part's examples first, then a value built from its
/// schema (all properties, then only required ones). Each candidate is checked against the schema, so whatever the
/// client sends starts out valid and any request violation Prism finds is the client's doing. Optional parameters
/// are sent too: every parameter that reaches Prism is one more style and place proven.
/// </summary>
internal sealed class ArgumentBinder
{
    private readonly WireSpec _spec;
    private readonly SchemaValidator _validator;
    private readonly SchemaValidator _strictValidator;
    private readonly SampleValues _samples;

    public ArgumentBinder(WireSpec spec, SchemaValidator validator)
    {
        _spec = spec;
        _validator = validator;
        _strictValidator = new SchemaValidator(spec, strict: true);
        _samples = new SampleValues(spec);
    }

    public BoundCall Bind(WireOperation operation, MethodInfo method)
    {
        List<string> notes = new();
        ParameterInfo[] parameters = method.GetParameters();
        object?[] arguments = new object?[parameters.Length];
        JsonObject? fields = null;
        List<WireParameter> unused = operation.Parameters.Where(p => !IsIgnoredHeader(p)).ToList();
        bool bodyUsed = false;
        for (int i = 0; i < parameters.Length; i++)
        {
            ParameterInfo parameter = parameters[i];
            if (parameter.ParameterType == typeof(CancellationToken))
            {
                arguments[i] = CancellationToken.None;
                continue;
            }

            WireParameter? declared = Match(parameter.Name!, unused);
            JsonNode? value;
            if (declared is not null)
            {
                unused.Remove(declared);
                if (declared.SchemaPointer is null)
                {
                    return Refuse(operation, Verdict.NotJudged, FailureCategory.None, "parameter '" + declared.Name + "' has no schema", notes);
                }

                if (!TryPick("parameter '" + declared.Name + "'", declared.SchemaPointer, declared.Examples, notes, out value, out string? why))
                {
                    return Refuse(operation, Verdict.NotJudged, FailureCategory.None, why!, notes);
                }
            }
            else if (operation.Body is { } body && IsFieldsBody(body))
            {
                if (fields is null)
                {
                    fields = PickBody(operation, body, notes, out string? why) as JsonObject;
                    if (fields is null)
                    {
                        return Refuse(operation, Verdict.NotJudged, FailureCategory.None, "no spec-valid form body: " + (why ?? "its schema is not an object"), notes);
                    }
                }

                string? field = fields.Select(f => f.Key).FirstOrDefault(k => Normalize(k) == Normalize(parameter.Name!));
                if (field is null)
                {
                    if (!parameter.IsOptional)
                    {
                        return Refuse(operation, Verdict.Failed, FailureCategory.Unmapped, "required method parameter '" + parameter.Name + "' matches no parameter or body field of the spec", notes);
                    }

                    arguments[i] = parameter.DefaultValue is DBNull ? null : parameter.DefaultValue;
                    continue;
                }

                bodyUsed = true;
                value = fields[field];
            }
            else if (operation.Body is { } whole && !bodyUsed)
            {
                bodyUsed = true;
                value = PickBody(operation, whole, notes, out string? why);
                if (why is not null)
                {
                    return Refuse(operation, Verdict.NotJudged, FailureCategory.None, "no spec-valid body: " + why, notes);
                }
            }
            else
            {
                if (!parameter.IsOptional)
                {
                    return Refuse(operation, Verdict.Failed, FailureCategory.Unmapped, "required method parameter '" + parameter.Name + "' matches no parameter of the spec", notes);
                }

                arguments[i] = parameter.DefaultValue is DBNull ? null : parameter.DefaultValue;
                continue;
            }

            try
            {
                arguments[i] = Convert(value, parameter.ParameterType);
            }
            catch (Exception e) when (e is JsonException or NotSupportedException or InvalidOperationException or ArgumentException or FormatException || e.GetType().Namespace?.StartsWith("LiveAvatarGen.Runtime", StringComparison.Ordinal) == true)
            {
                return Refuse(operation, Verdict.Failed, FailureCategory.ArgumentRefused, "parameter '" + parameter.Name + "' (" + parameter.ParameterType.Name + ") refuses the spec-valid value " + Show(value) + ": " + e.GetType().Name + ": " + e.Message, notes);
            }
        }

        string[] missing = unused.Where(p => p.Required).Select(p => p.In + " parameter '" + p.Name + "'").ToArray();
        if (missing.Length > 0)
        {
            return Refuse(operation, Verdict.Failed, FailureCategory.Unmapped, "the method has no parameter for the required " + string.Join(", ", missing), notes);
        }

        if (operation.Body is { Required: true } && !bodyUsed)
        {
            return Refuse(operation, Verdict.Failed, FailureCategory.Unmapped, "the method has no parameter for the required request body", notes);
        }

        notes.AddRange(unused.Select(p => "optional " + p.In + " parameter '" + p.Name + "' has no method parameter"));
        return new BoundCall(arguments, null, notes);
    }

    /// <summary>
    /// Content-Type and Accept are HTTP's own business (OpenAPI says such header parameters are ignored);
    /// Authorization belongs to the security schemes.
    /// </summary>
    private static bool IsIgnoredHeader(WireParameter parameter) => parameter.In == "header"
        && (string.Equals(parameter.Name, "Content-Type", StringComparison.OrdinalIgnoreCase)
            || string.Equals(parameter.Name, "Accept", StringComparison.OrdinalIgnoreCase)
            || string.Equals(parameter.Name, "Authorization", StringComparison.OrdinalIgnoreCase));

    private static bool IsFieldsBody(WireBody body)
    {
        string type = body.MediaType.Split(';')[0].Trim().ToLowerInvariant();
        return type is "application/x-www-form-urlencoded" or "multipart/form-data";
    }

    /// <summary>
    /// Matches a C# parameter name to a spec parameter without the generator's own naming code: letters and digits,
    /// case-blind; when two spec parameters share a name the generator tells them apart by a place suffix (idHeader).
    /// </summary>
    private static WireParameter? Match(string name, List<WireParameter> candidates)
    {
        string wanted = Normalize(name);
        List<WireParameter> exact = candidates.Where(c => Normalize(c.Name) == wanted).ToList();
        if (exact.Count == 1)
        {
            return exact[0];
        }

        return candidates.FirstOrDefault(c => wanted == Normalize(c.Name) + c.In || (exact.Count > 1 && c.In == "path" && Normalize(c.Name) == wanted));
    }

    private static string Normalize(string name) => new(name.TrimStart('@').Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());

    private JsonNode? PickBody(WireOperation operation, WireBody body, List<string> notes, out string? why)
    {
        why = null;
        if (body.SchemaPointer is null)
        {
            // No schema (say, any binary): anything goes.
            return JsonValue.Create("wire");
        }

        return TryPick("request body (" + body.MediaType + ")", body.SchemaPointer, body.Examples, notes, out JsonNode? value, out why) ? value : null;
    }

    private bool TryPick(string part, string schemaPointer, IReadOnlyList<JsonNode?> examples, List<string> notes, out JsonNode? value, out string? why)
    {
        JsonNode? schema = WireSpec.At(_spec.Tree, schemaPointer);
        IEnumerable<JsonNode?> schemaExamples = _spec.Resolve(schema, schemaPointer).Node is JsonObject resolved
            ? (resolved.ContainsKey("example") ? new[] { resolved["example"] } : Array.Empty<JsonNode?>()).Concat(resolved["examples"] is JsonArray list ? list : Enumerable.Empty<JsonNode?>())
            : Enumerable.Empty<JsonNode?>();
        int index = 0;
        foreach (JsonNode? example in examples.Concat(schemaExamples))
        {
            string? problems = _validator.Problems(schemaPointer, example);
            if (problems is null)
            {
                value = example?.DeepClone();
                why = null;
                return true;
            }

            notes.Add("spec defect: example " + index.ToString(System.Globalization.CultureInfo.InvariantCulture) + " of " + part + " is invalid against its schema (" + problems + "); a built value is sent instead");
            index++;
        }

        // Built values: the richest shape first. A value plain JSON Schema also accepts is preferred, because Prism
        // checks requests that way (a Cat that is also a valid Dog fails its oneOf, discriminator or not); a value only
        // OpenAPI's discriminator makes unambiguous is the fallback.
        string? last = null;
        List<JsonNode?> relaxedOnly = new();
        foreach (int alternative in new[] { 0, 1, 2 })
        {
            foreach ((bool requiredOnly, bool twoItems) in new[] { (false, true), (true, true), (false, false), (true, false) })
            {
                JsonNode? built = _samples.Build(schemaPointer, requiredOnly, twoItems, alternative);
                last = _validator.Problems(schemaPointer, built);
                if (last is null && _strictValidator.Problems(schemaPointer, built) is null)
                {
                    value = built;
                    why = null;
                    return true;
                }

                if (last is null)
                {
                    relaxedOnly.Add(built);
                }
            }
        }

        if (relaxedOnly.Count > 0)
        {
            value = relaxedOnly[0];
            why = null;
            return true;
        }

        value = null;
        why = "no spec-valid value for " + part + " (the built one: " + last + ")";
        return false;
    }

    private static CallResult Unused(WireOperation operation) => new(operation.Key, Verdict.Passed, FailureCategory.None, string.Empty);

    private static BoundCall Refuse(WireOperation operation, Verdict verdict, FailureCategory category, string detail, List<string> notes)
        => new(null, Unused(operation) with { Verdict = verdict, Category = category, Detail = detail }, notes);

    private static string Show(JsonNode? value)
    {
        string text = value?.ToJsonString() ?? "null";
        return text.Length > 160 ? text.Substring(0, 160) + "…" : text;
    }

    /// <summary>
    /// The JSON value as the parameter's type: strings, streams and files directly, everything else through
    /// System.Text.Json and the [JsonConverter] each generated type carries.
    /// </summary>
    private static object? Convert(JsonNode? value, Type type)
    {
        Type target = Nullable.GetUnderlyingType(type) ?? type;
        if (target == typeof(string) && value is JsonValue text && text.TryGetValue(out string? s))
        {
            return s;
        }

        if (target == typeof(string))
        {
            return value?.ToJsonString();
        }

        if (target == typeof(Stream))
        {
            return new MemoryStream(Encoding.UTF8.GetBytes(value is JsonValue v && v.TryGetValue(out string? raw) ? raw : value?.ToJsonString() ?? "wire"));
        }

        if (target == typeof(ApiFile))
        {
            return File(value);
        }

        if (FileElement(target) is { } listType)
        {
            IList files = (IList)Activator.CreateInstance(listType)!;
            foreach (JsonNode? item in value as JsonArray ?? new JsonArray { value?.DeepClone() })
            {
                files.Add(File(item));
            }

            return files;
        }

        return JsonSerializer.Deserialize(value?.ToJsonString() ?? "null", type);
    }

    private static ApiFile File(JsonNode? value)
        => new(new MemoryStream(Encoding.UTF8.GetBytes(value is JsonValue v && v.TryGetValue(out string? raw) ? raw : "wire")), "wire.bin", "application/octet-stream");

    /// <summary>A concrete list type for a parameter typed as a sequence of files, or null.</summary>
    private static Type? FileElement(Type type)
    {
        if (type.IsArray)
        {
            return null;
        }

        bool ofFiles = type.IsGenericType && type.GetGenericArguments() is [{ } element] && element == typeof(ApiFile);
        return ofFiles && type.IsAssignableFrom(typeof(List<ApiFile>)) ? typeof(List<ApiFile>) : null;
    }
}
