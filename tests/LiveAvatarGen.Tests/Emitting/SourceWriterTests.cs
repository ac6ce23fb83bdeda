// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System.Globalization;
using LiveAvatarGen.Generator.Emitting;
using Xunit;

namespace LiveAvatarGen.Tests.Emitting;

/// <summary>
/// SourceWriter's templates: an interpolated template is written part by part into the builder (no concatenated
/// string), and must come out exactly as the same text passed whole.
/// </summary>
public sealed class SourceWriterTests
{
    [Fact]
    public void AnInterpolatedTemplateWritesWhatTheSameTextWrites()
    {
        string name = "Pet";
        string body = "return new();";
        SourceWriter parts = new();
        parts.Indent(1);
        parts.Lines($$"""
            public {{name}} Read()
            {

                {{body}}
            }
            """);
        parts.Indent(-1);

        SourceWriter whole = new();
        whole.Indent(1);
        whole.Lines("public Pet Read()\n{\n\n    return new();\n}");
        whole.Indent(-1);

        string written = parts.ToString();
        Assert.Equal(whole.ToString(), written);
        Assert.Equal("    public Pet Read()\n    {\n\n        return new();\n    }\n", written);
    }

    [Fact]
    public void ALineBreakInsideAHoleStartsAnIndentedLineAndEmptyLinesStayEmpty()
    {
        string twoLines = "first();\n\nsecond();";
        SourceWriter writer = new();
        writer.Indent(2);
        writer.Lines($"{twoLines}\nthird();");
        writer.Indent(-2);

        Assert.Equal("        first();\n\n        second();\n        third();\n", writer.ToString());
    }

    [Fact]
    public void ACarriageReturnEndingALineIsDroppedEvenWhenItsLineBreakComesInTheNextPart()
    {
        string endsInReturn = "a();\r";
        string returnInside = "b\rc();";
        SourceWriter writer = new();
        writer.Indent(1);
        writer.Lines($"{endsInReturn}\n{returnInside}\r\nd();\r");
        writer.Lines("e();\r\n\r\nf();");
        writer.Indent(-1);

        Assert.Equal("    a();\n    b\rc();\n    d();\n    e();\n\n    f();\n", writer.ToString());
    }

    [Fact]
    public void AnInterpolatedLineIsOneIndentedLine()
    {
        SourceWriter writer = new();
        writer.Indent(1);
        writer.Line($"int {"count"} = {0};");
        writer.Line();
        writer.Indent(-1);

        Assert.Equal("    int count = 0;\n\n", writer.ToString());
    }

    [Fact]
    public void NumbersInHolesAreWrittenInTheInvariantCulture()
    {
        CultureInfo previous = CultureInfo.CurrentCulture;
        CultureInfo odd = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        odd.NumberFormat.NegativeSign = "~";
        odd.NumberFormat.NumberDecimalSeparator = ",";
        try
        {
            CultureInfo.CurrentCulture = odd;
            SourceWriter writer = new();
            writer.Line($"x = {-1} + {0.5};");
            Assert.Equal("x = -1 + 0.5;\n", writer.ToString());
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }
}
