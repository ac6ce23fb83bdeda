// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.IO;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace LiveAvatarGen.Generator.Benchmarks;

/// <summary>A spec handed to the generator as an AdditionalFile, under a path the generator picks up.</summary>
internal sealed class SpecText : AdditionalText
{
    private readonly SourceText _text;

    public SpecText(string path, string text)
    {
        Path = path;
        _text = SourceText.From(text);
    }

    public override string Path { get; }

    /// <summary>
    /// The path a benchmark spec is given: <c>/specs/&lt;name&gt;.openapi.&lt;ext&gt;</c>, since the generator reads only
    /// <c>openapi.*</c> and <c>*.openapi.*</c> files.
    /// </summary>
    public static string PathFor(string spec)
        => "/specs/" + System.IO.Path.GetFileNameWithoutExtension(spec).Replace(".openapi", string.Empty, StringComparison.Ordinal) + ".openapi" + System.IO.Path.GetExtension(spec);

    public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
}
