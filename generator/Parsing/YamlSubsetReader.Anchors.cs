// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace LiveAvatarGen.Generator.Parsing;

/// <summary>Anchors, aliases and merge keys: the YAML that names a node once and uses it again.</summary>
internal sealed partial class YamlSubsetReader
{
    /// <summary>
    /// Below Microsoft.OpenApi's limit on the nodes aliases may copy, 5,000 over the whole document (3.11: four aliases
    /// of a 1,001-node mapping read, five are refused): past this, its reader decides, and reports a document that
    /// copies too much.
    /// </summary>
    private const int MaxAliasCopies = 4000;

    /// <summary>YAML 1.1's merge key: its value's members join the mapping that holds it (see <see cref="Merge"/>).</summary>
    private const string MergeKey = "<<";

    /// <summary>
    /// Whether the key read at <paramref name="keyAt"/> is the merge key: only its plain form is. A quoted <c>"&lt;&lt;"</c> is
    /// a string key like any other, as YAML resolves it and as js-yaml reads it.
    /// </summary>
    private bool IsMergeKey(int keyAt, string key) => key == MergeKey && _text[keyAt] == '<';

    /// <summary>The nodes anchors name, by name.</summary>
    private Dictionary<string, JsonNode>? _anchors;

    private int _aliasCopies;

    /// <summary><c>&amp;name</c> and the value it names, which later aliases copy.</summary>
    private JsonNode ReadAnchored(int position, int parentIndent, int depth, bool inSequence)
    {
        string anchor = ReadPropertyName(position, out position);
        position = SkipSpaces(position);
        if (position < _text.Length && _text[position] != '\n' && _text[position] != '#' && TryReadKey(position, out _, out _))
        {
            // `&name key: value` names the key, not the mapping: left to the full reader.
            throw new OutsideSubsetException();
        }

        _anchors ??= new Dictionary<string, JsonNode>(StringComparer.Ordinal);
        if (_anchors.ContainsKey(anchor))
        {
            // YAML lets a later anchor replace an earlier one; SharpYaml refuses it: left to the full reader.
            throw new OutsideSubsetException();
        }

        JsonNode node = ReadUnnamedValue(position, parentIndent, depth, inSequence);
        _anchors.Add(anchor, node);
        return node;
    }

    /// <summary><c>*name</c>, alone on its line but for a comment: a copy of the node the anchor named.</summary>
    private JsonNode ReadAlias(int position, int depth)
    {
        string name = ReadPropertyName(position, out int end);
        EndLine(end);
        if (_anchors is null || !_anchors.TryGetValue(name, out JsonNode? anchored))
        {
            throw new OutsideSubsetException();
        }

        JsonNode copy = anchored.DeepClone();
        _aliasCopies += CountNodes(copy, depth);
        if (_aliasCopies > MaxAliasCopies)
        {
            throw new OutsideSubsetException();
        }

        return copy;
    }

    /// <summary>
    /// The name after <c>&amp;</c> or <c>*</c> at <paramref name="position"/>, up to a space or line end; a flow
    /// indicator or anything else against it is left to the full reader.
    /// </summary>
    private string ReadPropertyName(int position, out int end)
    {
        end = position + 1;
        while (end < _text.Length && _text[end] is not (' ' or '\n' or '\t' or ',' or '[' or ']' or '{' or '}'))
        {
            end++;
        }

        if (end == position + 1 || !IsBlankAfter(end))
        {
            throw new OutsideSubsetException();
        }

        return _text.Substring(position + 1, end - position - 1);
    }

    /// <summary>
    /// How many nodes a copy placed at <paramref name="depth"/> adds, counted against the same limits as the nodes
    /// read: an alias inside an anchored node nests that node again, and the nesting limit holds for the copies too.
    /// </summary>
    private int CountNodes(JsonNode root, int depth)
    {
        int count = 0;
        Stack<(JsonNode Node, int Depth)> pending = new();
        pending.Push((root, depth));
        while (pending.Count > 0)
        {
            (JsonNode node, int at) = pending.Pop();
            count++;
            if (++_nodes > MaxNodes || at > MaxDepth)
            {
                throw new OutsideSubsetException();
            }

            if (node is JsonObject mapping)
            {
                foreach (KeyValuePair<string, JsonNode?> member in mapping)
                {
                    if (member.Value is { } child)
                    {
                        pending.Push((child, at + 1));
                    }
                }
            }
            else if (node is JsonArray sequence)
            {
                foreach (JsonNode? item in sequence)
                {
                    if (item is not null)
                    {
                        pending.Push((item, at + 1));
                    }
                }
            }
        }

        return count;
    }

    /// <summary>
    /// Applies a YAML merge key (<c>&lt;&lt;: *base</c>, or a block sequence of aliases): the merged mappings' members
    /// that the mapping does not set itself, at the merge key's place, an earlier mapping's member before a later one's.
    /// Microsoft.OpenApi's reader keeps <c>&lt;&lt;</c> as an unknown keyword and loses those members without a word;
    /// the JavaScript tools specs are written and checked with (js-yaml, under Swagger UI and Redocly) merge them.
    /// </summary>
    private static JsonObject Merge(JsonObject mapping, JsonNode merge, int mergeAt)
    {
        List<JsonObject> sources = new();
        if (merge is JsonObject single)
        {
            sources.Add(single);
        }
        else if (merge is JsonArray list && list.All(item => item is JsonObject))
        {
            sources.AddRange(list.Select(item => (JsonObject)item!));
        }
        else
        {
            // A scalar, or a list holding one: an error in YAML, for the full reader to report.
            throw new OutsideSubsetException();
        }

        List<KeyValuePair<string, JsonNode?>> own = mapping.ToList();
        mapping.Clear();
        HashSet<string> ownKeys = new(own.Select(member => member.Key), StringComparer.Ordinal);
        JsonObject result = new();
        for (int i = 0; i <= own.Count; i++)
        {
            if (i == mergeAt)
            {
                foreach (JsonObject source in sources)
                {
                    foreach (KeyValuePair<string, JsonNode?> member in source)
                    {
                        if (!ownKeys.Contains(member.Key) && !result.ContainsKey(member.Key))
                        {
                            // Copied, not moved: the merged value may carry an anchor (`<<: &base {...}`) a later
                            // alias copies again.
                            result.Add(member.Key, member.Value?.DeepClone());
                        }
                    }
                }
            }

            if (i < own.Count)
            {
                result.Add(own[i].Key, own[i].Value);
            }
        }

        return result;
    }
}
