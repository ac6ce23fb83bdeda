// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System.Collections.Generic;
using System.IO;
using System.Linq;
using LiveAvatarGen.Generator.Diagnostics;
using LiveAvatarGen.Generator.Parsing;
using LiveAvatarGen.Tests.Harness;
using Xunit;

namespace LiveAvatarGen.Tests.Diagnostics;

/// <summary>
/// A diagnostic's location comes from the pointer index. The first few lookups scan for their own path only; they
/// must find exactly what the index of the whole text finds, in JSON and in YAML.
/// </summary>
public sealed class PointerIndexTests
{
    public static IEnumerable<object[]> Specs() => new[]
    {
        new object[] { "public/spotify.yaml" },
        new object[] { "public/sendgrid-mail-v3.json" },
        new object[] { "public/oai-uspto.yaml" },
        new object[] { "constructs.openapi.yaml" },
        new object[] { "credits.openapi.json" },
    };

    [Theory]
    [MemberData(nameof(Specs))]
    public void AScanForOnePathFindsWhatTheWholeIndexFinds(string spec)
    {
        string text = File.ReadAllText(TestPaths.Spec(spec));
        Dictionary<string, int> whole = PointerIndex.Build(text);

        // Every 37th node (hundreds per spec), deep and shallow, keys and array items.
        foreach (KeyValuePair<string, int> node in whole.OrderBy(p => p.Key, System.StringComparer.Ordinal).Where((_, i) => i % 37 == 0))
        {
            Dictionary<string, int> path = PointerIndex.Build(text, node.Key);

            Assert.Equal(node.Value, path[node.Key]);
            Assert.All(path, entry => Assert.True(node.Key == entry.Key || node.Key.StartsWith(entry.Key + "/", System.StringComparison.Ordinal) || entry.Key.Length == 0, entry.Key));
            Assert.All(path, entry => Assert.Equal(whole[entry.Key], entry.Value));
        }
    }

    [Theory]
    [InlineData("large/adyen-management-v3.json")]
    [InlineData("public/spotify.yaml")]
    public void ALineCountedForOneLocationIsTheLineEveryLinesStartGives(string spec)
    {
        // A locator counts the lines before its first few locations; later ones look them up among every line's start.
        // Twelve nodes spread over the text (past a million characters on Adyen), each located both ways.
        string text = File.ReadAllText(TestPaths.Spec(spec));
        List<KeyValuePair<string, int>> nodes = PointerIndex.Build(text).OrderBy(p => p.Value).ToList();
        SpecLocator indexed = new("/spec", text);
        indexed.AtLine(0, 0);

        foreach (KeyValuePair<string, int> node in Enumerable.Range(0, 12).Select(i => nodes[(nodes.Count - 1) * i / 11]))
        {
            LocationInfo counted = new SpecLocator("/spec", text).Locate("#" + node.Key);

            Assert.Equal(indexed.Locate("#" + node.Key), counted);
            Assert.Equal(text.Substring(0, node.Value).Count(c => c == '\n'), counted.StartLine);
        }
    }

    [Fact]
    public void AScanForOnePathIsNotMisledByBracketsQuotesAndBackslashesInStrings()
    {
        // Strings holding brackets, escaped quotes and escaped backslashes must not end or open anything, before the
        // target or inside values off its path.
        const string json = "{\"a\":{\"x\":\"br}ack]et\\\"s {[\",\"y\":[1,{\"z\":\"\\\\\"},\"]\"]},\"b\":{\"c\":[10,{\"d\":\"e\"}],\"f\":{}}}";
        Dictionary<string, int> whole = PointerIndex.Build(json);

        foreach (string target in whole.Keys)
        {
            Dictionary<string, int> path = PointerIndex.Build(json, target);
            Assert.Equal(whole[target], path[target]);
        }

        Assert.Equal(json.IndexOf("\"d\"", System.StringComparison.Ordinal), PointerIndex.Build(json, "/b/c/1/d")["/b/c/1/d"]);
        Assert.Equal(json.IndexOf("\"f\"", System.StringComparison.Ordinal), PointerIndex.Build(json, "/b/f")["/b/f"]);
    }

    [Fact]
    public void APathTheTextLacksFindsItsAncestorsOnly()
    {
        const string json = "{\"components\":{\"schemas\":{\"A\":{\"description\":\"a \\\"quoted\\\" {text}\",\"type\":\"object\"},\"B\":{}}}}";

        Dictionary<string, int> path = PointerIndex.Build(json, "/components/schemas/A/properties/x");

        Assert.Equal(new[] { string.Empty, "/components", "/components/schemas", "/components/schemas/A" }, path.Keys.OrderBy(k => k, System.StringComparer.Ordinal));
        Assert.Equal(json.IndexOf("\"A\"", System.StringComparison.Ordinal), path["/components/schemas/A"]);
    }

    [Fact]
    public void ItemsInTheirKeysOwnColumnAreTheKeysItems()
    {
        // PyYAML writes a list under a key in the key's own column ("required:" then "- id"); its items, and what
        // follows the list, were put under the key's parent. Both ways of scanning must name them under the key.
        string yaml = string.Join("\n",
            "paths:",
            "  /pets:",
            "    get:",
            "      parameters:",
            "      - name: limit",
            "        in: query",
            "      - name: tags",
            "        schema:",
            "          enum:",
            "          - a",
            "          - b",
            "      responses:",
            "        '200':",
            "          description: ok",
            "components:",
            "  schemas:",
            "    Pet:",
            "      required:",
            "      - id",
            "      - name",
            "      properties:",
            "        id: {type: integer}",
            "      examples:",
            "      -",
            "        id: 1");
        Dictionary<string, int> whole = PointerIndex.Build(yaml);

        Assert.Equal(yaml.IndexOf("- name: limit", System.StringComparison.Ordinal), whole["/paths/~1pets/get/parameters/0"]);
        Assert.Equal(yaml.IndexOf("in: query", System.StringComparison.Ordinal), whole["/paths/~1pets/get/parameters/0/in"]);
        Assert.Equal(yaml.IndexOf("- name: tags", System.StringComparison.Ordinal), whole["/paths/~1pets/get/parameters/1"]);
        Assert.Equal(yaml.IndexOf("- b", System.StringComparison.Ordinal), whole["/paths/~1pets/get/parameters/1/schema/enum/1"]);
        Assert.Equal(yaml.IndexOf("responses", System.StringComparison.Ordinal), whole["/paths/~1pets/get/responses"]);
        Assert.Equal(yaml.IndexOf("description: ok", System.StringComparison.Ordinal), whole["/paths/~1pets/get/responses/200/description"]);
        Assert.Equal(yaml.IndexOf("- name\n", System.StringComparison.Ordinal), whole["/components/schemas/Pet/required/1"]);
        Assert.Equal(yaml.IndexOf("properties", System.StringComparison.Ordinal), whole["/components/schemas/Pet/properties"]);
        Assert.Equal(yaml.IndexOf("id: 1", System.StringComparison.Ordinal), whole["/components/schemas/Pet/examples/0/id"]);
        Assert.DoesNotContain("/paths/~1pets/get/0", whole.Keys);
        Assert.DoesNotContain("/components/schemas/Pet/0", whole.Keys);
        foreach (string target in whole.Keys)
        {
            Assert.Equal(whole[target], PointerIndex.Build(yaml, target)[target]);
        }
    }

    [Fact]
    public void YamlKeysWithBracesOrAHashAreKeysAndFlowValuesAndCommentsStillEndTheScan()
    {
        // Every templated path of a YAML spec is such a key: before the fix, nothing under /things/{id} was indexed and
        // each diagnostic there pointed at "paths".
        string yaml = string.Join("\n",
            "paths:",
            "  /things/{id}:",
            "    get:",
            "      parameters:",
            "        - { name: id, in: path }",
            "        - name: q#1",
            "        - # note: not a key",
            "  /a#b: # a comment",
            "    x: [1, 2]",
            "components: {}");

        Dictionary<string, int> index = PointerIndex.Build(yaml);

        Assert.Equal(yaml.IndexOf("/things/{id}", System.StringComparison.Ordinal), index["/paths/~1things~1{id}"]);
        Assert.Equal(yaml.IndexOf("- { name", System.StringComparison.Ordinal), index["/paths/~1things~1{id}/get/parameters/0"]);
        Assert.Equal(yaml.IndexOf("name: q#1", System.StringComparison.Ordinal), index["/paths/~1things~1{id}/get/parameters/1/name"]);
        Assert.Equal(yaml.IndexOf("/a#b", System.StringComparison.Ordinal), index["/paths/~1a#b"]);
        Assert.Equal(yaml.IndexOf("x: [", System.StringComparison.Ordinal), index["/paths/~1a#b/x"]);
        Assert.DoesNotContain(index.Keys, k => k.Contains("{ name", System.StringComparison.Ordinal) || k.Contains("comment", System.StringComparison.Ordinal) || k.Contains("note", System.StringComparison.Ordinal));
    }

    [Fact]
    public void YamlAnchorsAreIndexedUnderTheirKeyAndFindingsInsideAnAliasPointAtIt()
    {
        // The reader copies an anchored node where each alias stands; the copy's nodes are not in the text, so a
        // finding inside one is located at the alias, its nearest written ancestor.
        string yaml = string.Join("\n",
            "components:",
            "  schemas:",
            "    Pets: &pets",
            "      type: array",
            "      items: &pet # the item",
            "        type: object",
            "    Again: *pets",
            "    List:",
            "      - *pet",
            "");

        Dictionary<string, int> index = PointerIndex.Build(yaml);
        SpecLocator locator = new("/specs/anchors.yaml", yaml);

        Assert.Equal(yaml.IndexOf("type: array", System.StringComparison.Ordinal), index["/components/schemas/Pets/type"]);
        Assert.Equal(yaml.IndexOf("type: object", System.StringComparison.Ordinal), index["/components/schemas/Pets/items/type"]);
        Assert.Equal(6, locator.Locate("#/components/schemas/Again/items/type").StartLine);
        Assert.Equal(8, locator.Locate("#/components/schemas/List/0/type").StartLine);
    }
}
