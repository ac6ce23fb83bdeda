// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using LiveAvatarGen.Generator;
using LiveAvatarGen.Tests.Harness;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace LiveAvatarGen.Tests.Webhooks;

/// <summary>The webhooks travel apart from the client: an operation edit leaves them unchanged, a webhook edit re-emits them.</summary>
public sealed class WebhookIncrementalTests
{
    private const string Path = "/specs/webhooks.openapi.yaml";

    private static (GeneratorDriver Driver, CSharpCompilation Compilation, AdditionalText Spec) RunOnce(string spec)
    {
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation(TargetProfile.Net10CSharp14, "namespace Consumer { internal static class Placeholder { } }");
        InMemoryText text = new(Path, spec);
        GeneratorDriver driver = GeneratorHarness.CreateDriver(compilation, new List<(string, string)>(), "Webhooks.Api").AddAdditionalTexts(ImmutableArray.Create<AdditionalText>(text));
        return (GeneratorHarness.Run(driver, compilation), compilation, text);
    }

    private static IncrementalStepRunReason[] Reasons(GeneratorRunResult result, string step)
        => result.TrackedSteps[step].SelectMany(s => s.Outputs).Select(o => o.Reason).ToArray();

    [Fact]
    public void AnOperationEditLeavesTheWebhooksUnchanged()
    {
        string spec = TestPaths.ReadSpec("webhooks.openapi.yaml");
        (GeneratorDriver driver, CSharpCompilation compilation, AdditionalText original) = RunOnce(spec);

        string edited = spec.Replace("operationId: getPet", "operationId: fetchPet", StringComparison.Ordinal);
        Assert.NotEqual(spec, edited);
        GeneratorRunResult result = driver.ReplaceAdditionalText(original, new InMemoryText(Path, edited)).RunGenerators(compilation).GetRunResult().Results.Single();

        Assert.Contains(IncrementalStepRunReason.Modified, Reasons(result, TrackingNames.Parse));
        Assert.Equal(new[] { IncrementalStepRunReason.Unchanged }, Reasons(result, TrackingNames.Webhooks));
    }

    [Fact]
    public void AWebhookEditReEmitsTheWebhooks()
    {
        string spec = TestPaths.ReadSpec("webhooks.openapi.yaml");
        (GeneratorDriver driver, CSharpCompilation compilation, AdditionalText original) = RunOnce(spec);

        string edited = spec.Replace("summary: A pet was added.", "summary: A pet joined.", StringComparison.Ordinal);
        GeneratorRunResult result = driver.ReplaceAdditionalText(original, new InMemoryText(Path, edited)).RunGenerators(compilation).GetRunResult().Results.Single();

        Assert.Equal(new[] { IncrementalStepRunReason.Modified }, Reasons(result, TrackingNames.Webhooks));
        Assert.Contains("A pet joined.", result.GeneratedSources.Single(s => s.HintName.EndsWith(".PetHooksWebhookEvent.g.cs", StringComparison.Ordinal)).SourceText.ToString(), StringComparison.Ordinal);
    }
}
