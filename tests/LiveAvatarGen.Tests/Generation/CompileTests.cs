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
    [InlineData("liveavatar.openapi.json", TargetProfile.Net8CSharp12)]
    [InlineData("liveavatar.openapi.json", TargetProfile.Net10CSharp14)]
    public void GeneratedCodeCompilesWithZeroWarnings(string spec, TargetProfile profile)
    {
        GenerationResult result = GeneratorHarness.Generate(TestPaths.Spec(spec), TestPaths.ReadSpec(spec), profile);

        Assert.Empty(result.GeneratorExceptions);
        Assert.Empty(result.GeneratorDiagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning));
        Assert.NotEmpty(result.Sources);
        Assert.Empty(result.CompilationProblems.Select(d => d.ToString()));
    }

    [Fact]
    public void FullSpecGivesOneMethodPerOperation()
    {
        GenerationResult result = GeneratorHarness.Generate(TestPaths.Spec("liveavatar.openapi.json"), TestPaths.ReadSpec("liveavatar.openapi.json"));
        INamedTypeSymbol client = result.Output.GetTypeByMetadataName("Test.Api.LiveAvatarClient")!;

        string[] methods = client.GetMembers().OfType<IMethodSymbol>()
            .Where(m => m.DeclaredAccessibility == Accessibility.Public && m.Name.EndsWith("Async", System.StringComparison.Ordinal))
            .Select(m => m.Name)
            .ToArray();

        Assert.Equal(39, methods.Length);
        Assert.Contains("GetUserCreditsAsync", methods);
        Assert.Contains("CreateEmbedV2Async", methods);
        Assert.Contains("GetSessionTranscriptAsync", methods);
    }
}
