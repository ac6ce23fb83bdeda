// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.Collections.Generic;
using System.Reflection;
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
    /// <summary>
    /// The harness asserts caching after every generation with the step names the run reports; this checks that those
    /// names, less the compiler's own input and output nodes, are exactly <see cref="TrackingNames"/>, so no constant is stale and no tracked step goes unnamed.
    /// </summary>
    [Fact]
    public void TrackedStepsAreExactlyTheTrackingNames()
    {
        string[] declared = typeof(TrackingNames).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!)
            .OrderBy(n => n, StringComparer.Ordinal)
            .ToArray();

        GenerationResult result = GeneratorHarness.Generate("/specs/credits.openapi.json", TestPaths.ReadSpec("credits.openapi.json"), ns: "Credits.Api");

        string[] compilerSteps = typeof(WellKnownGeneratorInputs).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Concat(typeof(WellKnownGeneratorOutputs).GetFields(BindingFlags.Public | BindingFlags.Static))
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToArray();
        Assert.Equal(declared, result.Run.Results.Single().TrackedSteps.Keys.Except(compilerSteps).OrderBy(n => n, StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public void CachingCheckFailsWhenAStepIsNotCached()
    {
        // The harness's check must be able to fail. A driver whose spec was replaced but not yet rerun sees the
        // replacement on the check's rerun: Input and Parse are Modified, which the check reports.
        (GeneratorDriver driver, CSharpCompilation compilation, AdditionalText original) = RunOnce(TestPaths.ReadSpec("credits.openapi.json"));
        GeneratorDriver pending = driver.ReplaceAdditionalText(original, new InMemoryText("/specs/credits.openapi.json", TestPaths.ReadSpec("credits.openapi.json").Replace("Credits Left", "Left", StringComparison.Ordinal)));

        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => GeneratorHarness.AssertCachedAfterUnrelatedEdit(pending, compilation));

        // Once rerun, the edited spec caches like any other.
        GeneratorHarness.Run(pending, compilation);
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

    [Fact]
    public void AddingAnOperationWithSecurityAnotherRequiresAddsExactlyItsOutput()
    {
        // Security alternatives are the client's fields, one per distinct set: a new operation requiring the set the
        // others require names that field and leaves the client's own file unchanged.
        string spec = TestPaths.ReadSpec("credits.openapi.json");
        (GeneratorDriver driver, CSharpCompilation compilation, AdditionalText original) = RunOnce(spec);
        int before = driver.GetRunResult().Results.Single().GeneratedSources.Length;

        System.Text.Json.Nodes.JsonObject document = System.Text.Json.Nodes.JsonNode.Parse(spec)!.AsObject();
        document["paths"]!.AsObject()["/v1/ping"] = System.Text.Json.Nodes.JsonNode.Parse("{ \"get\": { \"operationId\": \"ping_v1_ping_get\", \"security\": [ { \"APIKeyHeader\": [] } ], \"responses\": { \"204\": { \"description\": \"pong\" } } } }");
        driver = driver.ReplaceAdditionalText(original, new InMemoryText("/specs/credits.openapi.json", document.ToJsonString()));
        GeneratorRunResult result = driver.RunGenerators(compilation).GetRunResult().Results.Single();

        foreach (string step in new[] { TrackingNames.Types, TrackingNames.Client })
        {
            Assert.All(result.TrackedSteps[step].SelectMany(s => s.Outputs), o => Assert.True(o.Reason is IncrementalStepRunReason.Unchanged or IncrementalStepRunReason.Cached, step + " was " + o.Reason));
        }

        Assert.Equal(before + 1, result.GeneratedSources.Length);
        string ping = result.GeneratedSources.Single(s => s.HintName.EndsWith(".PingAsync.g.cs", System.StringComparison.Ordinal)).SourceText.ToString();
        Assert.Contains("s_security0", ping, System.StringComparison.Ordinal);
    }

    [Fact]
    public void AddingAnOperationToAnExistingTagAddsExactlyItsOutput()
    {
        string spec = TestPaths.ReadSpec("credits.openapi.json");
        (GeneratorDriver driver, CSharpCompilation compilation, AdditionalText original) = RunOnce(spec);
        int before = driver.GetRunResult().Results.Single().GeneratedSources.Length;

        // Users is the tag of the spec's one operation: its sub-client exists, so the client core stays unchanged.
        System.Text.Json.Nodes.JsonObject document = System.Text.Json.Nodes.JsonNode.Parse(spec)!.AsObject();
        document["paths"]!.AsObject()["/v1/users/ping"] = System.Text.Json.Nodes.JsonNode.Parse("{ \"get\": { \"tags\": [\"Users\"], \"operationId\": \"ping_user\", \"responses\": { \"204\": { \"description\": \"pong\" } } } }");
        driver = driver.ReplaceAdditionalText(original, new InMemoryText("/specs/credits.openapi.json", document.ToJsonString()));
        GeneratorRunResult result = driver.RunGenerators(compilation).GetRunResult().Results.Single();

        IncrementalStepRunReason[] operations = result.TrackedSteps[TrackingNames.Operations].SelectMany(s => s.Outputs).Select(o => o.Reason).ToArray();
        Assert.Equal(1, operations.Count(r => r == IncrementalStepRunReason.New));
        Assert.All(operations.Where(r => r != IncrementalStepRunReason.New), r => Assert.True(r is IncrementalStepRunReason.Unchanged or IncrementalStepRunReason.Cached));
        foreach (string step in new[] { TrackingNames.Types, TrackingNames.Client })
        {
            Assert.All(result.TrackedSteps[step].SelectMany(s => s.Outputs), o => Assert.True(o.Reason is IncrementalStepRunReason.Unchanged or IncrementalStepRunReason.Cached, step + " was " + o.Reason));
        }

        Assert.Equal(before + 1, result.GeneratedSources.Length);
        Assert.Contains(result.GeneratedSources, s => s.HintName.EndsWith(".LiveAvatarUsersClient.PingUserAsync.g.cs", System.StringComparison.Ordinal));
    }

    private static (GeneratorDriver Driver, CSharpCompilation Compilation, AdditionalText Spec) RunOnce(string spec)
    {
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation(TargetProfile.Net10CSharp14, "namespace Consumer { internal static class Placeholder { } }");
        InMemoryText text = new("/specs/credits.openapi.json", spec);
        GeneratorDriver driver = GeneratorHarness.CreateDriver(compilation, new List<(string, string)>(), "Credits.Api").AddAdditionalTexts(System.Collections.Immutable.ImmutableArray.Create<AdditionalText>(text));
        driver = GeneratorHarness.Run(driver, compilation);
        return (driver, compilation, text);
    }
}
