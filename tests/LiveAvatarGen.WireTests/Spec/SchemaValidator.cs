// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace LiveAvatarGen.WireTests.Spec;

/// <summary>
/// Says whether a value is valid against a schema of the spec, named by its JSON pointer. The judge needs this twice:
/// the test only sends values that are valid (so a violation Prism reports is the client's doing), and when the
/// client cannot read an answer, an answer that is itself invalid is the spec's defect (or Prism's), not the client's.
/// </summary>
internal sealed class SchemaValidator
{
    private readonly Uri _baseUri;
    private readonly BuildOptions _buildOptions;
    private readonly Dictionary<string, JsonSchema> _schemas = new(StringComparer.Ordinal);
    private readonly EvaluationOptions _evaluationOptions = new() { OutputFormat = OutputFormat.List, RequireFormatValidation = true };

    /// <param name="spec">The spec.</param>
    /// <param name="strict">Check against the schemas as plain JSON Schema reads them (as Prism does), discriminators ignored.</param>
    public SchemaValidator(WireSpec spec, bool strict = false)
    {
        OpenApiFormats.Register();
        // Each spec gets its own registry and address, so $refs inside it resolve against it alone.
        _baseUri = new Uri("https://wire.test/" + Guid.NewGuid().ToString("N") + "/openapi.json");
        SchemaRegistry registry = new();
        registry.Register(_baseUri, new JsonElementBaseDocument(JsonSerializer.SerializeToElement(strict ? spec.StrictTree : spec.Tree), _baseUri));
        // 2020-12 is what OpenAPI 3.1 schemas are; unlike the library's default dialect it lets OpenAPI's own keywords
        // (example, discriminator, x-…) through as annotations.
        _buildOptions = new BuildOptions { SchemaRegistry = registry, Dialect = Dialect.Draft202012 };
    }

    /// <summary>Null when <paramref name="value"/> is valid against the schema at <paramref name="pointer"/>, else what is wrong.</summary>
    public string? Problems(string pointer, JsonNode? value)
    {
        if (!_schemas.TryGetValue(pointer, out JsonSchema? schema))
        {
            string fragment = string.Join("/", pointer.Split('/').Select(Uri.EscapeDataString));
            schema = JsonSchema.FromText("{\"$ref\":\"" + _baseUri + "#" + fragment + "\"}", _buildOptions);
            _schemas[pointer] = schema;
        }

        JsonElement instance = JsonSerializer.SerializeToElement(value);
        EvaluationResults results = schema.Evaluate(instance, _evaluationOptions);
        if (results.IsValid)
        {
            return null;
        }

        IEnumerable<string> errors = (results.Details ?? new List<EvaluationResults>())
            .Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => (string.IsNullOrEmpty(d.InstanceLocation.ToString()) ? "$" : d.InstanceLocation.ToString()) + ": " + e.Value))
            .Distinct(StringComparer.Ordinal)
            .Take(4);
        string text = string.Join("; ", errors);
        return text.Length == 0 ? "invalid" : text;
    }
}
