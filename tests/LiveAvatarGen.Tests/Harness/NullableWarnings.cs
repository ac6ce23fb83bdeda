// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace LiveAvatarGen.Tests.Harness;

/// <summary>
/// Generated files turn nullable warnings off (<c>#nullable disable warnings</c> in their header, as System.Text.Json's
/// generated files do), so a user's build skips the compiler's nullable flow analysis of them. The tests turn the
/// warnings back on before they count a compilation's problems: the generated code must still be null-safe.
/// </summary>
internal static class NullableWarnings
{
    /// <summary>The header line that turns the warnings off.</summary>
    public const string Off = "#nullable disable warnings";

    private const string On = "#nullable enable warnings";

    /// <summary>The header is within the first lines of a file.</summary>
    private const int HeaderLength = 256;

    /// <summary>The compilation with nullable warnings on in every file whose header turned them off.</summary>
    public static Compilation TurnedOn(Compilation compilation)
    {
        List<SyntaxTree> before = new();
        List<SyntaxTree> after = new();
        foreach (SyntaxTree tree in compilation.SyntaxTrees)
        {
            SourceText text = tree.GetText();
            int at = text.ToString(new TextSpan(0, Math.Min(HeaderLength, text.Length))).IndexOf(Off, StringComparison.Ordinal);
            if (at >= 0)
            {
                before.Add(tree);
                after.Add(tree.WithChangedText(text.WithChanges(new TextChange(new TextSpan(at, Off.Length), On))));
            }
        }

        return before.Count == 0 ? compilation : compilation.RemoveSyntaxTrees(before).AddSyntaxTrees(after);
    }

    /// <summary>A generated file's text with nullable warnings on.</summary>
    public static string TurnedOn(string source)
    {
        int at = source.IndexOf(Off, 0, Math.Min(HeaderLength, source.Length), StringComparison.Ordinal);
        return at < 0 ? source : source.Substring(0, at) + On + source.Substring(at + Off.Length);
    }
}
