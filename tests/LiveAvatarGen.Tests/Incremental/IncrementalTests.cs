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
        TrackingNames.Input, TrackingNames.Parse, TrackingNames.Diagnostics, TrackingNames.Types, TrackingNames.Client, TrackingNames.Operations, TrackingNames.CompilationFacts, TrackingNames.Clashes,
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

    [Fact]
    public void WhitespaceOnlySpecEditLeavesOutputsUnchanged()
    {
        string spec = TestPaths.ReadSpec("credits.openapi.json");
        (GeneratorDriver driver, CSharpCompilation compilation, AdditionalText original) = RunOnce(spec);

        string reformatted = spec.Replace("\n", "\n  ", System.StringComparison.Ordinal) + "\n\n";
        driver = driver.ReplaceAdditionalText(original, new InMemoryText("/specs/credits.openapi.json", reformatted));
        GeneratorRunResult result = driver.RunGenerators(compilation).GetRunResult().Results.Single();

        Assert.Contains(result.TrackedSteps[TrackingNames.Input].SelectMany(s => s.Outputs), o => o.Reason == IncrementalStepRunReason.Modified);
        foreach (string step in new[] { TrackingNames.Parse, TrackingNames.Types, TrackingNames.Client, TrackingNames.Operations })
        {
            Assert.All(result.TrackedSteps[step].SelectMany(s => s.Outputs), o => Assert.True(o.Reason is IncrementalStepRunReason.Unchanged or IncrementalStepRunReason.Cached, step + " was " + o.Reason));
        }
    }

    [Fact]
    public void AddingAnOperationAddsExactlyItsOutput()
    {
        string spec = TestPaths.ReadSpec("credits.openapi.json");
        (GeneratorDriver driver, CSharpCompilation compilation, AdditionalText original) = RunOnce(spec);
        int before = driver.GetRunResult().Results.Single().GeneratedSources.Length;

        // A new endpoint appended to the paths, as specs usually grow. (Outputs are compared by position, so an
        // operation inserted before others would also mark the ones after it Modified; their text is still right.)
        System.Text.Json.Nodes.JsonObject document = System.Text.Json.Nodes.JsonNode.Parse(spec)!.AsObject();
        document["paths"]!.AsObject()["/v1/ping"] = System.Text.Json.Nodes.JsonNode.Parse("{ \"get\": { \"operationId\": \"ping_v1_ping_get\", \"responses\": { \"204\": { \"description\": \"pong\" } } } }");
        string added = document.ToJsonString();
        driver = driver.ReplaceAdditionalText(original, new InMemoryText("/specs/credits.openapi.json", added));
        GeneratorRunResult result = driver.RunGenerators(compilation).GetRunResult().Results.Single();

        IncrementalStepRunReason[] operations = result.TrackedSteps[TrackingNames.Operations].SelectMany(s => s.Outputs).Select(o => o.Reason).ToArray();
        Assert.Equal(1, operations.Count(r => r == IncrementalStepRunReason.New));
        Assert.All(operations.Where(r => r != IncrementalStepRunReason.New), r => Assert.True(r is IncrementalStepRunReason.Unchanged or IncrementalStepRunReason.Cached));
        foreach (string step in new[] { TrackingNames.Types, TrackingNames.Client })
        {
            Assert.All(result.TrackedSteps[step].SelectMany(s => s.Outputs), o => Assert.True(o.Reason is IncrementalStepRunReason.Unchanged or IncrementalStepRunReason.Cached, step + " was " + o.Reason));
        }

        Assert.Equal(before + 1, result.GeneratedSources.Length);
        Assert.Contains(result.GeneratedSources, s => s.HintName.EndsWith(".PingAsync.g.cs", System.StringComparison.Ordinal));
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
