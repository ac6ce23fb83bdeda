// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System.Linq;
using System.Text;
using LiveAvatarGen.Tests.Harness;
using Microsoft.CodeAnalysis;
using Xunit;

namespace LiveAvatarGen.Tests.Diagnostics;

/// <summary>Inputs built to break a generator: each ends in diagnostics, never an exception, a hang or a stack overflow.</summary>
public sealed class HostileInputTests
{
    private static GenerationResult Run(string text, string path = "/specs/openapi.json")
    {
        GenerationResult result = GeneratorHarness.Generate(path, text);
        Assert.Empty(result.GeneratorExceptions);
        Assert.Empty(result.CompilationProblems.Select(d => d.ToString()));
        return result;
    }

    private static string Doc(string schemas, string paths = "{}") =>
        "{\"openapi\":\"3.1.0\",\"info\":{\"title\":\"T\",\"version\":\"1\"},\"paths\":" + paths + ",\"components\":{\"schemas\":" + schemas + "}}";

    [Fact]
    public void TruncatedDocument()
    {
        string spec = TestPaths.ReadSpec(TestPaths.LiveAvatar);

        GenerationResult result = Run(spec.Substring(0, spec.Length / 2));

        Assert.NotEmpty(result.GeneratorDiagnostics);
    }

    [Theory]
    [InlineData(2_000)]
    [InlineData(20_000)]
    public void DeeplyNestedObjectsAndArrays(int depth)
    {
        StringBuilder objects = new();
        for (int i = 0; i < depth; i++)
        {
            objects.Append("{\"type\":\"object\",\"properties\":{\"x\":");
        }

        objects.Append("{\"type\":\"string\"}");
        for (int i = 0; i < depth; i++)
        {
            objects.Append("}}");
        }

        GenerationResult result = Run(Doc("{\"Deep\":" + objects + ",\"Arr\":" + new string('[', depth) + new string(']', depth) + "}"));

        Assert.Contains(result.GeneratorDiagnostics, d => d.Severity == DiagnosticSeverity.Error || d.Severity == DiagnosticSeverity.Warning);
    }

    [Fact]
    public void DeeplyNestedYaml()
    {
        StringBuilder yaml = new("openapi: 3.1.0\ninfo: {title: T, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n    Deep:\n");
        string indent = "      ";
        for (int i = 0; i < 3000; i++)
        {
            yaml.Append(indent).Append("items:\n");
            indent += " ";
        }

        yaml.Append(indent).Append("type: string\n");

        GenerationResult result = Run(yaml.ToString(), "/specs/openapi.yaml");

        Assert.NotEmpty(result.GeneratorDiagnostics);
    }

    [Fact]
    public void YamlAliasBomb()
    {
        StringBuilder yaml = new("openapi: 3.1.0\ninfo: {title: T, version: '1'}\npaths: {}\nx-bomb:\n  a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int i = 1; i < 12; i++)
        {
            yaml.Append("  a").Append(i).Append(": &a").Append(i).Append(" [");
            yaml.Append(string.Join(", ", Enumerable.Repeat("*a" + (i - 1), 9)));
            yaml.Append("]\n");
        }

        GenerationResult result = Run(yaml.ToString(), "/specs/openapi.yaml");

        Assert.NotEmpty(result.GeneratorDiagnostics);
    }

    [Fact]
    public void YamlAliasBombInBlockStyle()
    {
        // Block style is in our YAML reader's subset; past its limit on copies it leaves the text to Microsoft.OpenApi's
        // reader, which refuses the expansion with a diagnostic.
        StringBuilder yaml = new("openapi: 3.1.0\ninfo: {title: T, version: '1'}\npaths: {}\nx-bomb:\n  a0: &a0\n" + string.Concat(Enumerable.Repeat("  - lol\n", 9)));
        for (int i = 1; i < 12; i++)
        {
            yaml.Append("  a").Append(i).Append(": &a").Append(i).Append('\n').Append(string.Concat(Enumerable.Repeat("  - *a" + (i - 1) + "\n", 9)));
        }

        GenerationResult result = Run(yaml.ToString(), "/specs/openapi.yaml");

        Assert.NotEmpty(result.GeneratorDiagnostics);
    }

    [Fact]
    public void MultiMegabyteStrings()
    {
        string huge = new('x', 4 * 1024 * 1024);

        GenerationResult result = Run(Doc("{\"Big\":{\"type\":\"object\",\"description\":\"" + huge + "\",\"properties\":{\"p\":{\"type\":\"string\",\"pattern\":\"" + huge.Substring(0, 100_000) + "\"}}}}"));

        Assert.NotEmpty(result.Sources);
    }

    [Fact]
    public void TensOfThousandsOfSchemas()
    {
        string schemas = "{" + string.Join(",", Enumerable.Range(0, 20_000).Select(i => "\"S" + i + "\":{\"type\":\"object\",\"properties\":{\"next\":{\"$ref\":\"#/components/schemas/S" + ((i + 1) % 20_000) + "\"}}}")) + "}";

        GenerationResult result = GeneratorHarness.Generate("/specs/openapi.json", Doc(schemas));

        Assert.Empty(result.GeneratorExceptions);
        Assert.Equal(20_000, result.Sources.Count(s => System.Text.RegularExpressions.Regex.IsMatch(s.HintName, "\\.S[0-9]+\\.g\\.cs$")));
    }

    [Fact]
    public void AnObjectWithThousandsOfPropertiesAndAnAllOfThatOverridesOne()
    {
        // 5,000 properties, the last one declared again by a second allOf part: one member each, the later part's type.
        string properties = string.Join(",", Enumerable.Range(0, 5_000).Select(i => "\"p" + i + "\":{\"type\":\"string\"}"));
        string schemas = "{\"Wide\":{\"allOf\":[{\"type\":\"object\",\"properties\":{" + properties + "}},{\"type\":\"object\",\"properties\":{\"p4999\":{\"type\":\"integer\"}}}]}}";

        GenerationResult result = GeneratorHarness.Generate("/specs/openapi.json", Doc(schemas));

        Assert.Empty(result.GeneratorExceptions);
        string wide = Assert.Single(result.Sources, s => s.HintName.EndsWith(".Wide.g.cs", System.StringComparison.Ordinal)).SourceText.ToString();
        Assert.Equal(5_000, System.Text.RegularExpressions.Regex.Count(wide, "public [^ ]+ P[0-9]+ \\{"));
        Assert.Contains("public long? P4999 {", wide, System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"Odd\":{\"type\":\"strnig\"}}")]
    [InlineData("{\"Odd\":{\"type\":[\"object\",\"whatever\"]}}")]
    [InlineData("{\"Odd\":{\"type\":42}}")]
    [InlineData("{\"Self\":{\"$ref\":\"#/components/schemas/Self\"}}")]
    [InlineData("{\"A\":{\"allOf\":[{\"$ref\":\"#/components/schemas/B\"}]},\"B\":{\"allOf\":[{\"$ref\":\"#/components/schemas/A\"}]}}")]
    [InlineData("{\"A\":{\"allOf\":[{\"$ref\":\"#/components/schemas/A\"},{\"type\":\"object\",\"properties\":{\"x\":{\"type\":\"string\"}}}]}}")]
    [InlineData("{\"Ext\":{\"$ref\":\"other.json#/components/schemas/X\"}}")]
    [InlineData("{\"NotSchema\":{\"$ref\":\"#/paths\"}}")]
    [InlineData("{\"Dup\":{\"type\":\"object\"},\"Dup\":{\"type\":\"string\"}}")]
    [InlineData("{\"A\":{\"type\":\"object\",\"properties\":{\"p\":{\"$ref\":\"#/components/schemas/Missing\"}}}}")]
    [InlineData("{\"E\":{\"enum\":[]}}")]
    [InlineData("{\"E\":{\"type\":\"string\",\"enum\":[null]}}")]
    [InlineData("{\"N\":{\"type\":\"integer\",\"minimum\":\"abc\",\"maximum\":1e400}}")]
    [InlineData("{\"P\":{\"type\":\"string\",\"pattern\":\"(a+)+$\"}}")]
    [InlineData("{\"O\":{\"oneOf\":[]}}")]
    [InlineData("{\"O\":{\"oneOf\":[{\"type\":\"null\"}]}}")]
    public void OddSchemasGenerateOrReportButNeverCrash(string schemas)
    {
        GenerationResult result = Run(Doc(schemas));

        Assert.True(result.Sources.Count > 0 || result.GeneratorDiagnostics.Length > 0);
    }

    [Theory]
    [InlineData("{\"/x/{id}\":{\"get\":{\"responses\":{\"200\":{\"description\":\"ok\"}}}}}")]
    [InlineData("{\"/x\":{\"get\":{\"parameters\":[{\"$ref\":\"#/components/parameters/Missing\"}],\"responses\":{}}}}")]
    [InlineData("{\"/x\":{\"get\":{\"requestBody\":{\"content\":{\"application/weird\":{}}},\"responses\":{\"default\":{\"description\":\"d\"}}}}}")]
    [InlineData("{\"/x\":{\"get\":{\"operationId\":\"class\",\"responses\":{\"200\":{\"description\":\"d\",\"content\":{\"application/json\":{}}}}}}}")]
    [InlineData("{\"/\":{\"get\":{\"responses\":{\"2XX\":{\"description\":\"d\",\"content\":{\"text/event-stream\":{}}}}}}}")]
    public void OddOperationsGenerateOrReportButNeverCrash(string paths)
    {
        GenerationResult result = Run(Doc("{}", paths));

        Assert.True(result.Sources.Count > 0 || result.GeneratorDiagnostics.Length > 0);
    }
}
