// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.Linq;
using System.Text.RegularExpressions;
using LiveAvatarGen.Generator.Infrastructure;

namespace LiveAvatarGen.Generator.Configuration;

/// <summary>
/// Which operations of a big spec to generate, from item metadata (each a <c>;</c>-separated list):
/// <c>OpenApiIncludeTags</c>, <c>OpenApiExcludeTags</c>, <c>OpenApiIncludePaths</c>, <c>OpenApiExcludePaths</c> (path
/// templates, <c>*</c> within a segment, <c>**</c> across segments), <c>OpenApiIncludeOperations</c>,
/// <c>OpenApiExcludeOperations</c> (operationIds). An operation is kept when it matches every kind of include that is
/// set (any entry of it) and no exclude; schemas nothing kept refers to are then left out.
/// </summary>
internal sealed record SpecFilter(
    EquatableArray<string> IncludeTags,
    EquatableArray<string> ExcludeTags,
    EquatableArray<string> IncludePaths,
    EquatableArray<string> ExcludePaths,
    EquatableArray<string> IncludeOperations,
    EquatableArray<string> ExcludeOperations)
{
    public static readonly SpecFilter None = new(
        EquatableArray<string>.Empty, EquatableArray<string>.Empty, EquatableArray<string>.Empty,
        EquatableArray<string>.Empty, EquatableArray<string>.Empty, EquatableArray<string>.Empty);

    /// <summary>The metadata names, in the order of the record's members.</summary>
    public static readonly string[] MetadataNames =
    {
        "OpenApiIncludeTags", "OpenApiExcludeTags", "OpenApiIncludePaths", "OpenApiExcludePaths", "OpenApiIncludeOperations", "OpenApiExcludeOperations",
    };

    public bool IsActive => IncludeTags.Count + ExcludeTags.Count + IncludePaths.Count + ExcludePaths.Count + IncludeOperations.Count + ExcludeOperations.Count > 0;

    /// <summary>Reads the six lists; <paramref name="read"/> gives a metadata value by name, or null.</summary>
    public static SpecFilter From(Func<string, string?> read)
    {
        EquatableArray<string>[] lists = MetadataNames.Select(name => Split(read(name))).ToArray();
        SpecFilter filter = new(lists[0], lists[1], lists[2], lists[3], lists[4], lists[5]);
        return filter.IsActive ? filter : None;
    }

    /// <summary>Whether an operation is kept.</summary>
    public bool Keeps(string path, string? operationId, string? firstTag, Func<string, bool>? hasTag = null)
    {
        Func<string, bool> tagged = hasTag ?? (t => t == firstTag);
        bool included = (IncludeTags.Count == 0 || IncludeTags.Any(tagged))
            && (IncludePaths.Count == 0 || IncludePaths.Any(p => PathMatches(p, path)))
            && (IncludeOperations.Count == 0 || (operationId is not null && IncludeOperations.Contains(operationId)));
        bool excluded = ExcludeTags.Any(tagged)
            || ExcludePaths.Any(p => PathMatches(p, path))
            || (operationId is not null && ExcludeOperations.Contains(operationId));
        return included && !excluded;
    }

    /// <summary><c>*</c> matches within one path segment, <c>**</c> across segments; everything else literally.</summary>
    public static bool PathMatches(string pattern, string path)
    {
        string regex = "^" + Regex.Escape(pattern).Replace("\\*\\*", "\u0001").Replace("\\*", "[^/]*").Replace("\u0001", ".*") + "$";
        return Regex.IsMatch(path, regex, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }

    private static EquatableArray<string> Split(string? value) => (value ?? string.Empty)
        .Split(';')
        .Select(v => v.Trim())
        .Where(v => v.Length > 0)
        .ToEquatableArray();
}
