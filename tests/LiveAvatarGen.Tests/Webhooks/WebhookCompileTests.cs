// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using LiveAvatarGen.Tests.Harness;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace LiveAvatarGen.Tests.Webhooks;

/// <summary>
/// The webhooks' generated code compiles with nullable on and zero warnings, without ASP.NET Core (readers, events,
/// handlers) and with it (also the endpoint), for every shape a webhook can have.
/// </summary>
public sealed class WebhookCompileTests
{
    /// <summary>Every body kind, an optional payload, a deprecated webhook and names that meet generated ones.</summary>
    private const string EveryShape = """
        openapi: 3.1.0
        info: { title: Shapes API, version: '1' }
        webhooks:
          created:
            post:
              requestBody: { required: true, content: { application/json: { schema: { $ref: '#/components/schemas/Thing' } } } }
              responses: { '200': { description: ok } }
          maybe:
            post:
              deprecated: true
              requestBody: { content: { application/json: { schema: { $ref: '#/components/schemas/Thing' } } } }
              responses: { '200': { description: ok } }
          count:
            post:
              requestBody: { required: true, content: { application/json: { schema: { type: integer } } } }
              responses: { '200': { description: ok } }
          tags:
            post:
              requestBody: { required: true, content: { application/json: { schema: { type: array, items: { type: string } } } } }
              responses: { '200': { description: ok } }
          picture:
            post:
              requestBody: { content: { image/png: { schema: { type: string, format: binary } } } }
              responses: { '200': { description: ok } }
          ping:
            post: { responses: { '200': { description: ok } } }
          read:
            post: { responses: { '200': { description: ok } } }
          Unknown:
            post: { responses: { '200': { description: ok } } }
          event-name:
            post: { responses: { '200': { description: ok } } }
          "we\"ird {name}":
            post: { responses: { '200': { description: ok } } }
        components:
          schemas:
            Thing:
              type: object
              required: [id]
              properties: { id: { type: string } }
        """;

    public static IEnumerable<object[]> Specs() => new[]
    {
        new object[] { "webhooks.openapi.yaml" },
        new object[] { "webhooks-header.openapi.yaml" },
        new object[] { "public/oai-webhook-example.yaml" },
        new object[] { "public/oai-tictactoe.yaml" },
        new object[] { "public/redocly-museum.yaml" },
        new object[] { "every-shape" },
    };

    private static string Text(string spec) => spec == "every-shape" ? EveryShape : TestPaths.ReadSpec(spec);

    [Theory]
    [InlineData(TargetProfile.Net8CSharp12)]
    [InlineData(TargetProfile.Net10CSharp14)]
    public void WithoutAspNetCoreTheReadersEventsAndHandlersCompileAndNoEndpointIsEmitted(TargetProfile profile)
    {
        foreach (object[] spec in Specs())
        {
            GenerationResult result = GeneratorHarness.Generate("/specs/openapi.yaml", Text((string)spec[0]), profile);

            Assert.Empty(result.GeneratorExceptions);
            Assert.Empty(result.CompilationProblems);
            Assert.Contains(result.Sources, s => s.HintName.EndsWith("WebhookHandlers.g.cs", StringComparison.Ordinal));
            Assert.Contains(result.Sources, s => s.HintName.EndsWith("WebhookEvent.g.cs", StringComparison.Ordinal));
            Assert.DoesNotContain(result.Sources, s => s.HintName.EndsWith("WebhookEndpoints.g.cs", StringComparison.Ordinal));
        }
    }

    [Theory]
    [MemberData(nameof(Specs))]
    public void WithAspNetCoreTheEndpointIsEmittedAndEverythingCompilesWithoutWarnings(string spec)
    {
        (IReadOnlyList<GeneratedSourceResult> sources, IReadOnlyList<Diagnostic> problems, ImmutableArray<Diagnostic> generatorDiagnostics) = GenerateForWebApp(Text(spec));

        Assert.Empty(problems);
        GeneratedSourceResult endpoints = Assert.Single(sources, s => s.HintName.EndsWith("WebhookEndpoints.g.cs", StringComparison.Ordinal));
        string code = endpoints.SourceText.ToString();
        Assert.Contains("global::Microsoft.AspNetCore.Builder.EndpointRouteBuilderExtensions.MapPost(endpoints, pattern, receive)", code, StringComparison.Ordinal);

        // A RequestDelegate, never a minimal-API delegate: nothing is bound by reflection, so NativeAOT stays warning-free.
        Assert.DoesNotContain("RequestDelegateFactory", code, StringComparison.Ordinal);
        Assert.DoesNotContain("System.Reflection", string.Concat(sources.Select(s => s.SourceText.ToString())), StringComparison.Ordinal);
        Assert.DoesNotContain(generatorDiagnostics, d => d.Id == "LAG2002" && d.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Contains("webhooks", StringComparison.Ordinal));
    }

    [Fact]
    public void TheEventSourceFollowsTheSpec()
    {
        string byHeader = Endpoint(TestPaths.ReadSpec("webhooks-header.openapi.yaml"));
        string byRoute = Endpoint(TestPaths.ReadSpec("webhooks.openapi.yaml"));
        string single = Endpoint(TestPaths.ReadSpec("public/oai-webhook-example.yaml"));

        Assert.Contains("context.Request.Headers.TryGetValue(RepoHooksWebhooks.EventHeader", byHeader, StringComparison.Ordinal);
        Assert.DoesNotContain("RoutePatternFactory", byHeader, StringComparison.Ordinal);
        Assert.Contains("RoutePatternFactory.Parse(pattern).GetParameter(\"event\") is null", byRoute, StringComparison.Ordinal);
        Assert.Contains("(context.Request.RouteValues[\"event\"] as string) ?? WebhookExampleWebhooks.Events.NewPet", single, StringComparison.Ordinal);
    }

    private static string Endpoint(string spec)
        => GenerateForWebApp(spec).Sources.Single(s => s.HintName.EndsWith("WebhookEndpoints.g.cs", StringComparison.Ordinal)).SourceText.ToString();

    /// <summary>
    /// Generates and compiles as a web app does: net10.0 with the ASP.NET Core shared framework (this test host's, which
    /// also has Microsoft.Extensions.Http, so the DI registration is emitted too), and proves the run caches.
    /// </summary>
    internal static (IReadOnlyList<GeneratedSourceResult> Sources, IReadOnlyList<Diagnostic> Problems, ImmutableArray<Diagnostic> GeneratorDiagnostics) GenerateForWebApp(string spec)
    {
        string framework = Path.GetDirectoryName(typeof(Microsoft.AspNetCore.Http.HttpContext).Assembly.Location)!;
        IEnumerable<MetadataReference> aspNetCore = Directory.GetFiles(framework, "Microsoft.*.dll")
            .Where(f => Path.GetFileName(f).StartsWith("Microsoft.AspNetCore.", StringComparison.Ordinal) || Path.GetFileName(f).StartsWith("Microsoft.Extensions.", StringComparison.Ordinal))
            .OrderBy(f => f, StringComparer.Ordinal)
            .Select(f => MetadataReference.CreateFromFile(f));
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation(TargetProfile.Net10CSharp14, "namespace Consumer { internal static class Placeholder { } }").AddReferences(aspNetCore);
        GeneratorDriver driver = GeneratorHarness.CreateDriver(compilation, new[] { ("/specs/openapi.yaml", spec) });
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out ImmutableArray<Diagnostic> diagnostics);
        GeneratorHarness.AssertCachedAfterUnrelatedEdit(driver, compilation);
        GeneratorRunResult run = driver.GetRunResult().Results.Single();
        Assert.Null(run.Exception);
        return (
            run.GeneratedSources.OrderBy(s => s.HintName, StringComparer.Ordinal).ToList(),
            NullableWarnings.TurnedOn(output).GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList(),
            diagnostics);
    }
}
