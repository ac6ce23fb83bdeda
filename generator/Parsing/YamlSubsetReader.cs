// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace LiveAvatarGen.Generator.Parsing;

/// <summary>
/// Reads the YAML specs are written in (block mappings and sequences, plain, quoted, literal and folded scalars, flow
/// collections, comments) straight into the <see cref="JsonNode"/> tree Microsoft.OpenApi's YAML reader builds from the
/// same text, which it then reads as it reads JSON. That reader's YAML parse was 60% of reading Stripe's spec and two
/// thirds of reading Spotify's; this one walks the text once, without tokens or events.
/// </summary>
/// <remarks>
/// Anchors and aliases are read in block context (<c>key: &amp;name</c> before a value, <c>key: *name</c> as a whole
/// value), each alias a copy of its anchor's node, as that reader expands them. A block mapping's merge key
/// (<c>&lt;&lt;</c>) is applied, which that reader does not do (see <see cref="Merge"/>): the one place the trees differ.
/// Anything outside that subset gives null, and the caller reads the text with Microsoft.OpenApi's own reader, which
/// also says what is wrong with text that is not YAML: an anchor on a key, anchors and aliases in flow collections, a
/// merge key whose value is not a mapping or a list of mappings, an alias to an anchor not yet defined, a name anchored
/// twice, aliases that copy more nodes than <see cref="MaxAliasCopies"/>, tags, directives, a second document, explicit
/// indentation or keep chomping on a block scalar, tabs outside quoted and block scalars, complex keys, a duplicate
/// key, a plain scalar that spans lines inside a flow collection or holds a colon there, and nesting, scalar length or
/// node counts near the reader's limits. Scalars get the values that reader gives them: a plain one that reads as a
/// decimal, a bool or a YAML null becomes that, every other one a string. Tests compare the two readers' trees on every
/// YAML spec we hold, and on damaged copies of some.
/// </remarks>
internal sealed partial class YamlSubsetReader
{
    /// <summary>Below Microsoft.OpenApi's YAML depth limit (64), so the reader that reports it gets such a document.</summary>
    private const int MaxDepth = 60;

    /// <summary>Microsoft.OpenApi's limit on one scalar's length: a longer one is its reader's to refuse.</summary>
    private const int MaxScalarLength = 65536;

    /// <summary>Well below Microsoft.OpenApi's node limit (5,000,000).</summary>
    private const int MaxNodes = 4_000_000;

    private readonly string _text;
    private readonly StringBuilder _buffer = new();

    /// <summary>The start of the first line not yet consumed.</summary>
    private int _next;

    private int _nodes;

    private YamlSubsetReader(string text) => _text = text;

    /// <summary>The document's tree, or null when the text is not in the subset (or not YAML at all).</summary>
    public static JsonNode? Read(string text)
    {
        if (text.IndexOf('\r') >= 0)
        {
            // YAML reads a CRLF line break as LF, in scalars too; a lone CR is left to the full reader.
            text = text.Replace("\r\n", "\n");
            if (text.IndexOf('\r') >= 0)
            {
                return null;
            }
        }

        try
        {
            return new YamlSubsetReader(text).ReadDocument();
        }
        catch (OutsideSubsetException)
        {
            return null;
        }
        catch (Exception ex) when (ex is IndexOutOfRangeException or ArgumentException)
        {
            // Text this reader misjudged (none in the tests' damaged specs): the full reader reads it, as before.
            return null;
        }
    }

    private JsonNode ReadDocument()
    {
        _next = _text.Length > 0 && _text[0] == '\uFEFF' ? 1 : 0;
        int indent = PeekLine(out int content);
        if (indent == 0 && IsMarker(content, '-'))
        {
            EndLine(content + 3);
            indent = PeekLine(out content);
        }

        if (indent < 0 || _text[content] == '%')
        {
            throw new OutsideSubsetException();
        }

        JsonNode root = ReadBlockNode(indent, content, -1, 0);
        if (root is not JsonObject || PeekLine(out _) >= 0)
        {
            // A scalar or sequence at the root, a second document, or text after the end marker.
            throw new OutsideSubsetException();
        }

        return root;
    }

    /// <summary>
    /// Skips blank and comment-only lines from <see cref="_next"/> and returns the indentation of the next line with
    /// content (-1 at the end), leaving <see cref="_next"/> at that line's start.
    /// </summary>
    private int PeekLine(out int content)
    {
        int line = _next;
        while (line < _text.Length)
        {
            int position = line;
            while (position < _text.Length && _text[position] == ' ')
            {
                position++;
            }

            if (position == _text.Length)
            {
                break;
            }

            char first = _text[position];
            if (first == '\n')
            {
                line = position + 1;
            }
            else if (first == '#')
            {
                line = LineAfter(position);
            }
            else if (first == '\t')
            {
                throw new OutsideSubsetException();
            }
            else
            {
                _next = line;
                content = position;
                return position - line;
            }
        }

        _next = _text.Length;
        content = _text.Length;
        return -1;
    }

    /// <summary>A node that starts a line (or follows <c>- </c>): a sequence, a mapping, or a scalar under its key.</summary>
    private JsonNode ReadBlockNode(int indent, int content, int parentIndent, int depth)
    {
        if (IsSequenceEntry(content))
        {
            return ReadSequence(indent, content, depth);
        }

        return TryReadKey(content, out string key, out int afterColon) ? ReadMapping(indent, content, key, afterColon, depth) : ReadInlineValue(content, parentIndent, depth);
    }

    /// <summary>A block mapping whose first key, at <paramref name="keyAt"/>, the caller has read (finding that the node is a mapping).</summary>
    private JsonObject ReadMapping(int indent, int keyAt, string key, int afterColon, int depth)
    {
        EnterContainer(depth);
        JsonObject mapping = new();
        JsonNode? merge = null;
        int mergeAt = 0;
        while (true)
        {
            if (IsMergeKey(keyAt, key) && merge is null)
            {
                merge = ReadValue(afterColon, indent, depth + 1, inSequence: false);
                mergeAt = mapping.Count;
            }
            else if (IsMergeKey(keyAt, key) || mapping.ContainsKey(key))
            {
                // A key given twice is an error in YAML: the full reader says so.
                throw new OutsideSubsetException();
            }
            else
            {
                mapping.Add(key, ReadValue(afterColon, indent, depth + 1, inSequence: false));
            }

            int next = PeekLine(out int position);
            if (next != indent)
            {
                if (next > indent)
                {
                    throw new OutsideSubsetException();
                }

                return merge is null ? mapping : Merge(mapping, merge, mergeAt);
            }

            if (!TryReadKey(position, out key, out afterColon))
            {
                throw new OutsideSubsetException();
            }

            keyAt = position;
        }
    }

    private JsonArray ReadSequence(int indent, int first, int depth)
    {
        EnterContainer(depth);
        JsonArray sequence = new();
        int position = first;
        while (true)
        {
            sequence.Add(ReadValue(position + 1, indent, depth + 1, inSequence: true));
            int next = PeekLine(out position);
            if (next != indent || !IsSequenceEntry(position))
            {
                if (next > indent)
                {
                    throw new OutsideSubsetException();
                }

                return sequence;
            }
        }
    }

    /// <summary>
    /// The value after a key's colon or a sequence entry's dash, on that line or the lines under it; an alias stands
    /// for a copy of its anchor's node, and an anchor names the value after it.
    /// </summary>
    private JsonNode ReadValue(int position, int parentIndent, int depth, bool inSequence)
    {
        position = SkipSpaces(position);
        if (position < _text.Length && _text[position] == '*')
        {
            return ReadAlias(position, depth);
        }

        if (position >= _text.Length || _text[position] != '&')
        {
            return ReadUnnamedValue(position, parentIndent, depth, inSequence);
        }

        return ReadAnchored(position, parentIndent, depth, inSequence);
    }

    /// <summary>The value after any anchor: on the line or, if the line ends, the lines under it.</summary>
    private JsonNode ReadUnnamedValue(int position, int parentIndent, int depth, bool inSequence)
    {
        if (position == _text.Length || _text[position] is '\n' or '#')
        {
            _next = LineAfter(position);
            int indent = PeekLine(out int content);
            if (indent > parentIndent)
            {
                return ReadBlockNode(indent, content, parentIndent, depth);
            }

            // A mapping's value may be a sequence at the mapping's own indentation.
            return !inSequence && indent == parentIndent && IsSequenceEntry(content) ? ReadSequence(indent, content, depth) : Plain(string.Empty);
        }

        if (inSequence)
        {
            // A compact mapping or sequence inside an entry: its indentation is its column.
            int column = position - (_text.LastIndexOf('\n', position - 1) + 1);
            if (IsSequenceEntry(position))
            {
                return ReadSequence(column, position, depth);
            }

            if (TryReadKey(position, out string key, out int afterColon))
            {
                return ReadMapping(column, position, key, afterColon, depth);
            }
        }

        return ReadInlineValue(position, parentIndent, depth);
    }

    /// <summary>A scalar or flow collection starting at <paramref name="position"/>.</summary>
    private JsonNode ReadInlineValue(int position, int parentIndent, int depth)
    {
        switch (_text[position])
        {
            case '|':
            case '>':
                return Text(ReadBlockScalar(position, parentIndent));
            case '"':
            {
                string value = ReadDoubleQuoted(position, parentIndent, out int end);
                EndLine(end);
                return Text(value);
            }

            case '\'':
            {
                string value = ReadSingleQuoted(position, parentIndent, out int end);
                EndLine(end);
                return Text(value);
            }

            case '[':
            case '{':
            {
                int end = position;
                JsonNode node = ReadFlow(ref end, parentIndent, depth);
                EndLine(end);
                return node;
            }

            default:
                if (StartsOutsidePlain(position))
                {
                    throw new OutsideSubsetException();
                }

                return Plain(ReadPlain(position, parentIndent));
        }
    }

    /// <summary>
    /// A key at <paramref name="position"/> (plain, or quoted on one line) followed by a colon and a space or line end.
    /// </summary>
    private bool TryReadKey(int position, out string key, out int afterColon)
    {
        key = string.Empty;
        afterColon = position;
        char first = _text[position];
        int end;
        if (first is '"' or '\'')
        {
            int close = first == '"' ? DoubleQuoteEndOnLine(position) : SingleQuoteEndOnLine(position);
            if (close < 0)
            {
                return false;
            }

            end = SkipSpaces(close);
            if (end == _text.Length || _text[end] != ':' || !IsBlankAfter(end + 1))
            {
                return false;
            }

            key = first == '"' ? ReadDoubleQuoted(position, int.MaxValue, out _) : ReadSingleQuoted(position, int.MaxValue, out _);
            afterColon = end + 1;
            return true;
        }

        if (StartsOutsidePlain(position))
        {
            return false;
        }

        for (end = position; end < _text.Length; end++)
        {
            char c = _text[end];
            if (c == '\t')
            {
                // A tab separates as a space does (before a value, before a comment): left to the full reader.
                throw new OutsideSubsetException();
            }

            if (c == '\n' || (c == '#' && _text[end - 1] == ' '))
            {
                return false;
            }

            if (c == ':' && IsBlankAfter(end + 1))
            {
                key = _text.Substring(position, TrimEnd(position, end) - position);
                afterColon = end + 1;
                return true;
            }
        }

        return false;
    }

    /// <summary>The value Microsoft.OpenApi's YAML reader gives a plain scalar.</summary>
    private JsonValue Plain(string value)
    {
        CountNode(value);
        if (value.Length > 0 && value[0] is (>= '0' and <= '9') or '-' or '+' or '.'
            && decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal number))
        {
            return JsonValue.Create(number);
        }

        if (bool.TryParse(value, out bool flag))
        {
            return JsonValue.Create(flag);
        }

        return value is "~" or "null" or "Null" or "NULL" ? (JsonValue)JsonNullSentinel.JsonNull.DeepClone() : JsonValue.Create(value)!;
    }

    /// <summary>The value of a quoted or block scalar: always a string.</summary>
    private JsonValue Text(string value)
    {
        CountNode(value);
        return JsonValue.Create(value)!;
    }

    private void CountNode(string value)
    {
        if (++_nodes > MaxNodes || value.Length > MaxScalarLength)
        {
            throw new OutsideSubsetException();
        }
    }

    private void EnterContainer(int depth)
    {
        if (depth > MaxDepth || ++_nodes > MaxNodes)
        {
            throw new OutsideSubsetException();
        }
    }

    /// <summary>Thrown inside the reader when the text leaves the subset; <see cref="Read"/> turns it into null.</summary>
    private sealed class OutsideSubsetException : Exception
    {
    }
}
