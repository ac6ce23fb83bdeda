// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Threading;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace LiveAvatarGen.WireTests.Spec;

/// <summary>One parameter as the spec declares it; its schema is named by a JSON pointer into <see cref="WireSpec.Tree"/>.</summary>
internal sealed record WireParameter(string Name, string In, bool Required, string? SchemaPointer, IReadOnlyList<JsonNode?> Examples);

/// <summary>The request body in the media type the test sends.</summary>
internal sealed record WireBody(bool Required, string MediaType, string? SchemaPointer, IReadOnlyList<JsonNode?> Examples);

/// <summary>One documented response in one media type (<see cref="MediaType"/> is null for a response without content).</summary>
internal sealed record WireResponse(string Status, string? MediaType, string? SchemaPointer);

/// <summary>One operation under <c>paths</c>.</summary>
/// <param name="HasOwnServers">The operation or its path item declares a server other than the document's: the client sends it there, not to the base address.</param>
internal sealed record WireOperation(string Method, string Path, string? OperationId, IReadOnlyList<WireParameter> Parameters, WireBody? Body, IReadOnlyList<WireResponse> Responses, bool HasOwnServers = false)
{
    /// <summary>How reports and the known-failures list name it: the operationId, else <c>METHOD /path</c>.</summary>
    public string Key => OperationId ?? Method + " " + Path;

    /// <summary>Whether the spec documents this status (directly, by its <c>NXX</c> range, or through <c>default</c>).</summary>
    public bool Documents(int status)
    {
        string code = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Responses.Any(r => r.Status == code || r.Status == "default" || string.Equals(r.Status, code[0] + "XX", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The responses a status selects: its own code first, then its range, then <c>default</c>.</summary>
    public IReadOnlyList<WireResponse> ResponsesFor(int status)
    {
        string code = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        foreach (string candidate in new[] { code, code[0] + "XX", code[0] + "xx", "default" })
        {
            List<WireResponse> found = Responses.Where(r => r.Status == candidate).ToList();
            if (found.Count > 0)
            {
                return found;
            }
        }

        return Array.Empty<WireResponse>();
    }
}

/// <summary>
/// A spec as the judge reads it: converted by Microsoft.OpenApi to OpenAPI 3.1 JSON (so 3.0's <c>nullable</c> and
/// boolean <c>exclusiveMinimum</c> become plain JSON Schema 2020-12), then walked as JSON so every schema keeps the
/// pointer a validator can reach it by. The generator also reads specs with Microsoft.OpenApi, but only this
/// conversion is shared: which operations, parameters and bodies exist is read here from the JSON itself.
/// </summary>
internal sealed class WireSpec
{
    private static readonly string[] s_methods = { "get", "put", "post", "delete", "options", "head", "patch", "trace" };

    private WireSpec(string path, JsonObject tree, JsonObject strictTree, IReadOnlyList<WireOperation> operations)
    {
        Path = path;
        Tree = tree;
        StrictTree = strictTree;
        Operations = operations;
    }

    public string Path { get; }

    /// <summary>The spec as OpenAPI means it: a discriminated oneOf is read as anyOf (see <see cref="RelaxDiscriminatedOneOf"/>).</summary>
    public JsonObject Tree { get; }

    /// <summary>The spec as plain JSON Schema reads it, which is how Prism validates requests.</summary>
    public JsonObject StrictTree { get; }

    public IReadOnlyList<WireOperation> Operations { get; }

    public static WireSpec Load(string path)
    {
        OpenApiReaderSettings settings = new();
        settings.AddYamlReader();
        string format = path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? "json" : "yaml";
        string text = File.ReadAllText(path);
        ReadResult read;
        try
        {
            read = OpenApiDocument.Parse(text, format, settings);
        }
        catch (FormatException)
        {
            // A 3.0 spec using 3.1's numeric exclusiveMinimum (FastAPI writes them) throws in the 3.0 reader; the
            // generator then reads it as 3.1, and so does the judge.
            read = OpenApiDocument.Parse(Regex.Replace(text, "(openapi[\"']?\\s*:\\s*[\"']?)3\\.0\\.\\d+", "${1}3.1.0"), format, settings);
        }

        OpenApiDocument document = read.Document ?? throw new InvalidOperationException("Microsoft.OpenApi could not read " + path);
        string json = document.SerializeAsJsonAsync(OpenApiSpecVersion.OpenApi3_1, CancellationToken.None).GetAwaiter().GetResult();
        JsonObject tree = JsonNode.Parse(json)!.AsObject();
        JsonObject strictTree = tree.DeepClone().AsObject();
        RelaxDiscriminatedOneOf(tree);
        return new WireSpec(path, tree, strictTree, ReadOperations(tree));
    }

    /// <summary>Every server variable's name, from the document's, path items' and operations' servers.</summary>
    public IReadOnlyList<string> ServerVariableNames()
    {
        IEnumerable<JsonNode?> holders = new JsonNode?[] { Tree }
            .Concat((Tree["paths"] as JsonObject ?? new JsonObject()).Select(p => p.Value))
            .Concat((Tree["paths"] as JsonObject ?? new JsonObject()).SelectMany(p => p.Value is JsonObject item ? item.Select(o => o.Value) : Enumerable.Empty<JsonNode?>()));
        return holders.OfType<JsonObject>()
            .Select(h => h["servers"]).OfType<JsonArray>()
            .SelectMany(servers => servers.OfType<JsonObject>())
            .Select(server => server["variables"]).OfType<JsonObject>()
            .SelectMany(variables => variables.Select(v => v.Key))
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Follows local <c>$ref</c>s (at most a few hops) and returns the target with its pointer.</summary>
    public (JsonNode? Node, string Pointer) Resolve(JsonNode? node, string pointer)
    {
        for (int hop = 0; hop < 16 && node is JsonObject o && o["$ref"] is JsonValue reference && reference.TryGetValue(out string? target) && target.StartsWith("#/", StringComparison.Ordinal); hop++)
        {
            pointer = target.Substring(1);
            node = At(Tree, pointer);
        }

        return (node, pointer);
    }

    /// <summary>
    /// A oneOf with a discriminator picks its alternative by the discriminator's value, so a value that also fits a
    /// sibling (a Cat is a valid Dog when Dog allows more properties) is still one alternative. Plain JSON Schema does
    /// not read discriminators and would call it ambiguous; as anyOf, the alternatives are checked as OpenAPI means.
    /// </summary>
    private static void RelaxDiscriminatedOneOf(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                if (o["discriminator"] is JsonObject && o["oneOf"] is JsonArray alternatives && !o.ContainsKey("anyOf"))
                {
                    o.Remove("oneOf");
                    o["anyOf"] = alternatives;
                }

                foreach (KeyValuePair<string, JsonNode?> child in o.ToList())
                {
                    RelaxDiscriminatedOneOf(child.Value);
                }

                break;
            case JsonArray a:
                foreach (JsonNode? child in a)
                {
                    RelaxDiscriminatedOneOf(child);
                }

                break;
        }
    }

    public static string Escape(string segment) => segment.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    public static JsonNode? At(JsonNode root, string pointer)
    {
        JsonNode? current = root;
        foreach (string raw in pointer.Split('/').Skip(1))
        {
            string segment = Uri.UnescapeDataString(raw).Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            current = current switch
            {
                JsonObject o => o[segment],
                JsonArray a when int.TryParse(segment, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int i) && i < a.Count => a[i],
                _ => null,
            };
        }

        return current;
    }

    /// <summary>JSON media types first (what the generated client prefers), then forms, multipart, and the rest in spec order.</summary>
    public static string? PreferredMediaType(IEnumerable<string> mediaTypes)
    {
        List<string> all = mediaTypes.ToList();
        static int Rank(string m)
        {
            string type = m.Split(';')[0].Trim().ToLowerInvariant();
            return type == "application/json" ? 0
                : type.EndsWith("+json", StringComparison.Ordinal) || type.EndsWith("/json", StringComparison.Ordinal) ? 1
                : type == "application/x-www-form-urlencoded" ? 2
                : type == "multipart/form-data" ? 3
                : 4;
        }

        return all.OrderBy(Rank).FirstOrDefault();
    }

    /// <summary>The first server URL of the operation's, else its path item's, own servers; null when neither declares any.</summary>
    private static string? OwnServerUrl(JsonObject operation, JsonObject pathItem)
        => (operation["servers"] as JsonArray ?? pathItem["servers"] as JsonArray) is { Count: > 0 } servers ? (string?)servers[0]?["url"] : null;

    private static List<WireOperation> ReadOperations(JsonObject tree)
    {
        // A path or operation that repeats the document's server (Twilio writes it on every path) is sent to the base address like the rest.
        string? documentServer = tree["servers"] is JsonArray { Count: > 0 } documentServers ? (string?)documentServers[0]?["url"] : null;
        List<WireOperation> operations = new();
        if (tree["paths"] is not JsonObject paths)
        {
            return operations;
        }

        WireSpec resolver = new(string.Empty, tree, tree, Array.Empty<WireOperation>());
        foreach (KeyValuePair<string, JsonNode?> pathItem in paths)
        {
            string itemPointer = "/paths/" + Escape(pathItem.Key);
            (JsonNode? item, itemPointer) = resolver.Resolve(pathItem.Value, itemPointer);
            if (item is not JsonObject itemObject)
            {
                continue;
            }

            List<WireParameter> shared = ReadParameters(resolver, itemObject["parameters"], itemPointer + "/parameters");
            foreach (string method in s_methods)
            {
                if (itemObject[method] is not JsonObject operation)
                {
                    continue;
                }

                string pointer = itemPointer + "/" + method;
                List<WireParameter> own = ReadParameters(resolver, operation["parameters"], pointer + "/parameters");

                // Operation parameters override path-item ones with the same name and place.
                List<WireParameter> parameters = own.Concat(shared.Where(s => !own.Any(o => o.Name == s.Name && o.In == s.In))).ToList();
                operations.Add(new WireOperation(
                    method.ToUpperInvariant(),
                    pathItem.Key,
                    (string?)operation["operationId"],
                    parameters,
                    ReadBody(resolver, operation["requestBody"], pointer + "/requestBody"),
                    ReadResponses(resolver, operation["responses"], pointer + "/responses"),
                    OwnServerUrl(operation, itemObject) is { } ownServer && ownServer != documentServer));
            }
        }

        return operations;
    }

    private static List<WireParameter> ReadParameters(WireSpec resolver, JsonNode? list, string pointer)
    {
        List<WireParameter> result = new();
        if (list is not JsonArray array)
        {
            return result;
        }

        for (int i = 0; i < array.Count; i++)
        {
            (JsonNode? node, string at) = resolver.Resolve(array[i], pointer + "/" + i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (node is not JsonObject parameter || (string?)parameter["name"] is not { } name || (string?)parameter["in"] is not { } location)
            {
                continue;
            }

            string? schemaPointer = parameter["schema"] is not null ? at + "/schema" : null;
            List<JsonNode?> examples = Examples(resolver, parameter);
            if (schemaPointer is null && parameter["content"] is JsonObject content && content.Select(c => c.Key).FirstOrDefault() is { } mediaType)
            {
                // A parameter with content (say JSON in a query string) takes its schema from its one media type.
                schemaPointer = at + "/content/" + Escape(mediaType) + "/schema";
                examples.AddRange(Examples(resolver, content[mediaType]!.AsObject()));
            }

            result.Add(new WireParameter(name, location, (bool?)parameter["required"] ?? false, schemaPointer, examples));
        }

        return result;
    }

    private static WireBody? ReadBody(WireSpec resolver, JsonNode? node, string pointer)
    {
        (node, pointer) = resolver.Resolve(node, pointer);
        if (node is not JsonObject body || body["content"] is not JsonObject content || PreferredMediaType(content.Select(c => c.Key)) is not { } mediaType)
        {
            return null;
        }

        JsonObject media = content[mediaType] as JsonObject ?? new JsonObject();
        string mediaPointer = pointer + "/content/" + Escape(mediaType);
        return new WireBody((bool?)body["required"] ?? false, mediaType, media["schema"] is null ? null : mediaPointer + "/schema", Examples(resolver, media));
    }

    private static List<WireResponse> ReadResponses(WireSpec resolver, JsonNode? node, string pointer)
    {
        List<WireResponse> result = new();
        if (node is not JsonObject responses)
        {
            return result;
        }

        foreach (KeyValuePair<string, JsonNode?> entry in responses)
        {
            (JsonNode? response, string at) = resolver.Resolve(entry.Value, pointer + "/" + Escape(entry.Key));
            if (response is JsonObject responseObject && responseObject["content"] is JsonObject content && content.Count > 0)
            {
                foreach (KeyValuePair<string, JsonNode?> media in content)
                {
                    string mediaPointer = at + "/content/" + Escape(media.Key);
                    result.Add(new WireResponse(entry.Key, media.Key, media.Value is JsonObject m && m["schema"] is not null ? mediaPointer + "/schema" : null));
                }
            }
            else
            {
                result.Add(new WireResponse(entry.Key, null, null));
            }
        }

        return result;
    }

    /// <summary>A parameter's or media type's <c>example</c>, then each of its <c>examples</c>' values, in spec order.</summary>
    private static List<JsonNode?> Examples(WireSpec resolver, JsonObject owner)
    {
        List<JsonNode?> result = new();
        if (owner.ContainsKey("example"))
        {
            result.Add(owner["example"]?.DeepClone());
        }

        if (owner["examples"] is JsonObject examples)
        {
            foreach (KeyValuePair<string, JsonNode?> entry in examples)
            {
                (JsonNode? example, _) = resolver.Resolve(entry.Value, string.Empty);
                if (example is JsonObject exampleObject && exampleObject.ContainsKey("value"))
                {
                    result.Add(exampleObject["value"]?.DeepClone());
                }
            }
        }

        return result;
    }
}
