// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace LiveAvatarGen.Generator.Parsing;

/// <summary>
/// A property's annotations, read once. For a <c>$ref</c> the reference's own siblings (3.1 allows a description or
/// default next to <c>$ref</c>) win over the target's, and the target is taken from the component table: asking the
/// reference object instead resolves it through a URI on every access, which dominated large specs.
/// </summary>
internal sealed partial class SchemaMapper
{
    private readonly struct Annotations
    {
        public Annotations(string? documentation, bool deprecated, bool readOnly, bool writeOnly, JsonNode? defaultValue)
        {
            Documentation = documentation;
            Deprecated = deprecated;
            ReadOnly = readOnly;
            WriteOnly = writeOnly;
            Default = defaultValue;
        }

        public string? Documentation { get; }

        public bool Deprecated { get; }

        public bool ReadOnly { get; }

        public bool WriteOnly { get; }

        public JsonNode? Default { get; }
    }

    /// <summary>
    /// The component a <c>$ref</c> names, read from the document's own map rather than through Microsoft.OpenApi's
    /// reference resolution (a workspace lookup per property access); null when it is missing or itself a reference.
    /// </summary>
    private IOpenApiSchema? ComponentOf(OpenApiSchemaReference reference)
        => reference.Reference?.Id is { } id && _components.TryGetValue(id, out IOpenApiSchema? component) && component is not OpenApiSchemaReference ? component : null;

    private Annotations AnnotationsOf(IOpenApiSchema schema)
    {
        if (schema is OpenApiSchemaReference reference)
        {
            IOpenApiSchema? target = ComponentOf(reference);
            JsonSchemaReference? own = reference.Reference;
            return new Annotations(
                Parsing.Documentation.From(own?.Title ?? target?.Title, own?.Description ?? target?.Description),
                (own?.Deprecated ?? false) || (target?.Deprecated ?? false),
                (own?.ReadOnly ?? false) || (target?.ReadOnly ?? false),
                (own?.WriteOnly ?? false) || (target?.WriteOnly ?? false),
                own?.Default ?? target?.Default);
        }

        return new Annotations(Parsing.Documentation.From(schema), schema.Deprecated, schema.ReadOnly, schema.WriteOnly, schema.Default);
    }
}
