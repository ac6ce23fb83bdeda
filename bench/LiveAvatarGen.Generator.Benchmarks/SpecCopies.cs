// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace LiveAvatarGen.Generator.Benchmarks;

/// <summary>
/// A bigger spec made of copies of a real JSON one, to see how a run grows with a spec's size: <c>--stages
/// adyen-management-v3.json*8</c> reads eight copies of Adyen's management API as one document (1,072 operations).
/// Copy k (from 1) has its paths under <c>/v{k}</c>, and its operationIds and component names, with every
/// <c>$ref</c> to them, suffixed <c>V{k}</c>; copy 0 is the spec itself.
/// </summary>
internal static class SpecCopies
{
    private static readonly Regex s_componentReference = new("\"#/components/(?<kind>[A-Za-z]+)/(?<name>[^\"]+)\"", RegexOptions.CultureInvariant);

    /// <summary>The text for a spec argument: <c>name</c> is the file in Specs/, <c>name*n</c> n copies of it.</summary>
    public static string Read(string spec)
    {
        int star = spec.IndexOf('*', StringComparison.Ordinal);
        string file = star < 0 ? spec : spec.Substring(0, star);
        string text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Specs", file));
        return star < 0 ? text : Copies(text, int.Parse(spec.AsSpan(star + 1), NumberStyles.None, CultureInfo.InvariantCulture));
    }

    /// <summary>The file name the generator sees for a spec argument (<c>adyen-management-v3x8.json</c>).</summary>
    public static string FileName(string spec)
    {
        int star = spec.IndexOf('*', StringComparison.Ordinal);
        return star < 0 ? spec : Path.GetFileNameWithoutExtension(spec.Substring(0, star)) + "x" + spec.Substring(star + 1) + Path.GetExtension(spec.Substring(0, star));
    }

    private static string Copies(string json, int count)
    {
        JsonObject document = JsonNode.Parse(json)!.AsObject();
        JsonObject paths = new();
        JsonObject components = new();
        for (int k = 0; k < count; k++)
        {
            string suffix = k == 0 ? string.Empty : "V" + k.ToString(CultureInfo.InvariantCulture);
            string prefix = k == 0 ? string.Empty : "/v" + k.ToString(CultureInfo.InvariantCulture);
            JsonObject part = new()
            {
                ["paths"] = document["paths"]?.DeepClone(),
                ["components"] = document["components"]?.DeepClone(),
            };
            string renamed = s_componentReference.Replace(part.ToJsonString(), m => "\"#/components/" + m.Groups["kind"].Value + "/" + m.Groups["name"].Value + suffix + "\"");
            JsonObject copy = JsonNode.Parse(renamed)!.AsObject();
            if (copy["paths"] is JsonObject copyPaths)
            {
                foreach ((string path, JsonNode? item) in copyPaths.ToArray())
                {
                    copyPaths.Remove(path);
                    if (item is JsonObject operations)
                    {
                        foreach ((_, JsonNode? operation) in operations)
                        {
                            if (operation is JsonObject { } op && op["operationId"] is JsonValue id)
                            {
                                op["operationId"] = id.GetValue<string>() + suffix;
                            }
                        }
                    }

                    paths[prefix + path] = item;
                }
            }

            if (copy["components"] is JsonObject copyComponents)
            {
                foreach ((string kind, JsonNode? entries) in copyComponents.ToArray())
                {
                    copyComponents.Remove(kind);
                    if (entries is not JsonObject named)
                    {
                        continue;
                    }

                    JsonObject target = components[kind] as JsonObject ?? new JsonObject();
                    components[kind] = target;
                    foreach ((string name, JsonNode? value) in named.ToArray())
                    {
                        named.Remove(name);
                        target[name + suffix] = value;
                    }
                }
            }
        }

        document["paths"] = paths;
        document["components"] = components;
        return document.ToJsonString();
    }
}
