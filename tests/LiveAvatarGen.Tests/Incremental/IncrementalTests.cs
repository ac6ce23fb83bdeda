// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System.Collections.Generic;
using System.Linq;
using LiveAvatarGen.Generator;
using LiveAvatarGen.Tests.Harness;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace LiveAvatarGen.Tests.Incremental;

/// <summary>The pipeline's caching, observed through the named tracking steps.</summary>
public sealed class IncrementalTests
{
    private static readonly string[] s_steps =
    {
        TrackingNames.Input, TrackingNames.Parse, TrackingNames.Diagnostics, TrackingNames.Types, TrackingNames.Client, TrackingNames.CompilationFacts,
    };

    [Fact]
    public void UnrelatedCSharpEditLeavesEveryStepCached()
    {
        (GeneratorDriver driver, CSharpCompilation compilation, _) = RunOnce(TestPaths.ReadSpec("credits.openapi.json"));

        CSharpCompilation edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace Consumer { internal static class Unrelated { } }", (CSharpParseOptions)compilation.SyntaxTrees.First().Options));
        GeneratorRunResult result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        foreach (string step in s_steps)
        {
            Assert.True(result.TrackedSteps.ContainsKey(step), "missing step " + step);
            foreach (IncrementalGeneratorRunStep run in result.TrackedSteps[step])
            {
                Assert.All(run.Outputs, output => Assert.True(
                    output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
                    $"{step} was {output.Reason}"));
            }
        }

        Assert.All(result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs), o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
    }

    [Fact]
    public void EditingOneSchemaModifiesOnlyThatSchemasOutput()
    {
        string spec = TestPaths.ReadSpec("credits.openapi.json");
        (GeneratorDriver driver, CSharpCompilation compilation, AdditionalText original) = RunOnce(spec);

        string edited = spec.Replace("\"title\": \"Error Type\"", "\"title\": \"Kind of error\"", System.StringComparison.Ordinal);
        driver = driver.ReplaceAdditionalText(original, new InMemoryText("/specs/credits.openapi.json", edited));
        GeneratorDriverRunResult run = driver.RunGenerators(compilation).GetRunResult();
        GeneratorRunResult result = run.Results.Single();

        Assert.Contains(result.TrackedSteps[TrackingNames.Parse].SelectMany(s => s.Outputs), o => o.Reason == IncrementalStepRunReason.Modified);
        IncrementalStepRunReason[] typeReasons = result.TrackedSteps[TrackingNames.Types].SelectMany(s => s.Outputs).Select(o => o.Reason).ToArray();
        Assert.Equal(1, typeReasons.Count(r => r == IncrementalStepRunReason.Modified));
        Assert.Contains("Kind of error", result.GeneratedSources.Single(s => s.HintName.EndsWith(".ValidationError.g.cs", System.StringComparison.Ordinal)).SourceText.ToString(), System.StringComparison.Ordinal);
    }

    private static (GeneratorDriver Driver, CSharpCompilation Compilation, AdditionalText Spec) RunOnce(string spec)
    {
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation(TargetProfile.Net10CSharp14, "namespace Consumer { internal static class Placeholder { } }");
        InMemoryText text = new("/specs/credits.openapi.json", spec);
        GeneratorDriver driver = GeneratorHarness.CreateDriver(compilation, new List<(string, string)>(), "Credits.Api").AddAdditionalTexts(System.Collections.Immutable.ImmutableArray.Create<AdditionalText>(text));
        driver = driver.RunGenerators(compilation);
        return (driver, compilation, text);
    }
}
