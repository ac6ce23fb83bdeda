// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.Linq;
using System.Text;
using LiveAvatarGen.Generator.Parsing;
using LiveAvatarGen.Tests.Harness;
using Microsoft.CodeAnalysis;
using Xunit;

namespace LiveAvatarGen.Tests.WireTruth;

/// <summary>
/// Valid YAML 1.2 the YAML reader refuses must still load, and a document the reader gives up on must be reported
/// with the reader's reason and place, not as "not an OpenAPI 3.x document" (issue 9, classes 8 and 13).
/// </summary>
public sealed class ReaderTruthTests
{
    private const string ColonScalars = """
        openapi: 3.0.3
        info: {title: Tags, version: "1"}
        paths:
          /items:
            get:
              operationId: listItems
              parameters:
                - {name: tag, in: query, schema: {type: string}, example: team:core}
              responses:
                "200":
                  description: |
                    Items. This block scalar holds [a:b] and {c:d}, which are text.
                  content:
                    application/json:
                      schema:
                        type: array
                        items: {$ref: "#/components/schemas/Item"}
                      example: [{tags: [this:tag, that:tag], link: {href: http://example.test/a}}]
        components:
          schemas:
            Item:
              type: object
              description: 'quoted [x:y] stays'
              properties:
                tags: {type: array, items: {type: string}, example: [this:tag, that:tag]}
                link: {type: object, properties: {href: {type: string}}, example: {href: http://example.test/b}}
        """;

    [Fact]
    public void FlowScalarsWithColonsLoadAndGenerate()
    {
        GenerationResult result = GeneratorHarness.Generate("/specs/tags.openapi.yaml", ColonScalars);

        Assert.Empty(result.GeneratorExceptions);
        Assert.DoesNotContain(result.GeneratorDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Contains(result.Sources, s => s.HintName.EndsWith(".Item.g.cs", StringComparison.Ordinal));
        Assert.Contains(result.Sources, s => s.SourceText.ToString().Contains("ListItemsAsync", StringComparison.Ordinal));
        Assert.Empty(result.CompilationProblems.Select(d => d.ToString()));
    }

    [Fact]
    public void OnlyPlainFlowScalarsWithColonsAreQuotedAndLinesStay()
    {
        string text = "a: [this:tag, 'q:x', \"d:y\", plain, b: c]\nb: |\n  [x:y]\nc: text [x:y]\nd: {url: http://x/y, n: 1} # note: [p:q]\n";

        string? quoted = YamlFlowScalars.QuoteColonScalars(text);

        Assert.Equal("a: [\"this:tag\", 'q:x', \"d:y\", plain, b: c]\nb: |\n  [x:y]\nc: text [x:y]\nd: {url: \"http://x/y\", n: 1} # note: [p:q]\n", quoted);
        Assert.Null(YamlFlowScalars.QuoteColonScalars("a: [x, y]\nb: {c: d}\n"));
    }

    [Fact]
    public void ADocumentDeeperThanTheReaderAllowsSaysSoAndWhere()
    {
        StringBuilder schema = new("{\"type\":\"string\"}");
        for (int i = 0; i < 80; i++)
        {
            schema.Insert(0, "{\"type\":\"object\",\"properties\":{\"x\":").Append("}}");
        }

        string spec = "{\"openapi\":\"3.1.0\",\"info\":{\"title\":\"T\",\"version\":\"1\"},\"paths\":{},\"components\":{\"schemas\":{\"Deep\":" + schema + "}}}";

        Diagnostic error = Assert.Single(GeneratorHarness.Generate("/specs/openapi.json", spec).GeneratorDiagnostics, d => d.Severity == DiagnosticSeverity.Error);

        Assert.Equal("LAG1001", error.Id);
        Assert.Contains("depth of 64", error.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.DoesNotContain("not an OpenAPI", error.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.True(error.Location.GetLineSpan().StartLinePosition.Character > 1000, "the column the reader stopped at, not the file start");
    }

    [Fact]
    public void AYamlAliasBombSaysSoAndWhere()
    {
        StringBuilder yaml = new("openapi: 3.1.0\ninfo: {title: T, version: '1'}\npaths: {}\nx-bomb:\n  a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int i = 1; i < 12; i++)
        {
            yaml.Append("  a").Append(i).Append(": &a").Append(i).Append(" [").Append(string.Join(", ", Enumerable.Repeat("*a" + (i - 1), 9))).Append("]\n");
        }

        Diagnostic error = Assert.Single(GeneratorHarness.Generate("/specs/openapi.yaml", yaml.ToString()).GeneratorDiagnostics, d => d.Severity == DiagnosticSeverity.Error);

        Assert.Equal("LAG1001", error.Id);
        Assert.Contains("alias", error.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("not an OpenAPI", error.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public void AYamlSyntaxErrorPointsAtItsLine()
    {
        string yaml = "openapi: 3.1.0\ninfo: {title: T, version: '1'}\npaths:\n  /a: {get: {responses: {'200': {description: ok}}}\n  bad: [unclosed\n";

        Diagnostic error = Assert.Single(GeneratorHarness.Generate("/specs/openapi.yaml", yaml).GeneratorDiagnostics, d => d.Severity == DiagnosticSeverity.Error);

        Assert.Equal("LAG1001", error.Id);
        Assert.DoesNotContain("not an OpenAPI", error.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.True(error.Location.GetLineSpan().StartLinePosition.Line >= 3, "located at the broken line, not the file start: " + error.Location.GetLineSpan());
    }
}
