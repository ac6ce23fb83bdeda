// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.Runtime.CompilerServices;
using System.Text;

namespace LiveAvatarGen.Generator.Emitting;

/// <summary>Writes indented C# with <c>\n</c> line endings on every platform, so output is byte-identical everywhere.</summary>
internal sealed class SourceWriter
{
    private const string IndentUnit = "    ";

    /// <summary>Builders above this size are not kept: one huge file should not pin its memory for the build.</summary>
    private const int MaxCachedCapacity = 1 << 20;

    /// <summary>
    /// One builder per thread, reused from file to file: a fresh builder grows chunk by chunk, and allocating those
    /// chunks was close to half of emitting a big spec's objects (Stripe: 4,000 files).
    /// </summary>
    [ThreadStatic]
    private static StringBuilder? t_cached;

    private StringBuilder? _builder;
    private int _indent;

    /// <summary>Within a template: the current line has its indentation.</summary>
    private bool _lineStarted;

    /// <summary>Within a template: a <c>\r</c> ended the last piece.</summary>
    private bool _heldReturn;

    public SourceWriter()
    {
        _builder = t_cached ?? new StringBuilder(16 * 1024);
        t_cached = null;
        _builder.Clear();
    }

    private StringBuilder Builder => _builder ?? throw new InvalidOperationException("The source was already taken with ToString.");

    public void Line(string text = "")
    {
        StringBuilder builder = Builder;
        if (text.Length > 0)
        {
            for (int i = 0; i < _indent; i++)
            {
                builder.Append(IndentUnit);
            }

            builder.Append(text);
        }

        builder.Append('\n');
    }

    /// <summary>
    /// An interpolated line, written part by part like a template (<see cref="Lines(SourceTemplate)"/>), without the
    /// concatenated string: objects' per-member lines are written thousands of times on a big spec.
    /// </summary>
    public void Line([InterpolatedStringHandlerArgument("")] SourceTemplate line) => EndTemplate();

    /// <summary>
    /// Writes a template: each line of a multi-line fragment (typically a raw string literal, whose own indentation
    /// the compiler strips) at the current indentation, so a fixed block reads in the emitter as it reads in the
    /// output. Empty lines stay empty; a line break ends the text.
    /// </summary>
    public void Lines(string text)
    {
        AppendTemplate(text);
        EndTemplate();
    }

    /// <summary>
    /// The same for an interpolated template: its parts arrive through <see cref="SourceTemplate"/> and are written
    /// as they come (a line break inside a hole's value starts an indented line like one in the literal).
    /// </summary>
    public void Lines([InterpolatedStringHandlerArgument("")] SourceTemplate template) => EndTemplate();

    /// <summary>
    /// Appends a piece of the current template, slice by slice: indentation goes before the first character of a
    /// non-empty line, and a <c>\r</c> that ends a line is dropped (held back, since the <c>\n</c> can come in
    /// the next piece).
    /// </summary>
    internal void AppendTemplate(string text)
    {
        StringBuilder builder = Builder;
        int start = 0;
        while (true)
        {
            int end = text.IndexOf('\n', start);
            int stop = end < 0 ? text.Length : end;
            if (stop > start)
            {
                WriteHeldReturn();
                bool endsInReturn = text[stop - 1] == '\r';
                int length = endsInReturn ? stop - start - 1 : stop - start;
                if (length > 0)
                {
                    StartTemplateLine();
                    builder.Append(text, start, length);
                }

                _heldReturn = endsInReturn;
            }

            if (end < 0)
            {
                return;
            }

            _heldReturn = false;
            _lineStarted = false;
            builder.Append('\n');
            start = end + 1;
        }
    }

    private void EndTemplate()
    {
        _heldReturn = false;
        _lineStarted = false;
        Builder.Append('\n');
    }

    /// <summary>A <c>\r</c> held back at the end of a piece that turned out to be inside a line: it is content.</summary>
    private void WriteHeldReturn()
    {
        if (_heldReturn)
        {
            _heldReturn = false;
            StartTemplateLine();
            Builder.Append('\r');
        }
    }

    private void StartTemplateLine()
    {
        if (_lineStarted)
        {
            return;
        }

        StringBuilder builder = Builder;
        for (int i = 0; i < _indent; i++)
        {
            builder.Append(IndentUnit);
        }

        _lineStarted = true;
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

        string xml = Xml(text!).Trim();
        if (xml.IndexOf('\n') < 0)
        {
            // One line of text stays on the summary's line, as System.Text.Json's generated documentation does: two
            // lines fewer per documented member (2% of Stripe's output).
            StringBuilder builder = Builder;
            for (int i = 0; i < _indent; i++)
            {
                builder.Append(IndentUnit);
            }

            builder.Append("/// <summary>").Append(xml).Append("</summary>\n");
            return;
        }

        Line("/// <summary>");
        DocLines(xml);
        Line("/// </summary>");
    }

    /// <summary>
    /// Each line of <paramref name="text"/> as a <c>///</c> line without its trailing white space (a <c>\r</c> of a
    /// <c>\r\n</c> included), appended slice by slice: descriptions are a fifth of a big spec's output.
    /// </summary>
    private void DocLines(string text)
    {
        StringBuilder builder = Builder;
        int start = 0;
        while (true)
        {
            int end = text.IndexOf('\n', start);
            int stop = end < 0 ? text.Length : end;
            while (stop > start && char.IsWhiteSpace(text[stop - 1]))
            {
                stop--;
            }

            for (int i = 0; i < _indent; i++)
            {
                builder.Append(IndentUnit);
            }

            builder.Append(stop > start ? "/// " : "///").Append(text, start, stop - start).Append('\n');
            if (end < 0)
            {
                return;
            }

            start = end + 1;
        }
    }

    public static string Xml(string text)
    {
        return text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
    }

    /// <summary>The source written; the writer is done after this (its builder goes back for the next file).</summary>
    public override string ToString()
    {
        if (_indent != 0)
        {
            throw new InvalidOperationException("Unbalanced indentation in generated source.");
        }

        StringBuilder builder = Builder;
        string source = builder.ToString();
        _builder = null;
        if (builder.Capacity <= MaxCachedCapacity)
        {
            t_cached = builder;
        }

        return source;
    }
}
