// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System.Text;

namespace LiveAvatarGen.Generator.Parsing;

/// <summary>
/// YAML 1.2 lets a plain scalar inside a flow collection contain a colon that no space follows
/// (<c>example: [this:tag, that:tag]</c>, <c>{url: http://x}</c>); libyaml and PyYAML read it, but the YAML reader under
/// Microsoft.OpenApi stops with "unexpected ':'". This rewrites exactly those scalars as double-quoted ones, which
/// is the same value, so the document loads. Only called after the reader has refused the text, so a document it
/// reads is never touched. Line numbers stay as they were (only columns move), so diagnostics still point right.
/// </summary>
internal static class YamlFlowScalars
{
    /// <summary>The text with such scalars quoted, or null when there is none.</summary>
    public static string? QuoteColonScalars(string text)
    {
        StringBuilder? output = null;
        int copied = 0;
        int flowDepth = 0;
        int blockScalarParentIndent = -1;
        int lineStart = 0;
        while (lineStart < text.Length)
        {
            int lineEnd = text.IndexOf('\n', lineStart);
            if (lineEnd < 0)
            {
                lineEnd = text.Length;
            }

            int indent = lineStart;
            while (indent < lineEnd && text[indent] == ' ')
            {
                indent++;
            }

            bool blank = indent >= lineEnd || text[indent] == '\r';
            if (blockScalarParentIndent >= 0 && (blank || indent - lineStart > blockScalarParentIndent))
            {
                // Inside a literal or folded block scalar: its lines are text, whatever they look like.
                lineStart = lineEnd + 1;
                continue;
            }

            blockScalarParentIndent = -1;
            int position = flowDepth > 0 ? lineStart : BlockValueStart(text, indent, lineEnd);
            if (flowDepth == 0 && position < lineEnd && text[position] is '|' or '>')
            {
                blockScalarParentIndent = indent - lineStart;
            }
            else if (flowDepth > 0 || (position < lineEnd && text[position] is '[' or '{'))
            {
                ScanFlow(text, position, lineEnd, ref flowDepth, ref output, ref copied);
            }

            lineStart = lineEnd + 1;
        }

        if (output is null)
        {
            return null;
        }

        output.Append(text, copied, text.Length - copied);
        return output.ToString();
    }

    /// <summary>Where the value on a block-context line starts: after any <c>- </c> markers and a <c>key: </c>.</summary>
    private static int BlockValueStart(string text, int position, int lineEnd)
    {
        while (position + 1 < lineEnd && text[position] == '-' && text[position + 1] == ' ')
        {
            position = SkipSpaces(text, position + 2, lineEnd);
        }

        if (position < lineEnd && text[position] is '[' or '{' or '|' or '>' or '#')
        {
            return position;
        }

        // A key: quoted, or plain up to the first ": " (or a colon ending the line).
        int scan = position;
        if (scan < lineEnd && text[scan] is '"' or '\'')
        {
            scan = SkipQuoted(text, scan, lineEnd);
        }

        for (; scan < lineEnd; scan++)
        {
            if (text[scan] == '#' && scan > position && text[scan - 1] == ' ')
            {
                return lineEnd;
            }

            if (text[scan] == ':' && (scan + 1 >= lineEnd || text[scan + 1] is ' ' or '\r'))
            {
                return SkipSpaces(text, scan + 1, lineEnd);
            }
        }

        return lineEnd;
    }

    /// <summary>Walks flow-collection text to the end of the line or of the outermost collection, quoting as it goes.</summary>
    private static void ScanFlow(string text, int position, int lineEnd, ref int flowDepth, ref StringBuilder? output, ref int copied)
    {
        while (position < lineEnd)
        {
            char c = text[position];
            switch (c)
            {
                case ' ' or '\t' or '\r' or ',' or '?' or ':':
                    position++;
                    continue;
                case '[' or '{':
                    flowDepth++;
                    position++;
                    continue;
                case ']' or '}':
                    flowDepth--;
                    position++;
                    if (flowDepth == 0)
                    {
                        return;
                    }

                    continue;
                case '#':
                    return;
                case '"' or '\'':
                    position = SkipQuoted(text, position, lineEnd);
                    continue;
                case '&' or '*' or '!':
                    // Anchors, aliases and tags end at whitespace or a flow indicator; they are not scalars.
                    while (position < lineEnd && text[position] is not (' ' or ',' or '[' or ']' or '{' or '}'))
                    {
                        position++;
                    }

                    continue;
            }

            position = PlainScalar(text, position, lineEnd, ref output, ref copied);
        }
    }

    /// <summary>Reads one plain scalar in flow context and quotes it when it holds a colon and ends on this line.</summary>
    private static int PlainScalar(string text, int start, int lineEnd, ref StringBuilder? output, ref int copied)
    {
        int end = start;
        bool hasColon = false;
        while (end < lineEnd)
        {
            char c = text[end];
            if (c is ',' or '[' or ']' or '{' or '}' or '\r')
            {
                break;
            }

            if (c == '#' && text[end - 1] == ' ')
            {
                break;
            }

            if (c == ':')
            {
                char next = end + 1 < lineEnd ? text[end + 1] : ' ';
                if (next is ' ' or ',' or '[' or ']' or '{' or '}' or '\r')
                {
                    break;
                }

                hasColon = true;
            }

            end++;
        }

        int valueEnd = end;
        while (valueEnd > start && text[valueEnd - 1] == ' ')
        {
            valueEnd--;
        }

        // A scalar that runs on to the next line is a multi-line plain scalar: left as it is.
        bool endsOnThisLine = end < lineEnd && text[end] != '\r';
        if (hasColon && endsOnThisLine)
        {
            output ??= new StringBuilder(text.Length + 64);
            output.Append(text, copied, start - copied).Append('"');
            for (int i = start; i < valueEnd; i++)
            {
                if (text[i] is '"' or '\\')
                {
                    output.Append('\\');
                }

                output.Append(text[i]);
            }

            output.Append('"');
            copied = valueEnd;
        }

        return end == start ? start + 1 : end;
    }

    private static int SkipQuoted(string text, int position, int lineEnd)
    {
        char quote = text[position];
        position++;
        while (position < lineEnd)
        {
            if (quote == '"' && text[position] == '\\')
            {
                position += 2;
                continue;
            }

            if (text[position] == quote)
            {
                if (quote == '\'' && position + 1 < lineEnd && text[position + 1] == '\'')
                {
                    position += 2;
                    continue;
                }

                return position + 1;
            }

            position++;
        }

        return lineEnd;
    }

    private static int SkipSpaces(string text, int position, int lineEnd)
    {
        while (position < lineEnd && text[position] == ' ')
        {
            position++;
        }

        return position;
    }
}
