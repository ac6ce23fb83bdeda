// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.Linq;
using LiveAvatarGen.Generator.Naming;
using LiveAvatarGen.Tests.Harness;
using Microsoft.CodeAnalysis;
using Xunit;

namespace LiveAvatarGen.Tests.Generation;

/// <summary>Any spec name becomes a valid, deterministic, collision-free identifier; wire names stay exact.</summary>
public sealed class NamingTests
{
    private const string HostileSpec = """
        {
          "openapi": "3.1.0",
          "info": { "title": "class", "version": "1" },
          "paths": {
            "/things/{class}": {
              "get": {
                "operationId": "getThing",
                "parameters": [
                  { "name": "class", "in": "path", "required": true, "schema": { "type": "string" } },
                  { "name": "cancellationToken", "in": "query", "schema": { "type": "string" } },
                  { "name": "request", "in": "query", "schema": { "type": "string" } },
                  { "name": "foo_bar", "in": "query", "schema": { "type": "string" } },
                  { "name": "fooBar", "in": "query", "schema": { "type": "string" } },
                  { "name": "$filter", "in": "query", "schema": { "type": "string" } },
                  { "name": "@odata.count", "in": "header", "schema": { "type": "string" } }
                ],
                "responses": { "200": { "description": "ok", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/System" } } } } }
              }
            },
            "/dup": {
              "get": { "operationId": "getThing", "responses": { "204": { "description": "again" } } },
              "post": { "operationId": "get-thing", "responses": { "204": { "description": "and again" } } }
            }
          },
          "components": {
            "schemas": {
              "System": {
                "type": "object",
                "properties": {
                  "foo_bar": { "type": "string" },
                  "fooBar": { "type": "string" },
                  "FooBar": { "type": "string" },
                  "123abc": { "type": "string" },
                  "class": { "type": "string" },
                  "System": { "type": "string" },
                  "$ref": { "type": "string" },
                  "@type": { "type": "string" },
                  "a.b": { "type": "string" },
                  "größe": { "type": "string" },
                  "名前": { "type": "string" },
                  "ReadJson": { "type": "string" },
                  "": { "type": "string" },
                  "EXTREMELY_LONG_NAME_EXTREMELY_LONG_NAME_EXTREMELY_LONG_NAME_EXTREMELY_LONG_NAME_EXTREMELY_LONG_NAME_EXTREMELY_LONG_NAME_EXTREMELY_LONG_NAME_EXTREMELY_LONG_NAME_EXTREMELY_LONG_NAME_EXTREMELY_LONG_NAME_EXTREMELY_LONG_NAME_EXTREMELY_LONG_NAME_EXTREMELY_LONG_NAME_EXTREMELY_LONG_NAME_EXTREMELY_LONG_NAME_EXTREMELY_LONG_NAME_EXTREMELY_LONG_NAME_EXTREMELY_LONG_NAME": { "type": "string" }
                }
              },
              "system": { "type": "object", "properties": { "x": { "type": "integer" } } },
              "Client": { "type": "object", "properties": { "x": { "type": "integer" } } },
              "CancellationToken": { "type": "object", "properties": { "x": { "type": "integer" } } },
              "1st": { "type": "string", "enum": ["a", "A", "a-", "1", "", "class"] }
            }
          }
        }
        """;

    [Fact]
    public void HostileNamesCompileCleanAndKeepWireNames()
    {
        GenerationResult result = GeneratorHarness.Generate("/specs/openapi.json", HostileSpec);

        Assert.Empty(result.GeneratorExceptions);
        Assert.True(result.CompilationProblems.Count == 0, string.Join("\n", result.CompilationProblems));
        string model = result.Sources.Single(s => s.HintName.EndsWith(".System.g.cs", System.StringComparison.Ordinal)).SourceText.ToString();
        // The reader and the writer find and write each member by its wire name in the type's name table.
        string table = model.Split('\n').Single(l => l.Contains("s_jsonNames = new(", System.StringComparison.Ordinal));
        foreach (string wire in new[] { "foo_bar", "fooBar", "FooBar", "123abc", "class", "System", "$ref", "@type", "a.b", "größe", "名前", "ReadJson" })
        {
            Assert.Contains("\"" + wire + "\"", table, System.StringComparison.Ordinal);
        }

        INamedTypeSymbol client = result.Output.GetTypeByMetadataName("Test.Api.ClassClient")!;
        // Each operation's companion (...WithResponseAsync) is left out here: OperationNamingTests covers its names.
        string[] methods = client.GetMembers().OfType<IMethodSymbol>().Where(m => m.Name.EndsWith("Async", System.StringComparison.Ordinal) && !m.Name.EndsWith("WithResponseAsync", System.StringComparison.Ordinal)).Select(m => m.Name).OrderBy(n => n, System.StringComparer.Ordinal).ToArray();
        Assert.Equal(new[] { "GetThing2Async", "GetThing3Async", "GetThingAsync" }, methods);
        Assert.All(result.Output.SyntaxTrees.SelectMany(t => t.GetRoot().DescendantTokens()).Where(t => t.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.IdentifierToken)), t => Assert.True(t.ValueText.Length <= 128, t.ValueText));
    }

    [Fact]
    public void HostileSpecGivesTheSameOutputOnEveryRun()
    {
        GenerationResult first = GeneratorHarness.Generate("/specs/openapi.json", HostileSpec);
        GenerationResult second = GeneratorHarness.Generate("/specs/openapi.json", HostileSpec);

        Assert.Equal(first.Sources.Select(s => s.SourceText.ToString()), second.Sources.Select(s => s.SourceText.ToString()));
    }

    [Theory]
    [InlineData("foo_bar", "FooBar")]
    [InlineData("fooBar", "FooBar")]
    [InlineData("HTTPValidationError", "HTTPValidationError")]
    [InlineData("123abc", "_123abc")]
    [InlineData("$filter", "Filter")]
    [InlineData("@odata.count", "OdataCount")]
    [InlineData("größe", "Größe")]
    [InlineData("", "Value")]
    [InlineData("!!!", "Value")]
    [InlineData("Sid", "Sid")]
    [InlineData("_sid", "Sid")]
    [InlineData("x", "X")]
    public void PascalCase(string raw, string expected)
    {
        Assert.Equal(expected, Identifiers.ToPascalCase(raw));
    }

    [Fact]
    public void PascalCaseKeepsANameThatNeedsNoChangeAndBuildsLongAndShortNamesAlike()
    {
        // Built in one reused buffer: a long name grows it, a shorter one after it must not see its tail.
        string longName = string.Concat(Enumerable.Repeat("segment_", 40));
        string pascal = Identifiers.ToPascalCase(longName);
        Assert.Equal(120, pascal.Length);
        Assert.StartsWith("SegmentSegment", pascal, StringComparison.Ordinal);
        Assert.Equal("AB", Identifiers.ToPascalCase("a_b"));

        string already = "AlreadyPascal";
        Assert.Same(already, Identifiers.ToPascalCase(already));
    }

    [Theory]
    [InlineData("class", "@class")]
    [InlineData("la_session", "laSession")]
    [InlineData("HTTPError", "httpError")]
    [InlineData("X-API-KEY", "xapikey")]
    [InlineData("ID", "id")]
    public void CamelCase(string raw, string expected)
    {
        Assert.Equal(expected, Identifiers.ToCamelCase(raw));
    }
}
