// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System.Linq;
using LiveAvatarGen.Tests.Harness;
using Microsoft.CodeAnalysis;
using Xunit;

namespace LiveAvatarGen.Tests.Generation;

/// <summary>Generated code compiles with nullable on and produces zero warnings, for a net8/C# 12 consumer and today's.</summary>
public sealed class CompileTests
{
    [Theory]
    [InlineData("credits.openapi.json", TargetProfile.Net8CSharp12)]
    [InlineData("credits.openapi.json", TargetProfile.Net10CSharp14)]
    [InlineData(TestPaths.LiveAvatar, TargetProfile.Net8CSharp12)]
    [InlineData(TestPaths.LiveAvatar, TargetProfile.Net10CSharp14)]
    public void GeneratedCodeCompilesWithZeroWarnings(string spec, TargetProfile profile)
    {
        GenerationResult result = GeneratorHarness.Generate(TestPaths.Spec(spec), TestPaths.ReadSpec(spec), profile);

        Assert.Empty(result.GeneratorExceptions);
        Assert.Empty(result.GeneratorDiagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning));
        Assert.NotEmpty(result.Sources);
        Assert.Empty(result.CompilationProblems.Select(d => d.ToString()));
    }

    [Theory]
    [InlineData("credits.openapi.json", TargetProfile.Net8CSharp12)]
    [InlineData("credits.openapi.json", TargetProfile.Net10CSharp14)]
    [InlineData(TestPaths.LiveAvatar, TargetProfile.Net8CSharp12)]
    [InlineData(TestPaths.LiveAvatar, TargetProfile.Net10CSharp14)]
    public void WithMicrosoftExtensionsHttpTheDiRegistrationIsEmittedAndCompilesWithZeroWarnings(string spec, TargetProfile profile)
    {
        GenerationResult result = GeneratorHarness.Generate(TestPaths.Spec(spec), TestPaths.ReadSpec(spec), profile, withHttpClientFactory: true);

        Assert.Empty(result.GeneratorExceptions);
        Assert.Contains(result.Sources, s => s.HintName.EndsWith(".LiveAvatarClientServiceCollectionExtensions.g.cs", System.StringComparison.Ordinal));
        Assert.Empty(result.CompilationProblems.Select(d => d.ToString()));
        IMethodSymbol add = Assert.Single(result.Output.GetTypeByMetadataName("Test.Api.LiveAvatarClientServiceCollectionExtensions")!.GetMembers("AddLiveAvatarClient").OfType<IMethodSymbol>());
        Assert.Equal("Microsoft.Extensions.DependencyInjection.IHttpClientBuilder", add.ReturnType.ToDisplayString());
    }

    [Theory]
    [InlineData(TargetProfile.Net8CSharp12)]
    [InlineData(TargetProfile.Net10CSharp14)]
    public void DeprecatedOperationIsObsoleteOnTheClientAndItsInterfaceWithZeroWarnings(TargetProfile profile)
    {
        const string spec = """
            {"openapi":"3.0.3","info":{"title":"Old API","version":"1"},
             "paths":{"/old":{"get":{"operationId":"getOld","deprecated":true,"responses":{"200":{"description":"ok","content":{"application/json":{"schema":{"type":"string"}}}}}}}}}
            """;
        GenerationResult result = GeneratorHarness.Generate("/specs/old.openapi.json", spec, profile, withHttpClientFactory: true);

        Assert.Empty(result.CompilationProblems.Select(d => d.ToString()));
        Assert.Contains(result.Output.GetTypeByMetadataName("Test.Api.IOldClient")!.GetMembers("GetOldAsync")[0].GetAttributes(), a => a.AttributeClass!.Name == "ObsoleteAttribute");
        Assert.Contains(result.Output.GetTypeByMetadataName("Test.Api.OldClient")!.GetMembers("GetOldAsync")[0].GetAttributes(), a => a.AttributeClass!.Name == "ObsoleteAttribute");
    }

    [Fact]
    public void WithoutMicrosoftExtensionsHttpNoDiRegistrationIsEmitted()
    {
        GenerationResult result = GeneratorHarness.Generate(TestPaths.Spec("credits.openapi.json"), TestPaths.ReadSpec("credits.openapi.json"));

        Assert.DoesNotContain(result.Sources, s => s.HintName.Contains("ServiceCollectionExtensions", System.StringComparison.Ordinal));
        Assert.NotNull(result.Output.GetTypeByMetadataName("Test.Api.ILiveAvatarClient"));
    }

    [Fact]
    public void FullSpecGivesOneMethodPerOperation()
    {
        GenerationResult result = GeneratorHarness.Generate(TestPaths.Spec(TestPaths.LiveAvatar), TestPaths.ReadSpec(TestPaths.LiveAvatar));
        INamedTypeSymbol client = result.Output.GetTypeByMetadataName("Test.Api.LiveAvatarClient")!;

        // Every operation is tagged: the methods are on the ten sub-clients (one per tag), each with its companion.
        INamedTypeSymbol[] subClients = client.GetMembers().OfType<IPropertySymbol>()
            .Where(p => p.DeclaredAccessibility == Accessibility.Public && p.Type.Name.EndsWith("Client", System.StringComparison.Ordinal))
            .Select(p => (INamedTypeSymbol)p.Type)
            .ToArray();
        Assert.Equal(10, subClients.Length);
        IMethodSymbol[] all = subClients.Prepend(client).SelectMany(c => c.GetMembers().OfType<IMethodSymbol>())
            .Where(m => m.DeclaredAccessibility == Accessibility.Public && m.Name.EndsWith("Async", System.StringComparison.Ordinal))
            .ToArray();
        // Besides: one companion per operation, and one auto-paging method per paged list operation (six).
        string[] paging = all.Where(m => m.ReturnType.Name == "IAsyncEnumerable" && m.Name.EndsWith("AllAsync", System.StringComparison.Ordinal)).Select(m => m.Name).ToArray();
        string[] methods = all.Where(m => !m.Name.EndsWith("WithResponseAsync", System.StringComparison.Ordinal)).Select(m => m.Name).Except(paging).ToArray();
        Assert.Equal(39, all.Count(m => m.Name.EndsWith("WithResponseAsync", System.StringComparison.Ordinal)));
        Assert.Equal(6, paging.Length);

        Assert.Equal(39, methods.Length);
        Assert.Contains("GetUserCreditsAsync", methods);
        Assert.Contains("CreateEmbedV2Async", methods);
        Assert.Contains("GetSessionTranscriptAsync", methods);
    }

    [Theory]
    [InlineData(TargetProfile.Net8CSharp12)]
    [InlineData(TargetProfile.Net10CSharp14)]
    public void HostileTagsCompileWithZeroWarnings(TargetProfile profile)
    {
        string spec = Parsing.ParserHarness.Paths(Parsing.OperationGroupParsingTests.HostileTags);

        GenerationResult result = GeneratorHarness.Generate("/specs/openapi.yaml", spec, profile, withHttpClientFactory: true);

        Assert.Empty(result.GeneratorExceptions);
        Assert.Empty(result.GeneratorDiagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning));
        Assert.Empty(result.CompilationProblems.Select(d => d.ToString()));
        INamedTypeSymbol client = result.Output.GetTypeByMetadataName("Test.Api.TestClient")!;
        // One sub-client per tag, besides Options (UserData2's class is TestUserDataClient2).
        Assert.Equal(12, client.GetMembers().OfType<IPropertySymbol>().Count(p => p.DeclaredAccessibility == Accessibility.Public && p.Name != "Options"));
    }

    [Fact]
    public void GroupByTagFalseKeepsEveryMethodOnTheClient()
    {
        GenerationResult result = GeneratorHarness.Generate(TestPaths.Spec(TestPaths.LiveAvatar), TestPaths.ReadSpec(TestPaths.LiveAvatar), groupByTag: "false", withHttpClientFactory: true);

        Assert.Empty(result.CompilationProblems.Select(d => d.ToString()));
        INamedTypeSymbol client = result.Output.GetTypeByMetadataName("Test.Api.LiveAvatarClient")!;
        // 39 operations, their 39 companions, and the six auto-paging methods.
        Assert.Equal(84, client.GetMembers().OfType<IMethodSymbol>().Count(m => m.DeclaredAccessibility == Accessibility.Public && m.Name.EndsWith("Async", System.StringComparison.Ordinal)));
        Assert.DoesNotContain(client.GetMembers().OfType<IPropertySymbol>(), p => p.Name == "Avatar");
        Assert.DoesNotContain(result.Sources, s => s.HintName.Contains("LiveAvatarAvatarClient", System.StringComparison.Ordinal));
    }
}
