// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading;
using LiveAvatarGen.Generator.Configuration;
using LiveAvatarGen.Generator.Diagnostics;
using LiveAvatarGen.Generator.Model;
using LiveAvatarGen.Generator.Parsing;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using ReadResult = LiveAvatarGen.Generator.Model.ReadResult;
using Microsoft.OpenApi.YamlReader;
using Xunit;
using static LiveAvatarGen.Tests.Parsing.ParserHarness;

namespace LiveAvatarGen.Tests.Parsing;

/// <summary>
/// Named example maps (<c>examples</c> of a media type or a parameter) are taken out of the tree before
/// Microsoft.OpenApi reads it (<see cref="ExampleMaps"/>): its reader leaves one entry of its location stack behind for
/// each named example, so every location it gives after one is wrong, and each location costs as much as all the
/// examples read before it (quadratic: eight copies of Adyen's management API, 1,072 operations, allocated 641 MB
/// to read instead of 153 MB). The generator does not use examples.
/// </summary>
public sealed class ExampleMapTests
{
    private const string ExamplesThenABadSchema = """
        openapi: 3.1.0
        info: { title: Test API, version: '1' }
        paths:
          /a:
            get:
              operationId: getA
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema: { type: integer }
                      examples:
                        one: { value: 1 }
                        two: { value: 2 }
          /b:
            get:
              operationId: getB
              parameters:
                - name: q
                  in: query
                  schema: { type: string }
                  examples:
                    short: { value: x }
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema: oops
        """;

    [Fact]
    public void AReaderFindingAfterNamedExamplesIsLocatedAtItsOwnPlace()
    {
        ReadResult result = Read(ExamplesThenABadSchema);

        // "schema must be a map/object" (LAG1002, the reader's finding), at the schema on line 29. Read with the
        // examples, the reader put it at "#/paths/~1a/get/~1b/get/parameters/responses/200/...": line 4.
        DiagnosticInfo finding = Assert.Single(result.Diagnostics, d => d.Id == "LAG1002");
        Assert.Equal("#/paths/~1b/get/responses/200/content/application~1json/schema", finding.Arguments[0]);
        Assert.Equal(29, finding.Location!.StartLine);
        Assert.NotNull(result.Spec);
        Assert.Equal(new[] { "GetAAsync", "GetBAsync" }, result.Spec!.Client!.Operations.Select(o => o.MethodName).OrderBy(n => n, System.StringComparer.Ordinal));
    }

    [Fact]
    public void OnlyTheExampleMapsOfMediaTypesAndParametersAreRemoved()
    {
        JsonNode tree = JsonNode.Parse("""
            {
              "openapi": "3.1.0",
              "paths": {
                "/a": {
                  "parameters": [ { "name": "p", "in": "query", "examples": { "e": { "value": 1 } } } ],
                  "post": {
                    "parameters": [ { "$ref": "#/components/parameters/P" } ],
                    "requestBody": { "content": { "application/json": {
                      "schema": { "type": "object", "properties": { "examples": { "type": "object", "examples": [ { "a": 1 } ] } } },
                      "examples": { "e": { "value": {} } } } } },
                    "responses": { "200": { "description": "ok",
                      "headers": { "H": { "schema": { "type": "string" }, "examples": { "h": { "value": "x" } } } },
                      "content": { "text/plain": { "examples": { "e": { "value": "x" } }, "example": "kept" } } } },
                    "callbacks": { "cb": { "{$request.body#/url}": { "post": { "requestBody": { "content": { "application/json": { "examples": { "e": {} } } } }, "responses": {} } } } }
                  }
                }
              },
              "webhooks": { "w": { "post": { "parameters": [ { "name": "w", "in": "header", "examples": { "e": {} } } ], "responses": {} } } },
              "components": {
                "schemas": { "S": { "type": "object", "properties": { "content": { "type": "object", "properties": { "examples": { "type": "object" } } } } } },
                "parameters": { "P": { "name": "p", "in": "query", "content": { "application/json": { "examples": { "e": {} } } }, "examples": { "e": {} } } },
                "requestBodies": { "B": { "content": { "application/json": { "examples": { "e": {} } } } } },
                "responses": { "R": { "description": "r", "content": { "application/json": { "examples": { "e": {} } } } } },
                "pathItems": { "I": { "get": { "responses": { "default": { "description": "d", "content": { "application/json": { "examples": { "e": {} } } } } } } } },
                "examples": { "E": { "value": 1 } }
              }
            }
            """)!;

        ExampleMaps.Remove(tree);

        string text = tree.ToJsonString();
        // Ten maps gone: path-item, webhook and component parameters, a parameter's content, request and response
        // bodies, a callback's body, component bodies, responses and path items. Five keys of that name stay.
        Assert.Equal(5, CountOf(text, "\"examples\""));
        Assert.Contains("\"properties\":{\"examples\":{\"type\":\"object\",\"examples\":[{\"a\":1}]}}", text, System.StringComparison.Ordinal); // a schema property named examples, and a schema's own examples
        Assert.Contains("\"properties\":{\"examples\":{\"type\":\"object\"}}", text, System.StringComparison.Ordinal);
        Assert.Contains("\"examples\":{\"h\":{\"value\":\"x\"}}", text, System.StringComparison.Ordinal); // a header's: Microsoft.OpenApi reads those without the leak
        Assert.Contains("\"example\":\"kept\"", text, System.StringComparison.Ordinal);
        Assert.Contains("\"examples\":{\"E\":{\"value\":1}}", text, System.StringComparison.Ordinal); // components/examples: nothing refers to them now, nothing breaks
    }

    [Fact]
    public void TheMapperMakesTheSameModelFromADocumentThatKeepsItsExamples()
    {
        // The premise of taking them out: the mapper uses no examples. Microsoft.OpenApi's own parse keeps them; the
        // model mapped from that document must equal the one the generator reads without them.
        string text = ExamplesThenABadSchema.Replace("schema: oops", "schema: { type: string }", System.StringComparison.Ordinal);
        OpenApiReaderSettings settings = new();
        settings.AddYamlReader();
        OpenApiDocument document = OpenApiDocument.Parse(text, "yaml", settings).Document!;
        Assert.Equal(2, document.Paths["/a"].Operations![HttpMethod.Get].Responses!["200"].Content!["application/json"].Examples!.Count);

        ApiSpec withExamples = SpecReader.Build(new SpecInput(Path, text, Namespace, null, true), document, new SpecLocator(Path, text), new List<DiagnosticInfo>(), CancellationToken.None);

        Assert.Equal(ReadClean(text), withExamples);
    }

    [Fact]
    public void ReadingGrowsInProportionToTheSpec()
    {
        Read(Operations(5));
        long small = AllocatedReading(Operations(50));
        long large = AllocatedReading(Operations(400));

        // Eight times the operations, each with ten named examples and five schema references: eight times the
        // allocation (7.9x). With the examples left in, every reference copied the reader's ever-growing location
        // stack: 35.9x. Allocation on this thread, not time: the same on any machine.
        double ratio = (double)large / small;
        Assert.True(ratio < 12, "reading 8x the operations allocated " + ratio.ToString("F1", System.Globalization.CultureInfo.InvariantCulture) + "x as much");
    }

    private static long AllocatedReading(string spec)
    {
        long before = System.GC.GetAllocatedBytesForCurrentThread();
        ReadResult result = Read(spec);
        long allocated = System.GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.NotNull(result.Spec);
        return allocated;
    }

    /// <summary>A spec of <paramref name="count"/> operations, each answering with named examples and schema references.</summary>
    private static string Operations(int count)
    {
        System.Text.StringBuilder yaml = new("openapi: 3.1.0\ninfo: { title: Test API, version: '1' }\npaths:\n");
        for (int i = 0; i < count; i++)
        {
            yaml.Append("  /items").Append(i).Append(":\n    get:\n      operationId: getItem").Append(i).Append("\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema:\n                type: object\n                properties:\n");
            for (int r = 0; r < 5; r++)
            {
                yaml.Append("                  p").Append(r).Append(": { $ref: '#/components/schemas/Thing' }\n");
            }

            yaml.Append("              examples:\n");
            for (int e = 0; e < 10; e++)
            {
                yaml.Append("                an_example_with_a_long_name_").Append(e).Append(": { value: { p0: { id: x } } }\n");
            }
        }

        yaml.Append("components:\n  schemas:\n    Thing:\n      type: object\n      properties:\n        id: { type: string }\n");
        return yaml.ToString();
    }

    private static int CountOf(string text, string part)
    {
        int count = 0;
        for (int at = text.IndexOf(part, System.StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, System.StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
