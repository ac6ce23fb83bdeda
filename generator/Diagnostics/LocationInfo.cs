// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace LiveAvatarGen.Generator.Diagnostics;

/// <summary>An equatable stand-in for <see cref="Location"/>: a span in the spec file, kept in models instead of the Roslyn type.</summary>
internal sealed record LocationInfo(string FilePath, int Start, int Length, int StartLine, int StartColumn, int EndLine, int EndColumn)
{
    public Location ToLocation()
    {
        return Location.Create(
            FilePath,
            new TextSpan(Start, Length),
            new LinePositionSpan(new LinePosition(StartLine, StartColumn), new LinePosition(EndLine, EndColumn)));
    }
}
