// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.IO;
using System.Reflection;

namespace LiveAvatarGen.PackageTests.Harness;

/// <summary>The source tree, found by walking up from the test binary (CI builds map source paths away).</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>The configuration the tests were built in; the projects are packed from the same build.</summary>
    public static string Configuration { get; } =
        typeof(RepositoryPaths).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

    public static string Generator => Path.Combine(Root, "generator", "LiveAvatarGen.Generator.csproj");

    public static string Runtime => Path.Combine(Root, "runtime", "LiveAvatarGen.Runtime.csproj");

    public static string CreditsSpec => Path.Combine(Root, "tests", "LiveAvatarGen.Tests", "Specs", "credits.openapi.json");

    private static string FindRoot()
    {
        for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "LiveAvatarGen.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Cannot find LiveAvatarGen.sln above " + AppContext.BaseDirectory);
    }
}
