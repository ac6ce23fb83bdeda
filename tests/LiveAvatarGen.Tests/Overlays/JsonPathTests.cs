// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System.Linq;
using System.Text.Json.Nodes;
using LiveAvatarGen.Generator.Overlays;
using Xunit;

namespace LiveAvatarGen.Tests.Overlays;

/// <summary>The generator's own JSONPath evaluator (RFC 9535 subset), on a small OpenAPI-shaped document.</summary>
public sealed class JsonPathTests
{
    private const string Document = """
        {
          "paths": {
            "/pets": {
              "get": { "operationId": "listPets", "tags": ["pets"], "parameters": [ { "name": "limit", "in": "query" }, { "name": "x-trace", "in": "header" } ] },
              "post": { "operationId": "createPet", "tags": ["pets", "admin"], "deprecated": true }
            },
            "/pets/{id}": {
              "get": { "operationId": "getPet", "parameters": [ { "name": "id", "in": "path", "required": true } ] }
            }
          },
          "components": { "schemas": { "Pet": { "x-vendor-tag": "a", "properties": { "id": { "type": "integer" }, "name": { "type": "string" } } } } },
          "list": [10, 20, 30, 40, 50],
          "weird": { "a'b": 1, "a\"b": 2, "sp ace": 3, "n": null, "one": 1.0 }
        }
        """;

    private static readonly JsonNode s_root = JsonNode.Parse(Document)!;

    private static string[] Select(string query) => JsonPath.Parse(query).Select(s_root).Select(m => m.Node?.ToJsonString() ?? "null").ToArray();

    [Theory]
    [InlineData("$.paths['/pets'].get.operationId", "\"listPets\"")]
    [InlineData("$.paths[\"/pets\"].post.operationId", "\"createPet\"")]
    [InlineData("$['paths']['/pets/{id}']['get']['operationId']", "\"getPet\"")]
    [InlineData("$.components.schemas.Pet.x-vendor-tag", "\"a\"")]
    [InlineData("$.weird['a\\'b']", "1")]
    [InlineData("$.weird[\"a\\\"b\"]", "2")]
    [InlineData("$.weird['sp ace']", "3")]
    [InlineData("$.weird['\\u0073p ace']", "3")]
    [InlineData("$.weird.n", "null")]
    [InlineData("$.list[0]", "10")]
    [InlineData("$.list[-1]", "50")]
    [InlineData("$ .list[ 1 ]", "20")]
    public void NamesIndexesAndEscapesSelectOneNode(string query, string expected)
    {
        Assert.Equal(new[] { expected }, Select(query));
    }

    [Theory]
    [InlineData("$.list[1:3]", "20,30")]
    [InlineData("$.list[::2]", "10,30,50")]
    [InlineData("$.list[-2:]", "40,50")]
    [InlineData("$.list[::-1]", "50,40,30,20,10")]
    [InlineData("$.list[0,4]", "10,50")]
    [InlineData("$.list[*]", "10,20,30,40,50")]
    [InlineData("$.list[9]", "")]
    [InlineData("$.nothing.here", "")]
    [InlineData("$.paths.*.get.operationId", "\"listPets\",\"getPet\"")]
    [InlineData("$.paths['/pets'][*].operationId", "\"listPets\",\"createPet\"")]
    [InlineData("$..operationId", "\"listPets\",\"createPet\",\"getPet\"")]
    [InlineData("$..parameters[*].name", "\"limit\",\"x-trace\",\"id\"")]
    [InlineData("$..['operationId','deprecated']", "\"listPets\",\"createPet\",true,\"getPet\"")]
    public void WildcardsSlicesUnionsAndDescentSelectInDocumentOrder(string query, string expected)
    {
        Assert.Equal(expected, string.Join(",", Select(query)));
    }

    [Theory]
    [InlineData("$..parameters[?@.in == 'header'].name", "\"x-trace\"")]
    [InlineData("$..parameters[?(@.in == \"path\")].name", "\"id\"")]
    [InlineData("$..parameters[?@.required].name", "\"id\"")]
    [InlineData("$..parameters[?!@.required].name", "\"limit\",\"x-trace\"")]
    [InlineData("$..parameters[?@.in != 'query' && @.in != 'path'].name", "\"x-trace\"")]
    [InlineData("$..parameters[?@.in == 'path' || @.name == 'limit'].name", "\"limit\",\"id\"")]
    [InlineData("$.paths['/pets'][?@.deprecated == true].operationId", "\"createPet\"")]
    [InlineData("$.paths['/pets'][?@.tags[1] == 'admin'].operationId", "\"createPet\"")]
    [InlineData("$.paths.*[?@.operationId == 'getPet'].operationId", "\"getPet\"")]
    [InlineData("$.list[?@ > 20 && @ <= 40]", "30,40")]
    [InlineData("$.weird[?@ == 1]", "1,1.0")]
    [InlineData("$.weird[?@ == null]", "null")]
    [InlineData("$.list[?@ < 'z']", "")]
    [InlineData("$.list[?$.weird.one == 1]", "10,20,30,40,50")]
    [InlineData("$.paths.*.*.parameters[?@.missing == @.alsoMissing].name", "\"limit\",\"x-trace\",\"id\"")]
    public void FiltersTestExistenceAndCompareLikeRfc9535(string query, string expected)
    {
        Assert.Equal(expected, string.Join(",", Select(query)));
    }

    [Theory]
    [InlineData("paths", 0)]
    [InlineData("$.", 2)]
    [InlineData("$.paths[", 8)]
    [InlineData("$.paths['/pets'", 15)]
    [InlineData("$.paths['unclosed]", 8)]
    [InlineData("$..parameters[?length(@.name) > 1]", 15)]
    [InlineData("$.list[?1]", 8)]
    [InlineData("$.list[1:2:x]", 11)]
    [InlineData("$.list]", 6)]
    public void AnythingElseIsRefusedWithItsPosition(string query, int position)
    {
        JsonPathException ex = Assert.Throws<JsonPathException>(() => JsonPath.Parse(query));

        Assert.Equal(position, ex.Position);
    }

    [Fact]
    public void MatchesCarryTheirParentAndNameOrIndexSoNullsCanBeRemoved()
    {
        JsonPathMatch nullMember = JsonPath.Parse("$.weird.n").Select(s_root).Single();
        JsonPathMatch item = JsonPath.Parse("$.list[-1]").Select(s_root).Single();

        Assert.Null(nullMember.Node);
        Assert.Same(s_root["weird"], nullMember.Parent);
        Assert.Equal("n", nullMember.Name);
        Assert.Equal(4, item.Index);
        Assert.True(JsonPath.Parse("$").Select(s_root).Single().IsRoot);
    }

    [Theory]
    [InlineData("$[?", "!", "@]")]
    [InlineData("$[?", "(", "@")]
    [InlineData("$", "[?@", "]")]
    public void DeeplyNestedQueriesAreRefusedNotOverflowed(string start, string repeated, string end)
    {
        string query = start + string.Concat(Enumerable.Repeat(repeated, 100000)) + end;

        JsonPathException ex = Assert.Throws<JsonPathException>(() => JsonPath.Parse(query));

        Assert.Contains("nests too deep", ex.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void DescentThroughAVeryDeepDocumentDoesNotOverflow()
    {
        JsonNode deep = JsonValue.Create(1)!;
        for (int i = 0; i < 20000; i++)
        {
            deep = new JsonArray(deep);
        }

        Assert.Single(JsonPath.Parse("$..[?@ == 1]").Select(deep));
    }
}
