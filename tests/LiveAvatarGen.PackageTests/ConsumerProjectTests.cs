// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using LiveAvatarGen.PackageTests.Harness;
using LiveAvatarGen.Tests.Harness;
using Xunit;

namespace LiveAvatarGen.PackageTests;

/// <summary>
/// The way a user meets the package: a fresh project outside the repository with one PackageReference and an
/// openapi.json, built with the dotnet CLI, run against a loopback server, then the spec edited and rebuilt.
/// </summary>
[Collection(PackagesCollection.Name)]
public sealed class ConsumerProjectTests
{
    private const string Envelope = "{\"code\":100,\"data\":{\"credits_left\":\"42.50\"},\"message\":\"Success\"}";

    private const string ProjectFile = """
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <OutputType>Exe</OutputType>
            <TargetFramework>net10.0</TargetFramework>
            <ImplicitUsings>enable</ImplicitUsings>
            <Nullable>enable</Nullable>
            <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
          </PropertyGroup>
          <ItemGroup>
            <PackageReference Include="LiveAvatarGen" Version="{VERSION}" />
          </ItemGroup>
        </Project>
        """;

    private const string FirstProgram = """
        using Consumer;

        using HttpClient http = new();
        LiveAvatarClient client = new(http, new LiveAvatarClientOptions { BaseAddress = new Uri(args[0]), APIKeyHeader = "consumer-key" });
        ApiEnvelope<UserCreditsSchema> credits = await client.Users.GetUserCreditsAsync();
        Console.WriteLine("credits: " + credits.GetDataOrThrow().CreditsLeft.Value);
        """;

    private const string SecondProgram = FirstProgram + """

        ApiEnvelope<UserCreditsSchema> refreshed = await client.RefreshUserCreditsAsync();
        Console.WriteLine("refreshed: " + refreshed.GetDataOrThrow().CreditsLeft.Value);
        """;

    private readonly PackedFeed _feed;

    public ConsumerProjectTests(PackedFeed feed) => _feed = feed;

    [Fact]
    public async Task OnePackageReferenceAndASpecGiveAWorkingClientThatRegeneratesWhenTheSpecChanges()
    {
        string project = Path.Combine(_feed.Root, "Consumer");
        Directory.CreateDirectory(project);
        File.WriteAllText(Path.Combine(project, "Consumer.csproj"), ProjectFile.Replace("{VERSION}", _feed.Version, StringComparison.Ordinal));
        File.WriteAllText(Path.Combine(project, "nuget.config"), NuGetConfig(_feed.Feed));
        File.Copy(RepositoryPaths.CreditsSpec, Path.Combine(project, "openapi.json"));
        File.WriteAllText(Path.Combine(project, "Program.cs"), FirstProgram);
        string assembly = Path.Combine(project, "bin", "Debug", "net10.0", "Consumer.dll");
        await using LoopbackServer server = await LoopbackServer.StartAsync(LoopbackServer.Json(Envelope));

        // First build: restore from the feed, generate from openapi.json, compile with warnings as errors.
        (await Cli.DotnetAsync(project, _feed.Environment, "build", "--disable-build-servers")).AssertSuccess("first dotnet build");
        Assert.Equal(_feed.Feed, RestoredFrom("LiveAvatarGen"));
        Assert.Equal(_feed.Feed, RestoredFrom("LiveAvatarGen.Runtime"));
        Assert.DoesNotContain("Consumer.LiveAvatarClient.RefreshUserCreditsAsync", AssemblyFacts.ReadFile(assembly).TypesWithMethods);
        CliResult first = (await Cli.DotnetAsync(project, _feed.Environment, assembly, server.BaseAddress.ToString())).AssertSuccess("first run");
        Assert.Contains("credits: 42.50", first.Output, StringComparison.Ordinal);
        RecordedRequest call = Assert.Single(server.Requests);
        Assert.Equal(("GET", "/v1/users/credits", "consumer-key"), (call.Method, call.PathAndQuery, call.Headers["X-API-KEY"]));

        // Edit the spec as a user would (a new operation) and rebuild: the new method exists and works.
        AddRefreshOperation(Path.Combine(project, "openapi.json"));
        File.WriteAllText(Path.Combine(project, "Program.cs"), SecondProgram);
        (await Cli.DotnetAsync(project, _feed.Environment, "build", "--disable-build-servers")).AssertSuccess("dotnet build after the spec changed");
        Assert.Contains("Consumer.LiveAvatarClient.RefreshUserCreditsAsync", AssemblyFacts.ReadFile(assembly).TypesWithMethods);
        CliResult second = (await Cli.DotnetAsync(project, _feed.Environment, assembly, server.BaseAddress.ToString())).AssertSuccess("second run");
        Assert.Contains("refreshed: 42.50", second.Output, StringComparison.Ordinal);
        Assert.Equal(("POST", "/v1/users/credits/refresh"), (server.Requests[^1].Method, server.Requests[^1].PathAndQuery));
    }

    /// <summary>
    /// Adds the temporary feed to the package sources the machine already has, which serve any other dependency.
    /// The test then checks that both packages were restored from this feed.
    /// </summary>
    internal static string NuGetConfig(string feed) => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <configuration>
          <packageSources>
            <add key="liveavatargen-test-feed" value="{feed}" />
          </packageSources>
        </configuration>
        """;

    /// <summary>The source a package was restored from, as NuGet recorded it in the test's own package cache.</summary>
    private string? RestoredFrom(string id)
    {
        string metadata = Path.Combine(_feed.PackagesCache, id.ToLowerInvariant(), _feed.Version, ".nupkg.metadata");
        using System.Text.Json.JsonDocument document = System.Text.Json.JsonDocument.Parse(File.ReadAllText(metadata));
        return Path.TrimEndingDirectorySeparator(document.RootElement.GetProperty("source").GetString()!);
    }

    private static void AddRefreshOperation(string specPath)
    {
        JsonObject spec = JsonNode.Parse(File.ReadAllText(specPath))!.AsObject();
        JsonObject credits = spec["paths"]!["/v1/users/credits"]!["get"]!.AsObject();
        spec["paths"]!.AsObject()["/v1/users/credits/refresh"] = new JsonObject
        {
            ["post"] = new JsonObject
            {
                ["summary"] = "Refresh User Credits",
                ["operationId"] = "refresh_user_credits_v1_users_credits_refresh_post",
                ["responses"] = credits["responses"]!.DeepClone(),
                ["security"] = credits["security"]!.DeepClone(),
            },
        };
        File.WriteAllText(specPath, spec.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
    }
}
