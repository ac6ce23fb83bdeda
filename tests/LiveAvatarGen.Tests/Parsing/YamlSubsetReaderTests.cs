// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using LiveAvatarGen.Generator.Parsing;
using LiveAvatarGen.Tests.Harness;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using Microsoft.OpenApi.YamlReader;
using SharpYaml.Serialization;
using Xunit;

namespace LiveAvatarGen.Tests.Parsing;

/// <summary>
/// Our YAML reader against Microsoft.OpenApi's (SharpYaml and its <see cref="YamlConverter"/>): on every YAML spec we
/// hold, on every spec re-written as YAML by Microsoft.OpenApi's writer, and on each construct, the two trees are the
/// same JSON text, value kinds included; or ours gives null and the generator reads the text with theirs.
/// </summary>
public sealed class YamlSubsetReaderTests
{
    public static TheoryData<string> YamlSpecs() => new(TestPaths.SpecFiles(overlays: true, ".yaml", ".yml"));

    public static TheoryData<string> AllSpecs() => new(TestPaths.SpecFiles(overlays: false, ".yaml", ".json"));

    [Theory]
    [MemberData(nameof(YamlSpecs))]
    public void EveryYamlSpecReadsToTheSameTree(string spec)
    {
        string text = TestPaths.ReadSpec(spec);

        JsonNode? ours = YamlSubsetReader.Read(text);

        Assert.NotNull(ours);
        Assert.Equal(Reference(text), ours!.ToJsonString());
    }

    [Theory]
    [MemberData(nameof(AllSpecs))]
    public async Task EverySpecWrittenAsYamlReadsToTheSameTree(string spec)
    {
        string text = TestPaths.ReadSpec(spec);
        OpenApiReaderSettings settings = new();
        settings.AddYamlReader();
        OpenApiDocument? document;
        try
        {
            document = OpenApiDocument.Parse(text, spec.EndsWith(".json", StringComparison.Ordinal) ? "json" : "yaml", settings).Document;
        }
        catch (FormatException)
        {
            // The 3.0 reader throws on a 3.1 keyword (the generator then reads such a spec as 3.1): nothing to write.
            return;
        }

        Assert.NotNull(document);
        string yaml = await document!.SerializeAsYamlAsync(OpenApiSpecVersion.OpenApi3_1);

        JsonNode? ours = YamlSubsetReader.Read(yaml);

        // The writer's YAML (block scalars, quoted keys and values, empty flow collections) is all in the subset.
        Assert.NotNull(ours);
        Assert.Equal(Reference(yaml), ours!.ToJsonString());
    }

    [Theory]
    [InlineData("a: 1\nb: 1.50\nc: -2e3\nd: +4\ne: .5\nf: 0x1F\ng: 1_000\nh: 007\n")]
    [InlineData("a: true\nb: False\nc: TRUE\nd: yes\ne: no\nf: on\n")]
    [InlineData("a: null\nb: ~\nc: Null\nd: NULL\ne:\nf: nil\n")]
    [InlineData("a: plain text # a comment\nb: C# stays\nc: 'single ''quoted'''\nd: \"double \\\"q\\\" \\t \\u00e9 \\x41 \\U0001F600 \\\\ \\/ \\N\"\n")]
    [InlineData("a: http://example.test/x?y=1\nb: key:value\nc: -dash\nd: ?mark\n")]
    [InlineData("description: first line\n  second line\n\n  after an empty line\nnext: x\n")]
    [InlineData("description:\n  on its own line\n  and another\nnext: x\n")]
    [InlineData("a: text that goes on\n  `with a backtick` and \"quotes\"\n  - a dash, [brackets] {braces} 'quote'\n  > and | too\nb: x\n")]
    [InlineData("a: \"folded\n  double\n\n  quoted\"\nb: 'folded\n  single'\nc: \"escaped \\\n  break\"\n")]
    [InlineData("a: |\n  literal\n    more indented\n\n  last\nb: |-\n  stripped\n\nc: x\n")]
    [InlineData("a: >-\n  folded\n  lines\n\n  new paragraph\n    indented\n  back\nb: >\n  clipped\n\n\nc: x\n")]
    [InlineData("a: >-\n\n  leading empty line\nb: |\nc: x\n")]
    [InlineData("list:\n- a\n- b\nmap:\n  - name: x\n    in: query\n  -   name: y\n      required: true\n  - - nested\n    - seq\n  -\n    child: on next line\n")]
    [InlineData("flow: [a, 'b', \"c\", 1, true, null, [x, y], {k: v}]\nmap: {type: string, enum: [a, b], \"q\": 'v'}\nempty: {}\nnone: []\n")]
    [InlineData("json: {\"a\": 1, \"b\": [true, false, null, -1.5e3, \"s\\n\"],\n  \"c\": {}}\n")]
    [InlineData("\"200\": ok\n'x y': z\n/v1/a/{b}: path\n")]
    [InlineData("---\na: 1\n")]
    [InlineData("# comment\n\na: 1 # trailing\n  # indented comment\nb:\n  # comment before child\n  c: 2\n")]
    [InlineData("a: 1\r\nb: |\r\n  crlf\r\n  lines\r\n")]
    [InlineData("\uFEFFa: bom\n")]
    [InlineData("a:    spaced     \nb: \"\"\nc: ''\n")]
    [InlineData("a: 1\nb: &anchor {x: 1}\nc: *anchor\n")]
    [InlineData("base: &base\n  type: object\n  properties:\n    id: {type: string}\nuse:\n  schema: *base # a comment\n  again: *base\n")]
    [InlineData("n: &n 12\nt: &t true\nz: &z ~\ne: &e\nq: &q 'quoted'\nl: &l |\n  literal\nuse: [1]\nn2: *n\nt2: *t\nz2: *z\ne2: *e\nq2: *q\nl2: *l\n")]
    [InlineData("list: &list\n- a\n- b\nitems:\n  - *list\n  - &one x\n  - *one\n")]
    [InlineData("a: &anchor # named, then the block under it\n  k: v\nb: *anchor\n")]
    public void ConstructsReadAsTheReaderReadsThem(string text)
    {
        JsonNode? ours = YamlSubsetReader.Read(text);

        Assert.NotNull(ours);
        Assert.Equal(Reference(text), ours!.ToJsonString());
    }

    [Theory]
    [InlineData("a: *undefined\n")]
    [InlineData("a: &x 1\nb: *x\na2: &x 2\nb2: *x\n")]
    [InlineData("b: *later\na: &later 1\n")]
    [InlineData("a: &x 1\nb: *x trailing\n")]
    [InlineData("a:\n  &k key: v\n")]
    [InlineData("- &entry key: v\n")]
    [InlineData("a: [&x 1, *x]\n")]
    [InlineData("a: &x{k: v}\n")]
    [InlineData("a: !!str 1\n")]
    [InlineData("%YAML 1.2\n---\na: 1\n")]
    [InlineData("a: 1\n---\nb: 2\n")]
    [InlineData("a: 1\na: 2\n")]
    [InlineData("a: |2\n   indented\n")]
    [InlineData("a: |+\n  kept\n\n")]
    [InlineData("a:\n\tb: 1\n")]
    [InlineData("? complex\n: key\n")]
    [InlineData("a: [this:tag]\n")]
    [InlineData("a: [x,\n  y z\n  w]\n")]
    [InlineData("a: b: c\n")]
    [InlineData("- a\n- b\n")]
    [InlineData("just a scalar\n")]
    [InlineData("a: [1, 2,]\n")]
    [InlineData("a: \"unterminated\n")]
    [InlineData("a: 1\n   b: 2\n")]
    public void TextOutsideTheSubsetIsLeftToTheReader(string text)
    {
        Assert.Null(YamlSubsetReader.Read(text));
    }

    [Fact]
    public void ScalarsTakeTheReadersValueKinds()
    {
        JsonObject tree = (JsonObject)YamlSubsetReader.Read("n: 12\nd: 1.50\nt: true\ns: '12'\nz: ~\ne:\n")!;

        Assert.Equal(System.Text.Json.JsonValueKind.Number, tree["n"]!.GetValueKind());
        Assert.Equal(1.50m, tree["d"]!.GetValue<decimal>());
        Assert.True(tree["t"]!.GetValue<bool>());
        Assert.Equal("12", tree["s"]!.GetValue<string>());
        Assert.True(JsonNullSentinel.IsJsonNullSentinel(tree["z"]));
        Assert.Equal(string.Empty, tree["e"]!.GetValue<string>());
    }

    [Fact]
    public void NestingBeyondTheReadersLimitIsLeftToTheReader()
    {
        string deep = string.Concat(Enumerable.Range(0, 70).Select(i => new string(' ', i * 2) + "k" + i + ":\n")) + new string(' ', 140) + "leaf: 1\n";

        Assert.Null(YamlSubsetReader.Read(deep));
    }

    [Theory]
    [InlineData("b: &b\n  x: 1\n  y: 2\nd:\n  <<: *b\n  y: 3\n  z: 4\n", "{\"x\":1,\"y\":3,\"z\":4}")]
    [InlineData("b: &b\n  x: 1\n  y: 2\nd:\n  z: 0\n  <<: *b\n", "{\"z\":0,\"x\":1,\"y\":2}")]
    [InlineData("p: &p\n  x: 1\nq: &q\n  x: 2\n  y: 2\nd:\n  <<:\n    - *p\n    - *q\n  w: 0\n", "{\"x\":1,\"y\":2,\"w\":0}")]
    [InlineData("d:\n  <<: {x: 1, y: 2}\n  y: 3\n", "{\"x\":1,\"y\":3}")]
    [InlineData("b: &b\n  x: 1\nd: &d\n  <<: *b\n  y: 2\ne: *d\n", "{\"x\":1,\"y\":2}")]
    [InlineData("d:\n  <<: &m {x: 1}\n  y: 2\nm: *m\n", "{\"x\":1,\"y\":2}")]
    public void MergeKeysAreApplied(string text, string merged)
    {
        // YAML 1.1's merge key, as js-yaml (Swagger UI, Redocly) applies it; Microsoft.OpenApi's reader keeps '<<' as an
        // unknown keyword instead and loses the merged members, so here our tree differs from its on purpose.
        JsonObject tree = (JsonObject)YamlSubsetReader.Read(text)!;

        Assert.Equal(merged, tree["d"]!.ToJsonString());
        Assert.DoesNotContain("<<", tree.ToJsonString(), StringComparison.Ordinal);
        if (tree["e"] is { } copy)
        {
            Assert.Equal(merged, copy.ToJsonString());
        }

        if (tree["m"] is { } mergedSource)
        {
            // A source of the merge that is anchored keeps its members for the aliases after it.
            Assert.Equal("{\"x\":1}", mergedSource.ToJsonString());
        }
    }

    [Theory]
    [InlineData("b: &b\n  x: 1\nd:\n  \"<<\": *b\n  y: 2\n", "<<,y")]
    [InlineData("b: &b\n  x: 1\nd:\n  y: 2\n  '<<': *b\n", "y,<<")]
    [InlineData("b: &b\n  x: 1\nd:\n  - \"<<\": *b\n    y: 2\n", "<<,y")]
    public void AQuotedMergeKeyIsAPlainKey(string text, string keys)
    {
        // Only the plain '<<' is the merge key; quoted, it is a string key like any other (YAML's resolution, js-yaml's reading).
        JsonNode d = YamlSubsetReader.Read(text)!["d"]!;
        JsonObject mapping = d as JsonObject ?? (JsonObject)d.AsArray().Single()!;

        Assert.Equal(keys, string.Join(",", mapping.Select(member => member.Key)));
        Assert.Equal("{\"x\":1}", mapping["<<"]!.ToJsonString());
        Assert.Equal("2", mapping["y"]!.ToJsonString());
    }

    [Theory]
    [InlineData("d:\n  <<: 1\n")]
    [InlineData("d:\n  <<:\n    - 1\n")]
    [InlineData("b: &b\n  x: 1\nd:\n  <<: *b\n  <<: *b\n")]
    [InlineData("b: &b\n  x: 1\nd:\n  <<: [*b]\n")]
    public void MergeKeysThatAreNotMappingsAreLeftToTheReader(string text)
    {
        Assert.Null(YamlSubsetReader.Read(text));
    }

    [Fact]
    public void AMergedSchemaKeepsItsMembersAndAMergeKeyTheFullReaderGetsIsReported()
    {
        const string Spec = """
            openapi: 3.1.0
            info: {title: Merge, version: "1"}
            paths:
              /derived:
                get:
                  operationId: getDerived
                  responses:
                    "200":
                      description: ok
                      content:
                        application/json:
                          schema: {$ref: "#/components/schemas/Derived"}
            components:
              schemas:
                Base: &base
                  type: object
                  properties:
                    id: {type: string}
                Derived:
                  <<: *base
                  description: Derived from Base by a merge key.
            """;

        GenerationResult merged = GeneratorHarness.Generate("/specs/merge.openapi.yaml", Spec);
        string derived = merged.Sources.Single(s => s.HintName.EndsWith(".Derived.g.cs", StringComparison.Ordinal)).SourceText.ToString();

        Assert.Contains("public string? Id", derived, StringComparison.Ordinal);
        Assert.DoesNotContain(merged.GeneratorDiagnostics, d => d.Id == "LAG1002");
        Assert.Empty(merged.CompilationProblems.Select(d => d.ToString()));

        // A tag puts the same spec outside our reader: Microsoft.OpenApi's drops what '<<' merges, and that is said, at the line.
        GenerationResult unmerged = GeneratorHarness.Generate("/specs/merge.openapi.yaml", Spec.Replace("version: \"1\"", "version: !!str 1", StringComparison.Ordinal));
        Microsoft.CodeAnalysis.Diagnostic reported = Assert.Single(unmerged.GeneratorDiagnostics, d => d.Id == "LAG1002");

        Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Warning, reported.Severity);
        Assert.Equal(19, reported.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Equal(6, reported.Location.GetLineSpan().StartLinePosition.Character);
        Assert.Contains("merge key '<<' is not applied", reported.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public void AliasesThatCopyTooMuchAreLeftToTheReader()
    {
        // Each level nine copies of the one before, in block style: the copies pass the limit long before the end.
        StringBuilder yaml = new("a0: &a0\n" + string.Concat(Enumerable.Repeat("- lol\n", 9)));
        for (int i = 1; i < 8; i++)
        {
            yaml.Append('a').Append(i).Append(": &a").Append(i).Append('\n').Append(string.Concat(Enumerable.Repeat("- *a" + (i - 1) + "\n", 9)));
        }

        Assert.Null(YamlSubsetReader.Read(yaml.ToString()));
        Assert.NotNull(YamlSubsetReader.Read("a0: &a0\n" + string.Concat(Enumerable.Repeat("- lol\n", 9)) + "a1: &a1\n" + string.Concat(Enumerable.Repeat("- *a0\n", 9))));
    }

    [Fact]
    public void AliasesThatNestBeyondTheDepthLimitAreLeftToTheReader()
    {
        // Each anchored mapping holds a copy of the one before: seventy levels, each only two lines of text.
        StringBuilder yaml = new("a0: &a0\n  leaf: 1\n");
        for (int i = 1; i < 70; i++)
        {
            yaml.Append('a').Append(i).Append(": &a").Append(i).Append("\n  next: *a").Append(i - 1).Append('\n');
        }

        Assert.Null(YamlSubsetReader.Read(yaml.ToString()));
        Assert.NotNull(YamlSubsetReader.Read("a0: &a0\n  leaf: 1\na1: &a1\n  next: *a0\na2:\n  next: *a1\n"));
    }

    [Fact]
    public void TheGeneratorReadsYamlOutsideTheSubsetWithTheFullReader()
    {
        // A tag: the subset reader gives up, Microsoft.OpenApi's reader reads it.
        const string Spec = """
            openapi: 3.0.3
            info: {title: Tags, version: !!str 1}
            paths:
              /pets:
                get:
                  operationId: listPets
                  responses:
                    "200":
                      description: ok
            """;
        Assert.Null(YamlSubsetReader.Read(Spec));

        AssertGeneratesCleanly(GeneratorHarness.Generate("/specs/tags.openapi.yaml", Spec), "ListPetsAsync");
    }

    [Fact]
    public async Task TheGeneratorReadsAnchorsAndAliases()
    {
        // Anchors and aliases in block context are in the subset: a copy of the anchored schema where each alias stands.
        const string Spec = """
            openapi: 3.0.3
            info: {title: Anchors, version: "1"}
            paths:
              /pets:
                get:
                  operationId: listPets
                  responses:
                    "200":
                      description: ok
                      content:
                        application/json:
                          schema: &pets
                            type: array
                            items: {$ref: "#/components/schemas/Pet"}
              /cats:
                get:
                  operationId: listCats
                  responses:
                    "200":
                      description: ok
                      content:
                        application/json:
                          schema: *pets
            components:
              schemas:
                Pet:
                  type: object
                  properties:
                    name: {type: string}
            """;
        JsonNode? tree = YamlSubsetReader.Read(Spec);
        Assert.Equal(Reference(Spec), tree?.ToJsonString());

        // The document read from our tree is the one Microsoft.OpenApi's own YAML reader makes of the text.
        OpenApiReaderSettings settings = new();
        settings.AddYamlReader();
        OpenApiDocument expected = OpenApiDocument.Parse(Spec, "yaml", settings).Document!;
        OpenApiDocument actual = OpenApiYamlReader.Read(tree!, new Uri("https://openapi.net/"), settings).Document!;
        Assert.Equal(await expected.SerializeAsJsonAsync(OpenApiSpecVersion.OpenApi3_1), await actual.SerializeAsJsonAsync(OpenApiSpecVersion.OpenApi3_1));

        AssertGeneratesCleanly(GeneratorHarness.Generate("/specs/anchors.openapi.yaml", Spec), "ListPetsAsync", "ListCatsAsync");
    }

    /// <summary>No exception, no error, the named methods generated, and the output compiles without a problem.</summary>
    private static void AssertGeneratesCleanly(GenerationResult result, params string[] methods)
    {
        Assert.Empty(result.GeneratorExceptions);
        Assert.DoesNotContain(result.GeneratorDiagnostics, d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error);
        string client = string.Concat(result.Sources.Select(s => s.SourceText.ToString()));
        foreach (string method in methods)
        {
            Assert.Contains(method, client, StringComparison.Ordinal);
        }

        Assert.Empty(result.CompilationProblems.Select(d => d.ToString()));
    }

    [Theory]
    [InlineData("public/redocly-museum.yaml")]
    [InlineData("public/oai-tictactoe.yaml")]
    [InlineData("constructs.openapi.yaml")]
    public void DamagedYamlNeverThrowsAndReadsAsTheReaderReadsIt(string spec)
    {
        // One random edit at a time (a character removed, or one YAML cares about inserted, or a line doubled), with a
        // fixed seed: our reader must not throw, and where both readers read the text, the trees must be the same.
        string text = TestPaths.ReadSpec(spec);
        Random random = new(1201);
        const string Inserts = " \n:-\"'#[]{},|>a\t&*!?";
        int bothRead = 0;
        for (int i = 0; i < 1500; i++)
        {
            int at = random.Next(text.Length);
            string damaged = random.Next(3) switch
            {
                0 => text.Remove(at, 1),
                1 => text.Insert(at, Inserts[random.Next(Inserts.Length)].ToString()),
                _ => DoubleLine(text, at),
            };

            JsonNode? ours = YamlSubsetReader.Read(damaged);
            string? reference = TryReference(damaged);
            if (ours is not null && reference is not null)
            {
                bothRead++;
                string actual = ours.ToJsonString();
                int differ = Enumerable.Range(0, Math.Min(reference.Length, actual.Length)).FirstOrDefault(k => reference[k] != actual[k]);
                Assert.True(reference == actual, "edit " + i + " reads differently near \"" + damaged.Substring(Math.Max(0, at - 60), Math.Min(120, damaged.Length - Math.Max(0, at - 60))) + "\": reader " + reference.Substring(Math.Max(0, differ - 60), Math.Min(160, reference.Length - Math.Max(0, differ - 60))) + " ours " + actual.Substring(Math.Max(0, differ - 60), Math.Min(160, actual.Length - Math.Max(0, differ - 60))));
            }
        }

        Assert.True(bothRead > 300, "only " + bothRead + " damaged texts were read by both");
    }

    private static string DoubleLine(string text, int at)
    {
        int start = text.LastIndexOf('\n', Math.Max(0, at - 1)) + 1;
        int end = text.IndexOf('\n', at);
        end = end < 0 ? text.Length : end + 1;
        return text.Insert(start, text.Substring(start, end - start));
    }

    private static string? TryReference(string text)
    {
        try
        {
            return Reference(text);
        }
        catch (Exception ex) when (ex is SharpYaml.YamlException or OpenApiReaderException or InvalidOperationException or NotSupportedException or ArgumentException or System.Text.Json.JsonException or FormatException or OverflowException)
        {
            return null;
        }
    }

    /// <summary>The tree Microsoft.OpenApi's YAML reader builds: SharpYaml's nodes through its <see cref="YamlConverter"/>.</summary>
    private static string Reference(string text)
    {
        YamlStream stream = new();
        stream.Load(new StringReader(text.StartsWith('\uFEFF') ? text.Substring(1) : text));
        return stream.Documents.Single().ToJsonNode().ToJsonString();
    }
}
