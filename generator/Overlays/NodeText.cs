// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using LiveAvatarGen.Generator.Parsing;
using Microsoft.OpenApi;
using Microsoft.OpenApi.YamlReader;
using SharpYaml.Serialization;

namespace LiveAvatarGen.Generator.Overlays;

/// <summary>
/// JSON or YAML text to a <see cref="JsonNode"/> tree and back to JSON text: the form overlays are applied in. YAML
/// goes through <see cref="YamlSubsetReader"/> or, outside its subset, the converter the OpenAPI reader itself uses, so
/// scalars get the same types they would without an overlay.
/// </summary>
internal static class NodeText
{
    /// <summary>The OpenAPI reader's YAML limits are its own; a JSON document deeper than this is refused here too.</summary>
    private const int MaxDepth = 256;

    private static readonly Regex s_yamlPosition = new("\\(Lin: (?<line>[0-9]{1,9}), Col: (?<column>[0-9]{1,9})", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    /// <summary>Parses the text; throws <see cref="NodeTextException"/> with a zero-based position when it is not JSON or YAML.</summary>
    public static JsonNode? Parse(string path, string text)
    {
        if (LooksLikeJson(path, text))
        {
            try
            {
                return JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { MaxDepth = MaxDepth, CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            }
            catch (JsonException ex)
            {
                throw new NodeTextException(FirstSentence(ex.Message), (int)(ex.LineNumber ?? 0), (int)(ex.BytePositionInLine ?? 0));
            }
        }

        try
        {
            return ParseYaml(text);
        }
        catch (Exception first) when (first is not OperationCanceledException)
        {
            // The same rescue the spec loader applies: YAML 1.2 flow scalars with colons, quoted, read the same.
            if (YamlFlowScalars.QuoteColonScalars(text) is { } quoted)
            {
                try
                {
                    return ParseYaml(quoted);
                }
                catch (Exception) when (first is not OperationCanceledException)
                {
                    // Report the first failure: it is about the text the user wrote.
                }
            }

            Match position = s_yamlPosition.Match(first.Message);
            int line = position.Success ? int.Parse(position.Groups["line"].Value, CultureInfo.InvariantCulture) - 1 : 0;
            int column = position.Success ? int.Parse(position.Groups["column"].Value, CultureInfo.InvariantCulture) - 1 : 0;
            throw new NodeTextException(FirstSentence(first.Message), line, column);
        }
    }

    /// <summary>Indented JSON, one member per line, so the spec loader's line-based checks still see <c>"openapi":</c> and <c>"swagger":</c>.</summary>
    public static string ToJson(JsonNode? node) => node?.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) ?? "null";

    private static JsonNode? ParseYaml(string text)
    {
        if (YamlSubsetReader.Read(text) is { } tree)
        {
            // The spec loader's reader: the same tree as the converter below (tests compare them), without SharpYaml.
            return WithPlainNulls(tree);
        }

        CheckYamlDepth(text);
        YamlStream stream = new();
        stream.Load(new StringReader(text));
        if (stream.Documents.Count == 0)
        {
            throw new NodeTextException("the file holds no document", 0, 0);
        }

        return WithPlainNulls(stream.Documents[0].ToJsonNode());
    }

    /// <summary>
    /// The YAML converter writes an explicit null as Microsoft.OpenApi's sentinel string (its YAML reader tells it
    /// from a missing value that way); written back as JSON it must be a JSON null again, and filters compare it as one.
    /// </summary>
    private static JsonNode? WithPlainNulls(JsonNode? root)
    {
        if (JsonNullSentinel.IsJsonNullSentinel(root))
        {
            return null;
        }

        Stack<JsonNode> pending = new();
        if (root is not null)
        {
            pending.Push(root);
        }

        while (pending.Count > 0)
        {
            JsonNode node = pending.Pop();
            if (node is JsonObject obj)
            {
                foreach (string key in obj.Where(m => m.Value is not null).Select(m => m.Key).ToList())
                {
                    Visit(obj[key]!, () => obj[key] = null);
                }
            }
            else if (node is JsonArray array)
            {
                for (int i = 0; i < array.Count; i++)
                {
                    int index = i;
                    if (array[i] is { } item)
                    {
                        Visit(item, () => array[index] = null);
                    }
                }
            }
        }

        return root;

        void Visit(JsonNode child, Action clear)
        {
            if (JsonNullSentinel.IsJsonNullSentinel(child))
            {
                clear();
            }
            else if (child is JsonObject or JsonArray)
            {
                pending.Push(child);
            }
        }
    }

    /// <summary>
    /// Building a YAML tree recurses once per level, and a stack overflow would end the compiler, not just this
    /// spec: the events are scanned first, in a loop, and a document nested deeper than JSON's limit is refused.
    /// </summary>
    private static void CheckYamlDepth(string text)
    {
        SharpYaml.IParser parser = SharpYaml.Parser.CreateParser(new StringReader(text));
        int depth = 0;
        while (parser.MoveNext())
        {
            depth += parser.Current!.NestingIncrease;
            if (depth > MaxDepth)
            {
                throw new NodeTextException("the document nests deeper than " + MaxDepth + " levels", parser.Current.Start.Line, parser.Current.Start.Column);
            }
        }
    }

    private static bool LooksLikeJson(string path, string text)
    {
        string trimmed = text.TrimStart();
        if (trimmed.Length > 0 && trimmed[0] is '{' or '[')
        {
            return true;
        }

        return path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) && trimmed.Length == 0;
    }

    private static string FirstSentence(string message)
    {
        int end = message.IndexOf(". ", StringComparison.Ordinal);
        return (end > 0 ? message.Substring(0, end) : message).TrimEnd('.');
    }
}

/// <summary>Text that is neither JSON nor YAML; the position is zero-based.</summary>
internal sealed class NodeTextException : Exception
{
    public NodeTextException(string message, int line, int column)
        : base(message)
    {
        Line = line;
        Column = column;
    }

    public int Line { get; }

    public int Column { get; }
}
