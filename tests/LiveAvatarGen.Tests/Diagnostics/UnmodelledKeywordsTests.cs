// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.Globalization;
using System.Linq;
using LiveAvatarGen.Tests.Harness;
using Microsoft.CodeAnalysis;
using Xunit;

namespace LiveAvatarGen.Tests.Diagnostics;

/// <summary>
/// JSON Schema keywords the reader drops without a word (<c>if</c>/<c>then</c>/<c>else</c>, <c>dependentSchemas</c>,
/// <c>propertyNames</c>) or keeps unrecognized (<c>prefixItems</c>) are reported as LAG2003 at their place, so a
/// user knows the generated type does not apply them. The construct added through the recipe in docs/architecture.md.
/// </summary>
public sealed class UnmodelledKeywordsTests
{
    private const string Yaml = """
        openapi: 3.1.0
        info: {title: Conditions, version: "1"}
        paths: {}
        components:
          schemas:
            Shipment:
              type: object
              properties:
                kind: {type: string}
                pair:
                  type: array
                  items: {type: string}
                  prefixItems: [{type: string}, {type: integer}]
              if:
                properties: {kind: {const: parcel}}
              then:
                required: [pair]
              else:
                required: [kind]
              propertyNames: {maxLength: 8}
        """;

    [Fact]
    public void EachUnmodelledKeywordIsReportedAtItsLineInYaml()
    {
        GenerationResult result = GeneratorHarness.Generate("/specs/conditions.openapi.yaml", Yaml);

        Diagnostic[] reported = result.GeneratorDiagnostics.Where(d => d.Id == "LAG2003").OrderBy(d => d.Location.GetLineSpan().StartLinePosition.Line).ToArray();
        Assert.Equal(new[] { "prefixItems", "if", "propertyNames" }, reported.Select(d => Keyword(d)).ToArray());
        Assert.Equal(new[] { 12, 13, 19 }, reported.Select(d => d.Location.GetLineSpan().StartLinePosition.Line).ToArray());
        Assert.All(reported, d => Assert.Equal(DiagnosticSeverity.Info, d.Severity));
        Assert.Empty(result.CompilationProblems.Select(d => d.ToString()));
    }

    [Fact]
    public void JsonSpecsAreLocatedToo()
    {
        string json = "{\"openapi\":\"3.1.0\",\"info\":{\"title\":\"T\",\"version\":\"1\"},\"paths\":{},\"components\":{\"schemas\":{\"A\":{\"type\":\"object\",\"properties\":{\"x\":{\"type\":\"string\"}},\n\"dependentSchemas\":{\"x\":{\"required\":[\"y\"]}}}}}}";

        Diagnostic reported = Assert.Single(GeneratorHarness.Generate("/specs/openapi.json", json).GeneratorDiagnostics, d => d.Id == "LAG2003");

        Assert.Equal("dependentSchemas", Keyword(reported));
        Assert.Equal(1, reported.Location.GetLineSpan().StartLinePosition.Line);
    }

    [Fact]
    public void AMemberNamedLikeAKeywordIsNotAKeyword()
    {
        const string yaml = """
            openapi: 3.1.0
            info: {title: Names, version: "1"}
            paths: {}
            components:
              schemas:
                Words:
                  type: object
                  properties:
                    if: {type: string}
                    propertyNames: {type: string}
                    pair:
                      type: array
                      items: {type: string}
                      prefixItems: [{type: string}]
            """;

        GenerationResult result = GeneratorHarness.Generate("/specs/conditions.openapi.yaml", yaml);

        Assert.Equal(new[] { "prefixItems" }, result.GeneratorDiagnostics.Where(d => d.Id == "LAG2003").Select(Keyword).ToArray());
    }

    [Theory]
    [InlineData("a: 1\nif:\n  x: 1\n", true)]
    [InlineData("a: {if: {x: 1}}\n", true)]
    [InlineData("a: {b: 1, if: {x: 1}}\n", true)]
    [InlineData("allOf:\n  - if: {x: 1}\n", true)]
    [InlineData("a:\n  'if' : {x: 1}\n", true)]
    [InlineData("{\"a\":{\"if\" : {}}}", true)]
    [InlineData("description: Send it if: the list contains: two items\n", false)]
    [InlineData("{\"description\":\"send it if: ready, \\\"if\\\": no\"}", false)]
    [InlineData("notif: 1\nifx: 2\n", false)]
    [InlineData(":x\nif: 1\n", true)]
    [InlineData("if", false)]
    [InlineData("", false)]
    public void OnlyAnOccurrenceWhereAKeyCanStandMakesTheIndexWorthBuilding(string text, bool mayHave)
    {
        // The pre-check decides whether a spec's whole text is indexed; prose in descriptions must not trigger it,
        // and a real key must never be missed, in any YAML or JSON spelling.
        Assert.Equal(mayHave, new LiveAvatarGen.Generator.Parsing.SpecLocator("/specs/x.yaml", text).MayHaveKey("if"));
    }

    private static string Keyword(Diagnostic diagnostic)
    {
        string message = diagnostic.GetMessage(CultureInfo.InvariantCulture);
        int start = message.IndexOf('\'', StringComparison.Ordinal) + 1;
        return message.Substring(start, message.IndexOf('\'', start) - start);
    }
}
