// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.Text;

namespace LiveAvatarGen.Generator.Emitting;

/// <summary>Writes indented C# with <c>\n</c> line endings on every platform, so output is byte-identical everywhere.</summary>
internal sealed class SourceWriter
{
    private const string IndentUnit = "    ";
    private readonly StringBuilder _builder = new();
    private int _indent;

    public void Line(string text = "")
    {
        if (text.Length > 0)
        {
            for (int i = 0; i < _indent; i++)
            {
                _builder.Append(IndentUnit);
            }

            _builder.Append(text);
        }

        _builder.Append('\n');
    }

    /// <summary>
    /// Writes a template: each line of a multi-line fragment (typically a raw string literal, whose own indentation
    /// the compiler strips) at the current indentation, so a fixed block reads in the emitter as it reads in the
    /// output. Empty lines stay empty.
    /// </summary>
    public void Lines(string text)
    {
        // Appended slice by slice: templates are most of the output, and splitting each into strings first was
        // a measurable share of emitting a big spec.
        int start = 0;
        while (true)
        {
            int end = text.IndexOf('\n', start);
            int stop = end < 0 ? text.Length : end;
            int length = stop > start && text[stop - 1] == '\r' ? stop - start - 1 : stop - start;
            if (length > 0)
            {
                for (int i = 0; i < _indent; i++)
                {
                    _builder.Append(IndentUnit);
                }

                _builder.Append(text, start, length);
            }

            _builder.Append('\n');
            if (end < 0)
            {
                return;
            }

            start = end + 1;
        }
    }

    /// <summary>
    /// Moves the indentation by <paramref name="levels"/> (negative to go back), for a template that opens a block
    /// another template closes. Every move must be undone before <see cref="ToString"/>.
    /// </summary>
    public void Indent(int levels) => _indent += levels;

    public void Open(string header)
    {
        Line(header);
        Line("{");
        _indent++;
    }

    public void Close(string suffix = "")
    {
        _indent--;
        Line("}" + suffix);
    }

    /// <summary>XML doc summary; text is escaped, and each source line becomes a doc line.</summary>
    public void Summary(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return;
        }

        Line("/// <summary>");
        foreach (string line in Xml(text!).Replace("\r\n", "\n").Split('\n'))
        {
            Line(("/// " + line).TrimEnd());
        }

        Line("/// </summary>");
    }

    public static string Xml(string text)
    {
        return text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
    }

    public override string ToString()
    {
        if (_indent != 0)
        {
            throw new InvalidOperationException("Unbalanced indentation in generated source.");
        }

        return _builder.ToString();
    }
}
