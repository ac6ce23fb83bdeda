// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using LiveAvatarGen.PackageTests.Harness;
using Xunit;

namespace LiveAvatarGen.PackageTests;

/// <summary>What the package's buildTransitive files add to a project, read from MSBuild's evaluation.</summary>
[Collection(PackagesCollection.Name)]
public sealed class MsBuildItemsTests
{
    private readonly PackedFeed _feed;

    public MsBuildItemsTests(PackedFeed feed) => _feed = feed;

    [Fact]
    public async Task EverySpecAndOverlayIsAddedOnceAndAProjectListedOneKeepsItsMetadata()
    {
        string project = await CreateProjectAsync("Items", """
            <ItemGroup>
              <AdditionalFiles Include="$(MSBuildProjectDirectory)/openapi.json" OpenApiNamespace="Listed.Api" />
              <CompilerVisibleItemMetadata Include="AdditionalFiles" MetadataName="OpenApiNamespace" />
            </ItemGroup>
            """);

        JsonElement items = await EvaluateAsync(project);

        JsonElement[] specs = items.GetProperty("AdditionalFiles").EnumerateArray().ToArray();
        Assert.Equal(
            new[] { Path.Combine(project, "openapi.json"), Path.Combine(project, "openapi.overlay.yaml"), Path.Combine(project, "specs", "billing.openapi.yaml") },
            specs.Select(s => s.GetProperty("FullPath").GetString()).OrderBy(p => p, StringComparer.Ordinal));
        Assert.Equal("Listed.Api", specs.Single(s => s.GetProperty("Filename").GetString() == "openapi").GetProperty("OpenApiNamespace").GetString());
        string[] visible = items.GetProperty("CompilerVisibleItemMetadata").EnumerateArray()
            .Where(m => m.GetProperty("Identity").GetString() == "AdditionalFiles")
            .Select(m => m.GetProperty("MetadataName").GetString()!)
            .Where(n => n.StartsWith("OpenApi", StringComparison.Ordinal))
            .OrderBy(n => n, StringComparer.Ordinal)
            .ToArray();
        Assert.Equal(new[] { "OpenApiClientName", "OpenApiExcludeOperations", "OpenApiExcludePaths", "OpenApiExcludeTags", "OpenApiGroupByTag", "OpenApiIncludeOperations", "OpenApiIncludePaths", "OpenApiIncludeTags", "OpenApiNamespace", "OpenApiOverlays" }, visible);
    }

    [Theory]
    [InlineData("EnableLiveAvatarGenDefaultItems")]
    [InlineData("EnableDefaultItems")]
    public async Task DefaultItemsCanBeTurnedOff(string property)
    {
        string project = await CreateProjectAsync("No" + property, $"""
            <PropertyGroup>
              <{property}>false</{property}>
            </PropertyGroup>
            """);

        JsonElement items = await EvaluateAsync(project);

        Assert.False(items.TryGetProperty("AdditionalFiles", out JsonElement specs) && specs.GetArrayLength() > 0);
    }

    private async Task<string> CreateProjectAsync(string name, string extra)
    {
        string project = Path.Combine(_feed.Root, name);
        Directory.CreateDirectory(Path.Combine(project, "specs"));
        Directory.CreateDirectory(Path.Combine(project, "bin"));
        File.WriteAllText(Path.Combine(project, name + ".csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="LiveAvatarGen" Version="{_feed.Version}" />
              </ItemGroup>
            {extra}
            </Project>
            """);
        File.WriteAllText(Path.Combine(project, "nuget.config"), ConsumerProjectTests.NuGetConfig(_feed.Feed));
        File.Copy(RepositoryPaths.CreditsSpec, Path.Combine(project, "openapi.json"));
        File.WriteAllText(Path.Combine(project, "specs", "billing.openapi.yaml"), "openapi: 3.0.3\n");
        File.WriteAllText(Path.Combine(project, "specs", "notes.json"), "{}");
        File.WriteAllText(Path.Combine(project, "openapi.overlay.yaml"), "overlay: 1.0.0\n");
        File.WriteAllText(Path.Combine(project, "bin", "openapi.overlay.yaml"), "overlay: 1.0.0\n");
        File.Copy(RepositoryPaths.CreditsSpec, Path.Combine(project, "bin", "openapi.json"));
        (await Cli.DotnetAsync(project, _feed.Environment, "restore")).AssertSuccess("dotnet restore " + name);
        return project;
    }

    private async Task<JsonElement> EvaluateAsync(string project)
    {
        CliResult result = (await Cli.DotnetAsync(project, _feed.Environment, "msbuild", "-nologo", "-getItem:AdditionalFiles", "-getItem:CompilerVisibleItemMetadata"))
            .AssertSuccess("dotnet msbuild -getItem");
        string output = result.Output;
        string json = output.Substring(output.IndexOf('{', StringComparison.Ordinal));
        return JsonDocument.Parse(json).RootElement.GetProperty("Items").Clone();
    }
}
