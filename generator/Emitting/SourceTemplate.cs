// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace LiveAvatarGen.Generator.Emitting;

/// <summary>
/// A template passed to <see cref="SourceWriter.Lines(SourceTemplate)"/> as an interpolated (raw) string: the
/// compiler hands its literal parts and holes to the writer one by one, so the template is written into the
/// file's builder as it is read instead of being concatenated into a string first (templates are most of the
/// output, and those strings were the largest share of what emitting allocated).
/// </summary>
[InterpolatedStringHandler]
internal readonly struct SourceTemplate
{
    private readonly SourceWriter _writer;

    public SourceTemplate(int literalLength, int formattedCount, SourceWriter writer)
    {
        _writer = writer;
    }

    public void AppendLiteral(string text) => _writer.AppendTemplate(text);

    public void AppendFormatted(string? text) => _writer.AppendTemplate(text ?? string.Empty);

    /// <summary>Numbers and other values are written in the invariant culture, as everything we emit is.</summary>
    public void AppendFormatted<T>(T value) => _writer.AppendTemplate(value is IFormattable formattable ? formattable.ToString(null, CultureInfo.InvariantCulture) : value?.ToString() ?? string.Empty);
}
