// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using LiveAvatarGen.Generator.Diagnostics;
using LiveAvatarGen.Generator.Parsing;
using LiveAvatarGen.Tests.Harness;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace LiveAvatarGen.Tests.Diagnostics;

/// <summary>One test per diagnostic ID: its severity and where it points in the spec, for JSON and YAML.</summary>
public sealed class DiagnosticCatalogTests
{
    private const string Json31 = "{\n  \"openapi\": \"3.1.0\",\n  \"info\": { \"title\": \"T\", \"version\": \"1\" },\n  \"paths\": {},\n  \"components\": {\n    \"schemas\": {\n";

    public static IEnumerable<object[]> Ids() => DiagnosticDescriptors.All.Select(d => new object[] { d.Id });

    private static Diagnostic Single(GenerationResult result, string id)
    {
        Assert.Empty(result.GeneratorExceptions);
        return Assert.Single(result.GeneratorDiagnostics, d => d.Id == id);
    }

    private static void AssertAt(Diagnostic diagnostic, DiagnosticSeverity severity, string path, int line, int column)
    {
        Assert.Equal(severity, diagnostic.Severity);
        FileLinePositionSpan span = diagnostic.Location.GetLineSpan();
        Assert.Equal(path, span.Path);
        Assert.Equal((line, column), (span.StartLinePosition.Line, span.StartLinePosition.Character));
        Assert.StartsWith("https://", diagnostic.Descriptor.HelpLinkUri, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void EveryIdHasADocPageAndARelease(string id)
    {
        Assert.True(File.Exists(Path.Combine(TestPaths.RepositoryRoot, "docs", "diagnostics", id + ".md")), "docs/diagnostics/" + id + ".md is missing");
        Assert.Contains(id + " |", File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "generator", "AnalyzerReleases.Unshipped.md")), StringComparison.Ordinal);
        Assert.EndsWith("docs/diagnostics/" + id + ".md", DiagnosticDescriptors.ById(id).HelpLinkUri, StringComparison.Ordinal);
    }

    [Fact]
    public void Lag0001RuntimeMissing()
    {
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation(TargetProfile.Net10CSharp14, withHttpClientFactory: false, withRuntime: false, languageOverride: null, "namespace Consumer { }");
        GeneratorDriver driver = GeneratorHarness.CreateDriver(compilation, new[] { ("/specs/openapi.json", TestPaths.ReadSpec("credits.openapi.json")) });

        GeneratorRunResult result = GeneratorHarness.Run(driver, compilation).GetRunResult().Results.Single();

        Diagnostic diagnostic = Assert.Single(result.Diagnostics, d => d.Id == "LAG0001");
        AssertAt(diagnostic, DiagnosticSeverity.Error, "/specs/openapi.json", 0, 0);
        Assert.Empty(result.GeneratedSources);
    }

    [Fact]
    public void Lag0002LanguageVersionTooLow()
    {
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation(TargetProfile.Net8CSharp12, withHttpClientFactory: false, withRuntime: true, languageOverride: LanguageVersion.CSharp10, "namespace Consumer { }");
        GeneratorDriver driver = GeneratorHarness.CreateDriver(compilation, new[] { ("/specs/openapi.json", TestPaths.ReadSpec("credits.openapi.json")) });

        GeneratorRunResult result = GeneratorHarness.Run(driver, compilation).GetRunResult().Results.Single();

        AssertAt(Assert.Single(result.Diagnostics, d => d.Id == "LAG0002"), DiagnosticSeverity.Error, "/specs/openapi.json", 0, 0);
        Assert.Empty(result.GeneratedSources);
    }

    [Fact]
    public void Lag0003DuplicateClient()
    {
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation(TargetProfile.Net10CSharp14, "namespace Consumer { }");
        string spec = TestPaths.ReadSpec("credits.openapi.json");
        GeneratorDriver driver = GeneratorHarness.CreateDriver(compilation, new[] { ("/a/openapi.json", spec), ("/b/openapi.json", spec) });

        GeneratorRunResult result = GeneratorHarness.Run(driver, compilation).GetRunResult().Results.Single();

        Assert.Null(result.Exception);
        Diagnostic[] clashes = result.Diagnostics.Where(d => d.Id == "LAG0003").ToArray();
        Assert.Equal(new[] { "/a/openapi.json", "/b/openapi.json" }, clashes.Select(d => d.Location.GetLineSpan().Path).OrderBy(p => p, StringComparer.Ordinal));
        Assert.All(clashes, d => Assert.Equal(DiagnosticSeverity.Error, d.Severity));
        Assert.Empty(result.GeneratedSources);
    }

    [Fact]
    public void Lag1001Unreadable() => AssertAt(Single(GeneratorHarness.Generate("/specs/openapi.json", "\n"), "LAG1001"), DiagnosticSeverity.Error, "/specs/openapi.json", 0, 0);

    [Fact]
    public void Lag1002ReaderProblemPointsAtTheNode()
    {
        string yaml = "openapi: 3.1.0\ninfo:\n  title: T\n  version: '1'\npaths:\n  /x:\n    get:\n      responses:\n        '200':\n          description: ok\n          bogus: 1\n";

        Diagnostic diagnostic = Single(GeneratorHarness.Generate("/specs/openapi.yaml", yaml), "LAG1002");

        // The reader names the response object (#/paths/~1x/get/responses/200), at its key on line 9.
        AssertAt(diagnostic, DiagnosticSeverity.Warning, "/specs/openapi.yaml", 8, 8);
    }

    [Fact]
    public void Lag1003Swagger2() => AssertAt(Single(GeneratorHarness.Generate("/specs/openapi.yaml", "# legacy\nswagger: '2.0'\ninfo: {title: T, version: '1'}\npaths: {}\n"), "LAG1003"), DiagnosticSeverity.Error, "/specs/openapi.yaml", 1, 0);

    [Fact]
    public void Lag1004UnresolvedReferenceInJson()
    {
        string spec = Json31 + "      \"A\": {\n        \"type\": \"object\",\n        \"properties\": {\n          \"b\": { \"$ref\": \"#/components/schemas/Nope\" }\n        }\n      }\n    }\n  }\n}\n";

        AssertAt(Single(GeneratorHarness.Generate("/specs/openapi.json", spec), "LAG1004"), DiagnosticSeverity.Warning, "/specs/openapi.json", 9, 10);
    }

    [Fact]
    public void Lag1004UnresolvedReferenceInYaml()
    {
        string yaml = "openapi: 3.1.0\ninfo: {title: T, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n    A:\n      type: object\n      properties:\n        b:\n          $ref: '#/components/schemas/Nope'\n";

        Diagnostic diagnostic = Assert.Single(GeneratorHarness.Generate("/specs/openapi.yaml", yaml).GeneratorDiagnostics, d => d.Id == "LAG1004");

        AssertAt(diagnostic, DiagnosticSeverity.Warning, "/specs/openapi.yaml", 8, 8);
    }

    [Fact]
    public void Lag1005InvalidPatternInYaml()
    {
        string yaml = "openapi: 3.1.0\ninfo: {title: T, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n    Code:\n      type: string\n      pattern: '([a-z'\n";

        AssertAt(Single(GeneratorHarness.Generate("/specs/openapi.yaml", yaml), "LAG1005"), DiagnosticSeverity.Warning, "/specs/openapi.yaml", 7, 6);
    }

    [Fact]
    public void Lag1006LastResortCatchNamesTheSpec()
    {
        SpecReader.FaultForTests = input =>
        {
            if (input.Path == "/specs/fault.openapi.json")
            {
                throw new InvalidOperationException("injected");
            }
        };
        try
        {
            GenerationResult result = GeneratorHarness.Generate("/specs/fault.openapi.json", TestPaths.ReadSpec("credits.openapi.json"));

            Diagnostic diagnostic = Single(result, "LAG1006");
            AssertAt(diagnostic, DiagnosticSeverity.Error, "/specs/fault.openapi.json", 0, 0);
            Assert.Contains("injected", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        }
        finally
        {
            SpecReader.FaultForTests = null;
        }
    }

    [Fact]
    public void Lag2001AliasCycle()
    {
        string spec = Json31 + "      \"A\": { \"$ref\": \"#/components/schemas/B\" },\n      \"B\": { \"$ref\": \"#/components/schemas/A\" }\n    }\n  }\n}\n";

        Diagnostic diagnostic = Assert.Single(GeneratorHarness.Generate("/specs/openapi.json", spec).GeneratorDiagnostics, d => d.Id == "LAG2001");

        AssertAt(diagnostic, DiagnosticSeverity.Warning, "/specs/openapi.json", 6, 6);
    }

    [Fact]
    public void Lag2002IsNoLongerReportedForWebhooks()
    {
        GenerationResult result = GeneratorHarness.Generate("/specs/openapi.yaml", File.ReadAllText(TestPaths.Spec("public/oai-webhook-example.yaml")));

        Assert.Empty(result.GeneratorExceptions);
        Assert.DoesNotContain(result.GeneratorDiagnostics, d => d.Id == "LAG2002");
        Assert.Contains(result.Sources, s => s.HintName.EndsWith(".WebhookExampleWebhooks.g.cs", StringComparison.Ordinal));
        Assert.Empty(result.CompilationProblems);
    }

    [Fact]
    public void Lag2002CallbacksAreSkippedButTheOperationIsGenerated()
    {
        GenerationResult result = GeneratorHarness.Generate("/specs/openapi.yaml", File.ReadAllText(TestPaths.Spec("public/oai-callback-example.yaml")));

        Diagnostic diagnostic = Single(result, "LAG2002");
        Assert.Equal(DiagnosticSeverity.Info, diagnostic.Severity);
        Assert.Contains("callbacks", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Contains(result.Sources, s => s.HintName.EndsWith("Async.g.cs", StringComparison.Ordinal));
        Assert.Empty(result.CompilationProblems);
    }

    [Fact]
    public void Lag2003KeywordNotEnforced()
    {
        string spec = Json31 + "      \"A\": {\n        \"type\": \"object\",\n        \"properties\": { \"x\": { \"type\": \"string\" } },\n        \"patternProperties\": { \"^s_\": { \"type\": \"string\" } }\n      }\n    }\n  }\n}\n";

        AssertAt(Single(GeneratorHarness.Generate("/specs/openapi.json", spec), "LAG2003"), DiagnosticSeverity.Info, "/specs/openapi.json", 9, 8);
    }
}
