// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System.Linq;
using LiveAvatarGen.Generator.Diagnostics;
using LiveAvatarGen.Generator.Model;
using Xunit;
using static LiveAvatarGen.Tests.Parsing.ParserHarness;

namespace LiveAvatarGen.Tests.Parsing;

/// <summary>
/// Diagnostics as the parser records them (<see cref="DiagnosticInfo"/>: ID, location, arguments), before Roslyn
/// turns them into <c>Diagnostic</c>s. Lines and columns are zero-based.
/// </summary>
public sealed class ParserDiagnosticTests
{
    [Fact]
    public void EmptyTextIsLag1001AndNoModel()
    {
        ReadResult result = Read("  \n");

        Assert.Null(result.Spec);
        DiagnosticInfo diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("LAG1001", diagnostic.Id);
        Assert.Equal(Path, diagnostic.Arguments[0]);
        Assert.Equal((Path, 0, 0), (diagnostic.Location!.FilePath, diagnostic.Location.StartLine, diagnostic.Location.StartColumn));
    }

    [Fact]
    public void Swagger2IsLag1003AtTheVersionLine()
    {
        ReadResult result = Read("# legacy\nswagger: '2.0'\ninfo: {title: T, version: '1'}\npaths: {}\n");

        Assert.Null(result.Spec);
        DiagnosticInfo diagnostic = result.Diagnostic("LAG1003");
        Assert.Equal((1, 0), (diagnostic.Location!.StartLine, diagnostic.Location.StartColumn));
    }

    [Fact]
    public void UnresolvedReferenceIsLag1004AtTheReferenceAndTypedAsJson()
    {
        ReadResult result = Read(Schemas("""
            A:
              type: object
              properties:
                b:
                  $ref: '#/components/schemas/Nope'
            """));

        DiagnosticInfo diagnostic = result.Diagnostic("LAG1004");
        Assert.Equal((8, 8), (diagnostic.Location!.StartLine, diagnostic.Location.StartColumn));
        Assert.Contains("#/components/schemas/Nope", diagnostic.Arguments);
        Assert.Equal(TypeKind.Any, result.Spec!.Type<ObjectModel>("A").Property("b").Type.Kind);
    }

    [Fact]
    public void InvalidPatternIsLag1005AndTheValueTypeHasNoPattern()
    {
        ReadResult result = Read(Schemas("""
            Tag:
              type: string
              pattern: '([a-z'
            """));

        DiagnosticInfo diagnostic = result.Diagnostic("LAG1005");
        Assert.Equal((7, 6), (diagnostic.Location!.StartLine, diagnostic.Location.StartColumn));
        Assert.Equal("([a-z", diagnostic.Arguments[1]);
        Assert.DoesNotContain(result.Spec!.Types, t => t is ValueTypeModel { Pattern: not null });
    }

    [Fact]
    public void AliasCycleIsLag2001()
    {
        ReadResult result = Read(Schemas("""
            A: { $ref: '#/components/schemas/B' }
            B: { $ref: '#/components/schemas/A' }
            """));

        DiagnosticInfo diagnostic = result.Diagnostic("LAG2001");
        Assert.Equal(5, diagnostic.Location!.StartLine);
        Assert.NotNull(result.Spec);
    }

    [Fact]
    public void WebhooksAreReadBesideTheOperationsAndNoLongerLag2002()
    {
        ReadResult result = Read(Paths(
            """
            /ping:
              get:
                operationId: ping
                responses: { '204': { description: none } }
            """,
            extra: """
            webhooks:
              newThing:
                post:
                  responses: { '200': { description: ok } }

            """));

        Assert.DoesNotContain(result.Diagnostics, d => d.Id == "LAG2002");
        Assert.Equal("newThing", Assert.Single(result.Spec!.Webhooks!.Webhooks).Name);
        Assert.Single(result.Spec!.Client!.Operations);
    }

    [Fact]
    public void AdditionalPropertiesBesidePropertiesIsTypedAndKeptWhilePatternPropertiesIsLag2003()
    {
        ReadResult result = Read(Schemas("""
            A:
              type: object
              properties: { x: { type: string } }
              additionalProperties: { type: integer }
              patternProperties:
                "^s_": { type: string }
            """));

        DiagnosticInfo diagnostic = result.Diagnostic("LAG2003");
        Assert.Equal(9, diagnostic.Location!.StartLine); // the patternProperties line
        ObjectModel a = result.Spec!.Type<ObjectModel>("A");
        Assert.Single(a.Properties);
        Assert.Equal("AdditionalProperties", a.AdditionalPropertiesName);
        Assert.Equal(new TypeRef(TypeKind.Int64), a.AdditionalPropertiesType);
    }

    [Fact]
    public void DiagnosticsAreValuesSoEqualTextGivesEqualDiagnostics()
    {
        string text = Schemas("A: { type: string, pattern: '([a-z' }");

        Assert.Equal(Read(text).Diagnostics, Read(text).Diagnostics);
        Assert.NotEqual(Read(text).Diagnostics, Read(text, path: "/specs/other.openapi.yaml").Diagnostics);
        Assert.True(Read(text).Diagnostics.All(d => d.Location!.FilePath == Path));
    }
    [Fact]
    public void ResponseKeysAreCheckedAsMicrosoftOpenApisRuleChecksThem()
    {
        // Our copy of the rule (no regex timer) against the rule itself, on keys either side of its pattern.
        string spec = Paths("""
            /things:
              get:
                operationId: getThings
                responses:
                  "200": { description: ok }
                  "2XX": { description: ok }
                  "4xx": { description: bad }
                  DEFAULT: { description: other }
                  "600": { description: no }
                  "20": { description: no }
                  "2X0": { description: no }
                  "1000": { description: no }
                  "OK": { description: no }
            """);
        Microsoft.OpenApi.Reader.OpenApiReaderSettings settings = new();
        Microsoft.OpenApi.Reader.OpenApiReaderSettingsExtensions.AddYamlReader(settings);
        Microsoft.OpenApi.Reader.ReadResult reference = Microsoft.OpenApi.OpenApiDocument.Parse(spec, "yaml", settings);
        string[] expected = reference.Diagnostic!.Errors.Where(e => e.Message.StartsWith("Responses key", System.StringComparison.Ordinal))
            .Select(e => e.Pointer + ": " + e.Message).ToArray();

        ReadResult result = Read(spec);

        Assert.Equal(5, expected.Length);
        Assert.Equal(expected, result.Diagnostics.Where(d => d.Id == "LAG1002" && d.Arguments[1].StartsWith("Responses key", System.StringComparison.Ordinal))
            .Select(d => d.Arguments[0] + ": " + d.Arguments[1]).ToArray());
    }
}
