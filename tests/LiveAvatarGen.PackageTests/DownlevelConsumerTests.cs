// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using LiveAvatarGen.PackageTests.Harness;
using Xunit;

namespace LiveAvatarGen.PackageTests;

/// <summary>
/// A library for netstandard2.0 and net472 that references the package, with the LiveAvatar spec, builds on the .NET
/// SDK with nullable on and warnings as errors: the generator declares the compiler-support types those frameworks
/// lack, or leaves them to PolySharp when the project uses it. (Built, not run: netstandard2.0 does not run.)
/// </summary>
[Collection(PackagesCollection.Name)]
public sealed class DownlevelConsumerTests
{
    private const string ProjectFile = """
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <TargetFrameworks>netstandard2.0;net472</TargetFrameworks>
            <RootNamespace>Consumer</RootNamespace>
            <LangVersion>{LANGVERSION}</LangVersion>
            <Nullable>enable</Nullable>
            <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
            <EmitCompilerGeneratedFiles>true</EmitCompilerGeneratedFiles>
          </PropertyGroup>
          <ItemGroup>
            <PackageReference Include="LiveAvatarGen" Version="{VERSION}" />
            {POLYSHARP}
          </ItemGroup>
          <ItemGroup Condition="'$(TargetFrameworkIdentifier)' == '.NETFramework'">
            <Reference Include="System.Net.Http" />
          </ItemGroup>
        </Project>
        """;

    // Uses what old frameworks lack: required members (object initializer), IAsyncEnumerable paging (await foreach).
    private const string Library = """
        using System.Collections.Generic;
        using System.Net.Http;
        using System.Threading.Tasks;

        namespace Consumer;

        public static class Avatars
        {
            public static LiveAvatarClient Create(HttpClient http, System.Uri baseAddress)
                => new(http, new LiveAvatarClientOptions { BaseAddress = baseAddress, APIKeyHeader = "key" });

            public static async Task<List<string>> NamesAsync(LiveAvatarClient client)
            {
                List<string> names = new();
                await foreach (AvatarSchema avatar in client.Avatar.ListUserAvatarsAllAsync(pageSize: 2))
                {
                    names.Add(avatar.Name ?? string.Empty);
                }

                return names;
            }
        }
        """;

    private readonly PackedFeed _feed;

    public DownlevelConsumerTests(PackedFeed feed) => _feed = feed;

    [Theory]
    [InlineData("latest", false)]
    [InlineData("11", false)]
    [InlineData("latest", true)]
    public async Task ANetStandardAndNet472LibraryBuildsWithWarningsAsErrors(string langVersion, bool withPolySharp)
    {
        string name = "Downlevel" + langVersion + (withPolySharp ? "PolySharp" : string.Empty);
        string project = Path.Combine(_feed.Root, name);
        Directory.CreateDirectory(project);
        File.WriteAllText(Path.Combine(project, name + ".csproj"), ProjectFile
            .Replace("{VERSION}", _feed.Version, StringComparison.Ordinal)
            .Replace("{LANGVERSION}", langVersion, StringComparison.Ordinal)
            .Replace("{POLYSHARP}", withPolySharp ? "<PackageReference Include=\"PolySharp\" Version=\"1.16.0\" PrivateAssets=\"all\" />" : string.Empty, StringComparison.Ordinal));
        File.WriteAllText(Path.Combine(project, "nuget.config"), ConsumerProjectTests.NuGetConfig(_feed.Feed));
        File.Copy(Path.Combine(RepositoryPaths.Root, "openapi.json"), Path.Combine(project, "openapi.json"));
        File.WriteAllText(Path.Combine(project, "Avatars.cs"), Library);

        (await Cli.DotnetAsync(project, _feed.Environment, "build", "--disable-build-servers")).AssertSuccess("dotnet build " + name);

        foreach (string framework in new[] { "netstandard2.0", "net472" })
        {
            Assert.True(File.Exists(Path.Combine(project, "bin", "Debug", framework, name + ".dll")), framework + " assembly");
            string generated = Path.Combine(project, "obj", "Debug", framework, "generated");
            string[] ours = Directory.GetFiles(Path.Combine(generated, "LiveAvatarGen.Generator", "LiveAvatarGen.Generator.OpenApiClientGenerator"))
                .Select(Path.GetFileName)
                .Where(f => f!.StartsWith("LiveAvatarGen.Polyfills.", StringComparison.Ordinal))
                .ToArray()!;
            if (withPolySharp)
            {
                // PolySharp's settings reach the generator as compiler-visible properties, so it leaves the types to PolySharp.
                Assert.Empty(ours);
                Assert.True(File.Exists(Path.Combine(generated, "PolySharp.SourceGenerators", "PolySharp.SourceGenerators.PolyfillsGenerator", "System.Runtime.CompilerServices.RequiredMemberAttribute.g.cs")));
            }
            else
            {
                Assert.Equal(3, ours.Length);
            }
        }
    }
}
