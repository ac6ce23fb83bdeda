// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace LiveAvatarGen.Tests.Harness;

/// <summary>
/// Locates files in the source tree (not the output folder), so snapshot updates land where git sees them.
/// Found by walking up from the test binary, because CI builds map source paths away (ContinuousIntegrationBuild).
/// </summary>
internal static class TestPaths
{
    /// <summary>
    /// The LiveAvatar spec, as a name for <see cref="Spec"/>: the repository's root <c>openapi.json</c>, read in place.
    /// The tests keep no copy of it, so they always test the spec the sample and the package consumers use.
    /// </summary>
    public const string LiveAvatar = "../../../openapi.json";

    public static string ProjectDirectory { get; } = FindProjectDirectory();

    public static string RepositoryRoot => Path.GetFullPath(Path.Combine(ProjectDirectory, "..", ".."));

    public static string Spec(string fileName) => Path.GetFullPath(Path.Combine(ProjectDirectory, "Specs", fileName));

    public static string ReadSpec(string fileName) => File.ReadAllText(Spec(fileName));

    /// <summary>
    /// The files under <c>Specs/</c> with one of these extensions, as names for <see cref="Spec"/>, in ordinal order;
    /// overlay documents only when <paramref name="overlays"/> is set.
    /// </summary>
    public static IEnumerable<string> SpecFiles(bool overlays, params string[] extensions)
    {
        string root = Path.Combine(ProjectDirectory, "Specs");
        return Directory.EnumerateFiles(root, "*.*", SearchOption.AllDirectories)
            .Where(path => extensions.Any(extension => path.EndsWith(extension, StringComparison.Ordinal)))
            .Where(path => overlays || !path.Contains("overlay", StringComparison.Ordinal))
            .Select(path => Path.GetRelativePath(root, path))
            .OrderBy(name => name, StringComparer.Ordinal);
    }

    public static string Snapshots(string testName) => Path.GetFullPath(Path.Combine(ProjectDirectory, "Snapshots", testName));

    private static string FindProjectDirectory()
    {
        for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "LiveAvatarGen.Tests.csproj")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Cannot find the test project folder above " + AppContext.BaseDirectory);
    }
}
