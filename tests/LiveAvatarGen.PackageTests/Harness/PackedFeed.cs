// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using System.Xml.Linq;
using Xunit;

namespace LiveAvatarGen.PackageTests.Harness;

/// <summary>
/// Packs both packages once, from the build the tests were made with, into a temporary folder feed. Everything the
/// tests create lives under one temporary folder outside the repository, with its own NuGet package cache, so a stale
/// LiveAvatarGen 0.1.0 from an earlier run is never restored.
/// </summary>
public sealed class PackedFeed : IAsyncLifetime
{
    public PackedFeed()
    {
        Root = Path.Combine(Path.GetTempPath(), "lag-package-tests-" + Guid.NewGuid().ToString("N"));
        Feed = Path.Combine(Root, "feed");
        PackagesCache = Path.Combine(Root, "nuget-packages");
        Version = XDocument.Load(Path.Combine(RepositoryPaths.Root, "Directory.Build.props"))
            .Descendants("Version").Single().Value;
    }

    public string Root { get; }

    public string Feed { get; }

    /// <summary>NUGET_PACKAGES for every restore the tests run.</summary>
    public string PackagesCache { get; }

    /// <summary>The version in Directory.Build.props.</summary>
    public string Version { get; }

    public string GeneratorPackage => Path.Combine(Feed, "LiveAvatarGen." + Version + ".nupkg");

    public string RuntimePackage => Path.Combine(Feed, "LiveAvatarGen.Runtime." + Version + ".nupkg");

    public IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string>
    {
        ["NUGET_PACKAGES"] = PackagesCache,
    };

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Feed);
        Directory.CreateDirectory(PackagesCache);
        foreach (string project in new[] { RepositoryPaths.Generator, RepositoryPaths.Runtime })
        {
            (await Cli.DotnetAsync(Root, Environment, "pack", project, "-c", RepositoryPaths.Configuration, "--no-build", "-o", Feed))
                .AssertSuccess("dotnet pack " + Path.GetFileName(project));
        }

        string[] packed = Directory.GetFiles(Feed).Select(Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal).ToArray()!;
        Assert.Equal(new[] { Path.GetFileName(GeneratorPackage), Path.GetFileName(RuntimePackage) }, packed);
    }

    public Task DisposeAsync()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp folder left behind does no harm.
        }
        catch (UnauthorizedAccessException)
        {
        }

        return Task.CompletedTask;
    }
}
