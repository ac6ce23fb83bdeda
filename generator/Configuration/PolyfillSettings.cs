// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.Linq;
using LiveAvatarGen.Generator.Infrastructure;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LiveAvatarGen.Generator.Configuration;

/// <summary>
/// The project settings that decide which polyfills the generator may emit: its own switch, and PolySharp's.
/// PolySharp is a source generator too, so the types it adds to the compilation are invisible to ours (generators
/// all see the compilation before any of them runs). Its package marks its settings compiler-visible, so their keys
/// exist, possibly empty, whenever it is installed; from them this record knows which types PolySharp will add, and
/// the generator leaves those to it instead of declaring them twice (CS0101).
/// </summary>
/// <param name="Enabled">
/// False when the project sets <c>LiveAvatarGenPolyfills=false</c>: another source of the types is in use (a
/// generator other than PolySharp, or shared source files).
/// </param>
/// <param name="HasPolySharp">PolySharp's settings are visible: its generator runs in this compilation.</param>
/// <param name="PolySharpIncluded">PolySharpIncludeGeneratedTypes: when not empty, the only types PolySharp adds.</param>
/// <param name="PolySharpExcluded">PolySharpExcludeGeneratedTypes: types PolySharp never adds.</param>
internal sealed record PolyfillSettings(bool Enabled, bool HasPolySharp, EquatableArray<string> PolySharpIncluded, EquatableArray<string> PolySharpExcluded)
{
    public const string SwitchProperty = "build_property.LiveAvatarGenPolyfills";
    public const string PolySharpIncludeProperty = "build_property.PolySharpIncludeGeneratedTypes";
    public const string PolySharpExcludeProperty = "build_property.PolySharpExcludeGeneratedTypes";

    private static readonly char[] s_separators = { ',', ';' };

    public static PolyfillSettings From(AnalyzerConfigOptions global)
    {
        bool enabled = !(global.TryGetValue(SwitchProperty, out string? value) && string.Equals(value.Trim(), "false", StringComparison.OrdinalIgnoreCase));
        bool hasInclude = global.TryGetValue(PolySharpIncludeProperty, out string? included);
        bool hasExclude = global.TryGetValue(PolySharpExcludeProperty, out string? excluded);
        return new PolyfillSettings(enabled, hasInclude || hasExclude, Split(included), Split(excluded));
    }

    /// <summary>
    /// PolySharp adds <paramref name="metadataName"/> when the compilation lacks it (the caller knows that) and its
    /// lists select it: in the include list when that is not empty, never in the exclude list. The three types this
    /// generator polyfills are all PolySharp "language support" types, which it adds by default.
    /// </summary>
    public bool PolySharpAdds(string metadataName)
        => HasPolySharp
        && (PolySharpIncluded.Count == 0 || PolySharpIncluded.Contains(metadataName))
        && !PolySharpExcluded.Contains(metadataName);

    // PolySharp's targets turn ';' into ',' and drop line breaks; both separators are accepted here, as by PolySharp.
    private static EquatableArray<string> Split(string? list) => new((list ?? string.Empty)
        .Split(s_separators, StringSplitOptions.RemoveEmptyEntries)
        .Select(static name => name.Trim())
        .Where(static name => name.Length > 0)
        .Distinct(StringComparer.Ordinal)
        .OrderBy(static name => name, StringComparer.Ordinal)
        .ToArray());
}
