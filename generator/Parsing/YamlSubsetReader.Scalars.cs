// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.Globalization;
using System.Text;

namespace LiveAvatarGen.Generator.Parsing;

/// <summary>Scalars: plain ones folded over their continuation lines, double- and single-quoted ones, literal and folded blocks.</summary>
internal sealed partial class YamlSubsetReader
{
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

            if (c == '\t')
            {
                throw new OutsideSubsetException();
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
}
