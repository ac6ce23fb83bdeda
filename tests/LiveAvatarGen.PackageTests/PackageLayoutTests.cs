// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Xml.Linq;
using LiveAvatarGen.PackageTests.Harness;
using Xunit;

namespace LiveAvatarGen.PackageTests;

/// <summary>The packed feed, shared by every test in the collection: one pack per run.</summary>
[CollectionDefinition(Name)]
public sealed class PackagesCollection : ICollectionFixture<PackedFeed>
{
    public const string Name = "Packages";
}

/// <summary>What is inside the two packages, and whether the analyzer can load in every compiler host.</summary>
[Collection(PackagesCollection.Name)]
public sealed class PackageLayoutTests
{
    private const string AnalyzerFolder = "analyzers/dotnet/cs/";

    /// <summary>
    /// Assemblies the compiler host supplies, with the highest version the analyzer may reference. Roslyn 4.8
    /// (.NET SDK 8.0.100, Visual Studio 17.8) is the oldest host supported; it brings System.Collections.Immutable and
    /// System.Reflection.Metadata 7.0, and the .NET 8 host brings System.Text.Json 8.0.
    /// </summary>
    private static readonly Dictionary<string, Version> s_hostMaximum = new(StringComparer.Ordinal)
    {
        ["Microsoft.CodeAnalysis"] = new Version(4, 8, 0, 0),
        ["Microsoft.CodeAnalysis.CSharp"] = new Version(4, 8, 0, 0),
        ["System.Collections.Immutable"] = new Version(7, 0, 0, 0),
        ["System.Reflection.Metadata"] = new Version(7, 0, 0, 0),
        ["System.Text.Json"] = new Version(8, 0, 0, 0),
    };

    private readonly PackedFeed _feed;

    public PackageLayoutTests(PackedFeed feed) => _feed = feed;

    [Fact]
    public void GeneratorPackageHoldsTheAnalyzerItsDependenciesAndTheMsBuildWiring()
    {
        IReadOnlyList<string> entries = Nupkg.Entries(_feed.GeneratorPackage);

        Assert.Equal(
            new[] { "LiveAvatarGen.Generator.dll", "Microsoft.OpenApi.YamlReader.dll", "Microsoft.OpenApi.dll", "SharpYaml.dll" },
            entries.Where(e => e.StartsWith(AnalyzerFolder, StringComparison.Ordinal)).Select(e => e.Substring(AnalyzerFolder.Length)).OrderBy(e => e, StringComparer.Ordinal));
        Assert.Contains("buildTransitive/LiveAvatarGen.props", entries);
        Assert.Contains("buildTransitive/LiveAvatarGen.targets", entries);
        Assert.Contains("PACKAGE.md", entries);
        Assert.DoesNotContain(entries, e => e.StartsWith("lib/", StringComparison.Ordinal));
        Assert.DoesNotContain(entries, e => e.Contains("System.Text.Json", StringComparison.OrdinalIgnoreCase) || e.Contains("Microsoft.CodeAnalysis", StringComparison.OrdinalIgnoreCase));

        XElement metadata = Nuspec(_feed.GeneratorPackage);
        Assert.Equal(_feed.Version, Child(metadata, "version").Value);
        Assert.Equal("PACKAGE.md", Child(metadata, "readme").Value);
        (string Id, string Version) dependency = Assert.Single(Dependencies(metadata));
        Assert.Equal(("LiveAvatarGen.Runtime", _feed.Version), dependency);
    }

    [Fact]
    public void RuntimePackageTargetsNetStandardAndNet8AndIsAotCompatible()
    {
        IReadOnlyList<string> entries = Nupkg.Entries(_feed.RuntimePackage);

        Assert.Contains("lib/netstandard2.0/LiveAvatarGen.Runtime.dll", entries);
        Assert.Contains("lib/net8.0/LiveAvatarGen.Runtime.dll", entries);
        Assert.DoesNotContain(entries, e => e.StartsWith("analyzers/", StringComparison.Ordinal));
        AssemblyFacts net8 = AssemblyFacts.Read(Nupkg.Read(_feed.RuntimePackage, "lib/net8.0/LiveAvatarGen.Runtime.dll"));
        Assert.Equal("True", net8.AssemblyMetadata.GetValueOrDefault("IsTrimmable"));
        Assert.Equal(_feed.Version, Child(Nuspec(_feed.RuntimePackage), "version").Value);
    }

    [Fact]
    public void AnalyzerReferencesOnlyItsFolderAndWhatTheCompilerHostSupplies()
    {
        Dictionary<string, AssemblyFacts> packed = Nupkg.Entries(_feed.GeneratorPackage)
            .Where(e => e.StartsWith(AnalyzerFolder, StringComparison.Ordinal) && e.EndsWith(".dll", StringComparison.Ordinal))
            .Select(e => AssemblyFacts.Read(Nupkg.Read(_feed.GeneratorPackage, e)))
            .ToDictionary(a => a.Name, StringComparer.Ordinal);
        List<string> problems = new();

        foreach (AssemblyFacts assembly in packed.Values)
        {
            foreach ((string name, Version version) in assembly.References)
            {
                if (packed.TryGetValue(name, out AssemblyFacts? beside))
                {
                    if (version > beside.Version)
                    {
                        problems.Add($"{assembly.Name} wants {name} {version}, the package has {beside.Version}");
                    }
                }
                else if (s_hostMaximum.TryGetValue(name, out Version? maximum))
                {
                    if (version > maximum)
                    {
                        problems.Add($"{assembly.Name} references {name} {version}; the oldest supported host supplies {maximum}");
                    }
                }
                else if (!(name == "netstandard" || name == "mscorlib" || name.StartsWith("System.", StringComparison.Ordinal) || name.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal)))
                {
                    problems.Add($"{assembly.Name} references {name} {version}, which is neither in the package nor supplied by the compiler host");
                }
            }
        }

        Assert.Empty(problems);
        Assert.Contains(packed["LiveAvatarGen.Generator"].References, r => r.Name == "Microsoft.CodeAnalysis");
    }

    private static XElement Nuspec(string package)
    {
        string entry = Nupkg.Entries(package).Single(e => e.EndsWith(".nuspec", StringComparison.Ordinal));
        XDocument document = XDocument.Parse(Encoding.UTF8.GetString(Nupkg.Read(package, entry)).TrimStart('\uFEFF'));
        return document.Root!.Elements().Single(e => e.Name.LocalName == "metadata");
    }

    private static XElement Child(XElement element, string name) => element.Elements().Single(e => e.Name.LocalName == name);

    private static IEnumerable<(string Id, string Version)> Dependencies(XElement metadata)
        => metadata.Descendants().Where(e => e.Name.LocalName == "dependency")
            .Select(e => ((string)e.Attribute("id")!, (string)e.Attribute("version")!))
            .Distinct();
}
