// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;

namespace LiveAvatarGen.Generator.Parsing;

/// <summary>
/// Takes the named example maps (<c>examples</c> of a media type or a parameter) out of the tree before
/// Microsoft.OpenApi reads it. Its reader (3.x, <c>ProcessAnyMapFields</c>) pushes each named example's key on its
/// location stack and pops only one per map, so every entry but the last stays behind: each location it gives after
/// that is wrong (a reader finding pointed at a path that does not exist), and each costs as much as all the examples
/// read before it, which is quadratic in a spec's size (eight copies of Adyen's management API, 1,072 operations,
/// allocated 641 MB to read instead of 153 MB). The generator uses no examples, so nothing it makes changes. Only the
/// document's structure is followed: a schema property named <c>examples</c>, a schema's own <c>examples</c> and a
/// header's (read without the fault) stay. A document Microsoft.OpenApi reads from the text itself (YAML outside
/// <see cref="YamlSubsetReader"/>'s subset) keeps its examples and the fault. A mapper that comes to use examples
/// must read them before this step (<c>ExampleMapTests</c> maps a document that keeps them and fails if it differs).
/// </summary>
internal static class ExampleMaps
{
    private static readonly string[] s_methods = { "get", "put", "post", "delete", "options", "head", "patch", "trace", "query" };

    public static void Remove(JsonNode? document)
    {
        if (document is not JsonObject root)
        {
            return;
        }

        EachValue(root["paths"], PathItem);
        EachValue(root["webhooks"], PathItem);
        if (root["components"] is JsonObject components)
        {
            EachValue(components["parameters"], Parameter);
            EachValue(components["requestBodies"], Body);
            EachValue(components["responses"], Response);
            EachValue(components["headers"], Header);
            EachValue(components["callbacks"], Callback);
            EachValue(components["pathItems"], PathItem);
            EachValue(components["mediaTypes"], MediaType);
        }
    }

    private static void PathItem(JsonObject item)
    {
        EachItem(item["parameters"], Parameter);
        foreach (string method in s_methods)
        {
            if (item[method] is JsonObject operation)
            {
                Operation(operation);
            }
        }

        EachValue(item["additionalOperations"], Operation);
    }

    private static void Operation(JsonObject operation)
    {
        EachItem(operation["parameters"], Parameter);
        if (operation["requestBody"] is JsonObject body)
        {
            Body(body);
        }

        EachValue(operation["responses"], Response);
        EachValue(operation["callbacks"], Callback);
    }

    private static void Callback(JsonObject callback) => EachValue(callback, PathItem);

    private static void Parameter(JsonObject parameter)
    {
        RemoveMap(parameter);
        EachValue(parameter["content"], MediaType);
    }

    private static void Body(JsonObject body) => EachValue(body["content"], MediaType);

    private static void Response(JsonObject response)
    {
        EachValue(response["content"], MediaType);
        EachValue(response["headers"], Header);
    }

    private static void Header(JsonObject header) => EachValue(header["content"], MediaType);

    private static void MediaType(JsonObject mediaType)
    {
        RemoveMap(mediaType);
        EachValue(mediaType["encoding"], static encoding => EachValue(encoding["headers"], Header));
    }

    /// <summary>Removes <c>examples</c> when it is a map, as the two objects that have one define it.</summary>
    private static void RemoveMap(JsonObject owner)
    {
        if (owner["examples"] is JsonObject)
        {
            owner.Remove("examples");
        }
    }

    /// <summary>Each object value of a map; a <c>$ref</c> is left alone, Microsoft.OpenApi reads it without examples.</summary>
    private static void EachValue(JsonNode? map, Action<JsonObject> visit)
    {
        if (map is not JsonObject entries)
        {
            return;
        }

        foreach (KeyValuePair<string, JsonNode?> entry in entries)
        {
            if (entry.Value is JsonObject value && value["$ref"] is null)
            {
                visit(value);
            }
        }
    }

    private static void EachItem(JsonNode? list, Action<JsonObject> visit)
    {
        if (list is not JsonArray items)
        {
            return;
        }

        foreach (JsonNode? item in items)
        {
            if (item is JsonObject value && value["$ref"] is null)
            {
                visit(value);
            }
        }
    }
}
