// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using LiveAvatarGen.Generator.Parsing;
using LiveAvatarGen.Tests.Harness;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using Microsoft.OpenApi.YamlReader;
using Xunit;

namespace LiveAvatarGen.Tests.Parsing;

/// <summary>
/// The trees our readers build (<see cref="JsonTreeReader"/>, <see cref="YamlSubsetReader"/>) must read to the same
/// document, with the same findings, as <see cref="OpenApiDocument.Parse"/> gives from the text: every spec we hold.
/// </summary>
public sealed class JsonTreeReaderTests
{
    private static readonly Uri s_location = new("https://openapi.net/");

    public static TheoryData<string> Specs() => new(new[] { TestPaths.LiveAvatar }.Concat(TestPaths.SpecFiles(overlays: false, ".json", ".yaml")));

    public static TheoryData<string> JsonSpecs() => new(new[] { TestPaths.LiveAvatar }.Concat(TestPaths.SpecFiles(overlays: false, ".json")));

    [Theory]
    [MemberData(nameof(Specs))]
    public async Task OurTreeReadsToTheSameDocumentAndFindings(string spec)
    {
        string text = TestPaths.ReadSpec(spec);
        bool yaml = spec.EndsWith(".yaml", StringComparison.Ordinal);
        OpenApiReaderSettings settings = Settings();

        ReadResult expected;
        try
        {
            expected = OpenApiDocument.Parse(text, yaml ? "yaml" : "json", settings);
        }
        catch (FormatException)
        {
            // The 3.0 reader throws on a 3.1 keyword; the generator reads such a spec again as 3.1, by the text.
            return;
        }

        JsonNode? tree = yaml ? YamlSubsetReader.Read(text) : JsonTreeReader.Read(text);
        Assert.NotNull(tree);
        ReadResult actual = yaml ? OpenApiYamlReader.Read(tree!, s_location, Settings()) : new OpenApiJsonReader().Read(tree!, s_location, Settings());

        Assert.Equal(await expected.Document!.SerializeAsJsonAsync(OpenApiSpecVersion.OpenApi3_1), await actual.Document!.SerializeAsJsonAsync(OpenApiSpecVersion.OpenApi3_1));
        Assert.Equal(expected.Diagnostic!.Errors.Select(e => e.Pointer + " " + e.Message), actual.Diagnostic!.Errors.Select(e => e.Pointer + " " + e.Message));
        Assert.Equal(expected.Diagnostic.Warnings.Select(e => e.Pointer + " " + e.Message), actual.Diagnostic.Warnings.Select(e => e.Pointer + " " + e.Message));
        Assert.Equal(expected.Diagnostic.SpecificationVersion, actual.Diagnostic.SpecificationVersion);
    }

    [Theory]
    [MemberData(nameof(JsonSpecs))]
    public void JsonSpecsBuildTheTreeTheReaderParses(string spec)
    {
        string text = TestPaths.ReadSpec(spec);

        JsonNode? ours = JsonTreeReader.Read(text);

        Assert.NotNull(ours);
        Assert.Equal(JsonNode.Parse(text)!.ToJsonString(), ours!.ToJsonString());
    }

    [Theory]
    [InlineData("{\"a\": 1, \"a\": 2}")]
    [InlineData("{\"a\": 1,}")]
    [InlineData("{\"a\": 1} // comment")]
    [InlineData("{\"a\": [1, 2}")]
    [InlineData("[1, 2]")]
    [InlineData("\"text\"")]
    [InlineData("")]
    public void TextTheReaderWouldRefuseIsLeftToIt(string text)
    {
        Assert.Null(JsonTreeReader.Read(text));
    }

    [Fact]
    public void NumbersKeepTheirTextAndValuesTheirKinds()
    {
        JsonObject tree = (JsonObject)JsonTreeReader.Read("\uFEFF{\"i\": 12, \"d\": 1.50, \"e\": 1E400, \"s\": \"12\", \"t\": true, \"n\": null, \"u\": \"\\u00e9\"}")!;

        Assert.Equal("{\"i\":12,\"d\":1.50,\"e\":1E400,\"s\":\"12\",\"t\":true,\"n\":null,\"u\":\"\\u00E9\"}", tree.ToJsonString());
        Assert.Equal(12L, tree["i"]!.GetValue<long>());
        Assert.Equal(1.50m, tree["d"]!.GetValue<decimal>());
        Assert.Equal(System.Text.Json.JsonValueKind.String, tree["s"]!.GetValueKind());
        Assert.Null(tree["n"]);
        Assert.Equal("é", tree["u"]!.GetValue<string>());
    }

    private static OpenApiReaderSettings Settings()
    {
        OpenApiReaderSettings settings = new() { LoadExternalRefs = false };
        settings.AddYamlReader();
        return settings;
    }
}
