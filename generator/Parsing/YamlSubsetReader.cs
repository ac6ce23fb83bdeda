// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace LiveAvatarGen.Generator.Parsing;

/// <summary>
/// Reads the YAML specs are written in (block mappings and sequences, plain, quoted, literal and folded scalars,
/// one-line-per-entry flow collections, comments) straight into the <see cref="JsonNode"/> tree Microsoft.OpenApi's
/// YAML reader builds from the same text, which it then reads as it reads JSON. That reader's YAML parse was 60% of
/// reading Stripe's spec and two thirds of reading Spotify's; this one walks the text once, without tokens or events.
/// </summary>
/// <remarks>
/// Anything outside that subset gives null, and the caller reads the text with Microsoft.OpenApi's own reader, which
/// also says what is wrong with text that is not YAML: anchors, aliases, tags, directives, a second document, explicit
/// indentation or keep chomping on a block scalar, tabs in indentation, complex keys, a duplicate key, a plain scalar
/// that spans lines inside a flow collection or holds a colon there, and nesting, scalar length or node counts near the
/// reader's limits. Scalars get the values that reader gives them: a plain one that reads as a decimal, a bool or a
/// YAML null becomes that, every other one a string. Tests compare the two readers' trees on every YAML spec we hold.
/// </remarks>
internal sealed class YamlSubsetReader
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

        return TryReadKey(content, out _, out _) ? ReadMapping(indent, content, depth) : ReadInlineValue(content, parentIndent, depth);
    }

    private JsonObject ReadMapping(int indent, int first, int depth)
    {
        EnterContainer(depth);
        JsonObject mapping = new();
        int position = first;
        while (true)
        {
            if (!TryReadKey(position, out string key, out int afterColon) || mapping.ContainsKey(key))
            {
                throw new OutsideSubsetException();
            }

            mapping.Add(key, ReadValue(afterColon, indent, depth + 1, inSequence: false));
            int next = PeekLine(out position);
            if (next != indent)
            {
                if (next > indent)
                {
                    throw new OutsideSubsetException();
                }

                return mapping;
            }
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

    /// <summary>The value after a key's colon or a sequence entry's dash, on that line or the lines under it.</summary>
    private JsonNode ReadValue(int position, int parentIndent, int depth, bool inSequence)
    {
        position = SkipSpaces(position);
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

            if (TryReadKey(position, out _, out _))
            {
                return ReadMapping(column, position, depth);
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

    /// <summary>A plain scalar in block context, folded over the more-indented lines that continue it.</summary>
    private string ReadPlain(int position, int parentIndent)
    {
        int end = PlainLineEnd(position, out bool comment);
        string first = _text.Substring(position, TrimEnd(position, end) - position);
        _next = LineAfter(end);
        if (comment)
        {
            return first;
        }

        StringBuilder? folded = null;
        int emptyLines = 0;
        int line = _next;
        while (line < _text.Length)
        {
            int start = line;
            while (start < _text.Length && _text[start] == ' ')
            {
                start++;
            }

            if (start == _text.Length)
            {
                break;
            }

            if (_text[start] == '\n')
            {
                emptyLines++;
                line = start + 1;
                continue;
            }

            if (start - line <= parentIndent || _text[start] == '#')
            {
                break;
            }

            if (_text[start] == '\t')
            {
                throw new OutsideSubsetException();
            }

            end = PlainLineEnd(start, out comment);
            folded ??= new StringBuilder(first);
            if (emptyLines == 0)
            {
                folded.Append(' ');
            }
            else
            {
                folded.Append('\n', emptyLines);
            }

            folded.Append(_text, start, TrimEnd(start, end) - start);
            emptyLines = 0;
            line = LineAfter(end);
            _next = line;
            if (comment)
            {
                break;
            }
        }

        return folded?.ToString() ?? first;
    }

    /// <summary>Where a plain scalar's text on this line ends: the line end or a comment (<paramref name="comment"/>).</summary>
    private int PlainLineEnd(int position, out bool comment)
    {
        comment = false;
        for (int end = position; end < _text.Length; end++)
        {
            char c = _text[end];
            if (c == '\n')
            {
                return end;
            }

            if (c == ':' && IsBlankAfter(end + 1))
            {
                // "key: a: b" is not YAML; leave it to the full reader to say so.
                throw new OutsideSubsetException();
            }

            if (c == '#' && _text[end - 1] == ' ')
            {
                comment = true;
                return end;
            }
        }

        return _text.Length;
    }

    /// <summary>A literal (<c>|</c>) or folded (<c>&gt;</c>) block scalar, clipped or stripped (<c>-</c>).</summary>
    private string ReadBlockScalar(int position, int parentIndent)
    {
        bool literal = _text[position] == '|';
        bool strip = false;
        int header = position + 1;
        if (header < _text.Length && _text[header] == '-')
        {
            strip = true;
            header++;
        }

        if (header < _text.Length && _text[header] is '+' or (>= '0' and <= '9'))
        {
            throw new OutsideSubsetException();
        }

        EndLine(header);
        int first = _next;
        int indent = BlockScalarIndent(first);
        if (indent <= parentIndent)
        {
            // No line is indented enough: the scalar is empty.
            return string.Empty;
        }

        StringBuilder value = _buffer.Clear();
        bool any = false;
        bool previousMoreIndented = false;
        int emptyLines = 0;
        int line = first;
        while (line < _text.Length)
        {
            int start = line;
            while (start < _text.Length && _text[start] == ' ' && start - line < indent)
            {
                start++;
            }

            int lineEnd = _text.IndexOf('\n', start);
            if (lineEnd < 0)
            {
                lineEnd = _text.Length;
            }

            if (start == lineEnd)
            {
                emptyLines++;
                line = lineEnd == _text.Length ? lineEnd : lineEnd + 1;
                continue;
            }

            if (start - line < indent)
            {
                if (_text[start] == '\t')
                {
                    throw new OutsideSubsetException();
                }

                // A less-indented line (content or a comment) ends the scalar.
                break;
            }

            bool moreIndented = _text[start] is ' ' or '\t';
            if (!any)
            {
                value.Append('\n', emptyLines);
            }
            else if (literal || moreIndented || previousMoreIndented)
            {
                value.Append('\n', emptyLines + 1);
            }
            else if (emptyLines == 0)
            {
                value.Append(' ');
            }
            else
            {
                value.Append('\n', emptyLines);
            }

            value.Append(_text, start, lineEnd - start);
            any = true;
            previousMoreIndented = moreIndented;
            emptyLines = 0;
            line = lineEnd == _text.Length ? lineEnd : lineEnd + 1;
            _next = line;
        }

        if (any && !strip)
        {
            value.Append('\n');
        }

        return value.ToString();
    }

    /// <summary>The indentation of a block scalar's first non-empty line (-1 when there is none).</summary>
    private int BlockScalarIndent(int line)
    {
        int widestEmpty = 0;
        while (line < _text.Length)
        {
            int start = line;
            while (start < _text.Length && _text[start] == ' ')
            {
                start++;
            }

            if (start == _text.Length)
            {
                return -1;
            }

            if (_text[start] == '\n')
            {
                widestEmpty = Math.Max(widestEmpty, start - line);
                line = start + 1;
                continue;
            }

            if (_text[start] == '\t' || widestEmpty > start - line)
            {
                // A tab where indentation is measured, or leading empty lines wider than the content: the full reader's call.
                throw new OutsideSubsetException();
            }

            return start - line;
        }

        return -1;
    }

    /// <summary>A double-quoted scalar: escapes, and line breaks folded as YAML folds them.</summary>
    private string ReadDoubleQuoted(int position, int parentIndent, out int end)
    {
        StringBuilder value = _buffer.Clear();

        // What an escape wrote is kept when a line break trims the whitespace before it.
        int kept = 0;
        int i = position + 1;
        while (true)
        {
            if (i >= _text.Length)
            {
                throw new OutsideSubsetException();
            }

            char c = _text[i];
            if (c == '"')
            {
                end = i + 1;
                return value.ToString();
            }

            if (c == '\n')
            {
                i = FoldLineBreak(value, kept, i, parentIndent);
                continue;
            }

            if (c != '\\')
            {
                value.Append(c);
                i++;
                continue;
            }

            i++;
            if (i >= _text.Length)
            {
                throw new OutsideSubsetException();
            }

            char escape = _text[i];
            if (escape == '\n')
            {
                // An escaped line break joins the lines without a space.
                i = SkipWhite(i + 1);
                if (i >= _text.Length || _text[i] == '\n')
                {
                    throw new OutsideSubsetException();
                }

                kept = value.Length;
                continue;
            }

            switch (escape)
            {
                case '0': value.Append('\0'); break;
                case 'a': value.Append('\a'); break;
                case 'b': value.Append('\b'); break;
                case 't':
                case '\t': value.Append('\t'); break;
                case 'n': value.Append('\n'); break;
                case 'v': value.Append('\v'); break;
                case 'f': value.Append('\f'); break;
                case 'r': value.Append('\r'); break;
                case 'e': value.Append('\u001b'); break;
                case ' ': value.Append(' '); break;
                case '"': value.Append('"'); break;
                case '/': value.Append('/'); break;
                case '\\': value.Append('\\'); break;
                case 'N': value.Append('\u0085'); break;
                case '_': value.Append('\u00a0'); break;
                case 'L': value.Append('\u2028'); break;
                case 'P': value.Append('\u2029'); break;
                case 'x': i = AppendCodePoint(value, i, 2); break;
                case 'u': i = AppendCodePoint(value, i, 4); break;
                case 'U': i = AppendCodePoint(value, i, 8); break;
                default: throw new OutsideSubsetException();
            }

            kept = value.Length;
            i++;
        }
    }

    /// <summary>A single-quoted scalar: <c>''</c> is a quote, and line breaks fold.</summary>
    private string ReadSingleQuoted(int position, int parentIndent, out int end)
    {
        StringBuilder value = _buffer.Clear();
        int i = position + 1;
        while (true)
        {
            if (i >= _text.Length)
            {
                throw new OutsideSubsetException();
            }

            char c = _text[i];
            if (c == '\'')
            {
                if (i + 1 < _text.Length && _text[i + 1] == '\'')
                {
                    value.Append('\'');
                    i += 2;
                    continue;
                }

                end = i + 1;
                return value.ToString();
            }

            if (c == '\n')
            {
                i = FoldLineBreak(value, 0, i, parentIndent);
                continue;
            }

            value.Append(c);
            i++;
        }
    }

    /// <summary>
    /// Folds a line break inside a quoted scalar: trailing white space goes, one break becomes a space, each empty line
    /// a line feed, and the next line's leading white space goes. Returns where the next line's text starts.
    /// </summary>
    private int FoldLineBreak(StringBuilder value, int kept, int lineBreak, int parentIndent)
    {
        int trimmed = value.Length;
        while (trimmed > kept && value[trimmed - 1] is ' ' or '\t')
        {
            trimmed--;
        }

        value.Length = trimmed;
        int emptyLines = 0;
        int line = lineBreak + 1;
        while (true)
        {
            int spaces = line;
            while (spaces < _text.Length && _text[spaces] == ' ')
            {
                spaces++;
            }

            int start = SkipWhite(spaces);
            if (start >= _text.Length)
            {
                throw new OutsideSubsetException();
            }

            if (_text[start] == '\n')
            {
                emptyLines++;
                line = start + 1;
                continue;
            }

            if (spaces - line <= parentIndent || (spaces == line && (IsMarker(line, '-') || IsMarker(line, '.'))))
            {
                // Not indented under its parent, or a document marker: the full reader decides.
                throw new OutsideSubsetException();
            }

            if (emptyLines == 0)
            {
                value.Append(' ');
            }
            else
            {
                value.Append('\n', emptyLines);
            }

            return start;
        }
    }

    /// <summary>A flow sequence or mapping: <c>[a, b]</c>, <c>{type: string}</c>, JSON.</summary>
    private JsonNode ReadFlow(ref int i, int parentIndent, int depth)
    {
        EnterContainer(depth);
        bool sequence = _text[i] == '[';
        char close = sequence ? ']' : '}';
        JsonArray? items = sequence ? new JsonArray() : null;
        JsonObject? members = sequence ? null : new JsonObject();
        i = SkipFlowSpace(i + 1, parentIndent);
        if (_text[i] == close)
        {
            i++;
            return sequence ? items! : members!;
        }

        while (true)
        {
            if (sequence)
            {
                items!.Add(ReadFlowNode(ref i, parentIndent, depth + 1));
            }
            else
            {
                string key = ReadFlowKey(ref i, parentIndent);
                i = SkipFlowSpace(i, parentIndent);
                if (_text[i] != ':')
                {
                    throw new OutsideSubsetException();
                }

                i = SkipFlowSpace(i + 1, parentIndent);
                if (_text[i] is ',' or '}' || members!.ContainsKey(key))
                {
                    throw new OutsideSubsetException();
                }

                members.Add(key, ReadFlowNode(ref i, parentIndent, depth + 1));
            }

            i = SkipFlowSpace(i, parentIndent);
            if (_text[i] == close)
            {
                i++;
                return sequence ? items! : members!;
            }

            if (_text[i] != ',')
            {
                throw new OutsideSubsetException();
            }

            i = SkipFlowSpace(i + 1, parentIndent);
            if (_text[i] == close)
            {
                // A trailing comma: YAML allows it, not every reader does.
                throw new OutsideSubsetException();
            }
        }
    }

    private JsonNode ReadFlowNode(ref int i, int parentIndent, int depth)
    {
        switch (_text[i])
        {
            case '[':
            case '{':
                return ReadFlow(ref i, parentIndent, depth);
            case '"':
                return Text(ReadDoubleQuoted(i, parentIndent, out i));
            case '\'':
                return Text(ReadSingleQuoted(i, parentIndent, out i));
            default:
                return Plain(ReadFlowPlain(ref i, forKey: false));
        }
    }

    private string ReadFlowKey(ref int i, int parentIndent)
    {
        return _text[i] switch
        {
            '"' => ReadDoubleQuoted(i, parentIndent, out i),
            '\'' => ReadSingleQuoted(i, parentIndent, out i),
            _ => ReadFlowPlain(ref i, forKey: true),
        };
    }

    /// <summary>
    /// A plain scalar inside a flow collection, on one line: it ends at a flow indicator, a comment or the line end,
    /// and a key at its colon. A colon anywhere else is left to the full reader (see <see cref="YamlFlowScalars"/>).
    /// </summary>
    private string ReadFlowPlain(ref int i, bool forKey)
    {
        int start = i;
        if (StartsOutsidePlain(start))
        {
            throw new OutsideSubsetException();
        }

        while (i < _text.Length)
        {
            char c = _text[i];
            if (c is ',' or '[' or ']' or '{' or '}' or '\n' || (c == '#' && _text[i - 1] == ' '))
            {
                break;
            }

            if (c == ':')
            {
                if (!forKey || !(i + 1 < _text.Length && _text[i + 1] is ' ' or '\n'))
                {
                    throw new OutsideSubsetException();
                }

                break;
            }

            i++;
        }

        int end = TrimEnd(start, i);
        if (end == start)
        {
            throw new OutsideSubsetException();
        }

        return _text.Substring(start, end - start);
    }

    /// <summary>Skips spaces, line breaks and comments inside a flow collection; its lines stay under their parent.</summary>
    private int SkipFlowSpace(int i, int parentIndent)
    {
        while (true)
        {
            if (i >= _text.Length)
            {
                throw new OutsideSubsetException();
            }

            char c = _text[i];
            if (c == ' ')
            {
                i++;
            }
            else if (c == '#' && (i == 0 || _text[i - 1] is ' ' or '\n'))
            {
                i = _text.IndexOf('\n', i);
                if (i < 0)
                {
                    throw new OutsideSubsetException();
                }
            }
            else if (c == '\n')
            {
                int line = i + 1;
                i = line;
                while (i < _text.Length && _text[i] == ' ')
                {
                    i++;
                }

                if (i < _text.Length && _text[i] != '\n' && _text[i] != '#' && (i - line <= parentIndent || _text[i] == '\t'))
                {
                    throw new OutsideSubsetException();
                }
            }
            else if (c == '\t')
            {
                throw new OutsideSubsetException();
            }
            else
            {
                return i;
            }
        }
    }

    /// <summary>Requires only spaces and a comment from <paramref name="position"/> to the line's end, and moves past it.</summary>
    private void EndLine(int position)
    {
        int end = SkipSpaces(position);
        if (end < _text.Length && _text[end] != '\n' && !(_text[end] == '#' && end > position))
        {
            throw new OutsideSubsetException();
        }

        _next = LineAfter(end);
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

    /// <summary>
    /// True where a plain scalar cannot start: an indicator, or <c>-</c>, <c>?</c> or <c>:</c> before a space. Anchors,
    /// aliases, tags, directives and reserved characters all land here.
    /// </summary>
    private bool StartsOutsidePlain(int position)
    {
        char c = _text[position];
        return c switch
        {
            '&' or '*' or '!' or '%' or '@' or '`' or ',' or '[' or ']' or '{' or '}' or '#' or '|' or '>' or '"' or '\'' or '\t' => true,
            '-' or '?' or ':' => IsBlankAfter(position + 1),
            _ => false,
        };
    }

    private bool IsSequenceEntry(int position)
    {
        if (_text[position] != '-')
        {
            return false;
        }

        if (position + 1 < _text.Length && _text[position + 1] == '\t')
        {
            throw new OutsideSubsetException();
        }

        return IsBlankAfter(position + 1);
    }

    /// <summary>True at a line's <c>---</c> or <c>...</c> (<paramref name="c"/> is '-' or '.') before a space or line end.</summary>
    private bool IsMarker(int position, char c)
        => position + 2 < _text.Length && _text[position] == c && _text[position + 1] == c && _text[position + 2] == c && IsBlankAfter(position + 3);

    private bool IsBlankAfter(int position) => position >= _text.Length || _text[position] is ' ' or '\n';

    private int SkipSpaces(int position)
    {
        while (position < _text.Length && _text[position] == ' ')
        {
            position++;
        }

        if (position < _text.Length && _text[position] == '\t')
        {
            throw new OutsideSubsetException();
        }

        return position;
    }

    private int SkipWhite(int position)
    {
        while (position < _text.Length && _text[position] is ' ' or '\t')
        {
            position++;
        }

        return position;
    }

    private int TrimEnd(int start, int end)
    {
        while (end > start && _text[end - 1] is ' ' or '\t')
        {
            end--;
        }

        return end;
    }

    private int LineAfter(int position)
    {
        int lineBreak = _text.IndexOf('\n', position);
        return lineBreak < 0 ? _text.Length : lineBreak + 1;
    }

    /// <summary>Where a double-quoted scalar on one line ends (after its closing quote), or -1 when it spans lines.</summary>
    private int DoubleQuoteEndOnLine(int position)
    {
        for (int i = position + 1; i < _text.Length; i++)
        {
            char c = _text[i];
            if (c == '\n')
            {
                return -1;
            }

            if (c == '\\')
            {
                i++;
            }
            else if (c == '"')
            {
                return i + 1;
            }
        }

        return -1;
    }

    /// <summary>Where a single-quoted scalar on one line ends (after its closing quote), or -1 when it spans lines.</summary>
    private int SingleQuoteEndOnLine(int position)
    {
        for (int i = position + 1; i < _text.Length; i++)
        {
            char c = _text[i];
            if (c == '\n')
            {
                return -1;
            }

            if (c == '\'')
            {
                if (i + 1 < _text.Length && _text[i + 1] == '\'')
                {
                    i++;
                }
                else
                {
                    return i + 1;
                }
            }
        }

        return -1;
    }

    /// <summary>Appends the code point of a <c>\x</c>, <c>\u</c> or <c>\U</c> escape; returns the escape's last index.</summary>
    private int AppendCodePoint(StringBuilder value, int escape, int digits)
    {
        if (escape + digits >= _text.Length
            || !int.TryParse(_text.Substring(escape + 1, digits), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int codePoint)
            || codePoint < 0 || codePoint > 0x10FFFF || (codePoint >= 0xD800 && codePoint <= 0xDFFF))
        {
            // A surrogate half, or not a code point: the full reader's call.
            throw new OutsideSubsetException();
        }

        value.Append(char.ConvertFromUtf32(codePoint));
        return escape + digits;
    }

    /// <summary>Thrown inside the reader when the text leaves the subset; <see cref="Read"/> turns it into null.</summary>
    private sealed class OutsideSubsetException : Exception
    {
    }
}
