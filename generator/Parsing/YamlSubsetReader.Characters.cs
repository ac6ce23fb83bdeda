// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

namespace LiveAvatarGen.Generator.Parsing;

/// <summary>Character-level steps: where a line's content, a plain scalar or a sequence entry starts and ends.</summary>
internal sealed partial class YamlSubsetReader
{
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
}
