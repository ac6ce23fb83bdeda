// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System.Linq;
using LiveAvatarGen.Tests.Harness;
using Microsoft.CodeAnalysis;
using Xunit;

namespace LiveAvatarGen.Tests.Diagnostics;

/// <summary>Bad specs end in a located diagnostic, never an exception out of the generator.</summary>
public sealed class DiagnosticTests
{
    [Fact]
    public void EmptyFileIsLag1001()
    {
        GenerationResult result = GeneratorHarness.Generate("/specs/openapi.json", "   ");

        Diagnostic diagnostic = Assert.Single(result.GeneratorDiagnostics);
        Assert.Equal("LAG1001", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal("/specs/openapi.json", diagnostic.Location.GetLineSpan().Path);
        Assert.Empty(result.GeneratorExceptions);
    }

    [Fact]
    public void Swagger2IsDeclinedWithLag1003AndTheBuildGoesOn()
    {
        GenerationResult result = GeneratorHarness.Generate("/specs/openapi.json", "{\n  \"swagger\": \"2.0\",\n  \"info\": {\"title\": \"x\", \"version\": \"1\"},\n  \"paths\": {}\n}");

        Diagnostic diagnostic = Assert.Single(result.GeneratorDiagnostics);
        Assert.Equal("LAG1003", diagnostic.Id);
        Assert.Contains("Swagger 2.0", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
        Assert.Equal(1, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Empty(result.Sources);
    }

    [Theory]
    [InlineData("{")]
    [InlineData("not: [valid")]
    [InlineData("[1, 2, 3]")]
    [InlineData("\"just a string\"")]
    public void MalformedDocumentsGiveDiagnosticsNotExceptions(string text)
    {
        GenerationResult result = GeneratorHarness.Generate("/specs/openapi.json", text);

        Assert.Empty(result.GeneratorExceptions);
        Assert.Contains(result.GeneratorDiagnostics, d => d.Severity == DiagnosticSeverity.Error || d.Severity == DiagnosticSeverity.Warning);
        Assert.Empty(result.CompilationProblems);
    }

    [Fact]
    public void InvalidPatternIsLag1005AtThePatternsLine()
    {
        string spec = """
            {
              "openapi": "3.1.0",
              "info": { "title": "T", "version": "1" },
              "paths": {},
              "components": {
                "schemas": {
                  "Thing": {
                    "type": "object",
                    "properties": {
                      "code": { "type": "string", "pattern": "([a-z" }
                    }
                  }
                }
              }
            }
            """;

        GenerationResult result = GeneratorHarness.Generate("/specs/openapi.json", spec);

        Diagnostic diagnostic = Assert.Single(result.GeneratorDiagnostics, d => d.Id == "LAG1005");
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Equal(9, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Empty(result.CompilationProblems);
    }

    [Fact]
    public void UnresolvedReferenceIsLag1004AndTypedAsJsonElement()
    {
        string spec = """
            openapi: 3.0.3
            info:
              title: T
              version: "1"
            paths: {}
            components:
              schemas:
                Thing:
                  type: object
                  properties:
                    other:
                      $ref: '#/components/schemas/Missing'
            """;

        GenerationResult result = GeneratorHarness.Generate("/specs/openapi.yaml", spec);

        Assert.Contains(result.GeneratorDiagnostics, d => d.Id is "LAG1004" or "LAG1002");
        Assert.Empty(result.GeneratorExceptions);
        Assert.Empty(result.CompilationProblems);
        Assert.Contains(result.Sources, s => s.HintName.EndsWith(".Thing.g.cs", System.StringComparison.Ordinal));
    }

    [Fact]
    public void RecursiveSchemasGenerateAndCompile()
    {
        string spec = """
            openapi: 3.1.0
            info: { title: Tree, version: "1" }
            paths: {}
            components:
              schemas:
                Node:
                  type: object
                  properties:
                    children: { type: array, items: { $ref: '#/components/schemas/Node' } }
                    partner: { $ref: '#/components/schemas/Other' }
                Other:
                  type: object
                  properties:
                    back: { anyOf: [ { $ref: '#/components/schemas/Node' }, { type: 'null' } ] }
                A: { $ref: '#/components/schemas/B' }
                B: { $ref: '#/components/schemas/A' }
            """;

        GenerationResult result = GeneratorHarness.Generate("/specs/tree.openapi.yaml", spec);

        Assert.Empty(result.GeneratorExceptions);
        Assert.Empty(result.CompilationProblems);
        Assert.True(result.Sources.Any(s => s.HintName.EndsWith(".Node.g.cs", System.StringComparison.Ordinal)), string.Join("\n", result.GeneratorDiagnostics.Select(d => d.ToString()).Concat(result.Sources.Select(s => s.HintName))));
    }

    [Fact]
    public void APathParameterMissingFromItsPathIsReportedOnceAtItsDefinition()
    {
        // The path-level parameter is shared by two operations and reported once; the operation's own one once too.
        string spec = """
            {
              "openapi": "3.1.0",
              "info": { "title": "T", "version": "1" },
              "paths": {
                "/things/{id}": {
                  "parameters": [
                    { "name": "shelf", "in": "path", "required": true, "schema": { "type": "string" } }
                  ],
                  "get": {
                    "operationId": "getThing",
                    "parameters": [
                      { "name": "id", "in": "path", "required": true, "schema": { "type": "string" } },
                      { "name": "bin", "in": "path", "required": true, "schema": { "type": "string" } }
                    ],
                    "responses": { "204": { "description": "done" } }
                  },
                  "delete": {
                    "operationId": "deleteThing",
                    "parameters": [ { "name": "id", "in": "path", "required": true, "schema": { "type": "string" } } ],
                    "responses": { "204": { "description": "done" } }
                  }
                }
              }
            }
            """;

        GenerationResult result = GeneratorHarness.Generate("/specs/openapi.json", spec);

        System.Collections.Generic.List<Diagnostic> reported = result.GeneratorDiagnostics.Where(d => d.Id == "LAG1002").ToList();
        Assert.Equal(
            new[] { "#/paths/~1things~1{id}/get/parameters/1: the path parameter \"bin\" is not in the path /things/{id}; its value is not sent", "#/paths/~1things~1{id}/parameters/0: the path parameter \"shelf\" is not in the path /things/{id}; its value is not sent" },
            reported.Select(d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)).OrderBy(m => m, System.StringComparer.Ordinal));
        Assert.Equal(new[] { 12, 6 }, reported.Select(d => d.Location.GetLineSpan().StartLinePosition.Line).OrderByDescending(l => l));
        Assert.Empty(result.CompilationProblems);
    }
}
