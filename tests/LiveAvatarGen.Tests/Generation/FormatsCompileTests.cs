// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System.Linq;
using LiveAvatarGen.Tests.Harness;
using Microsoft.CodeAnalysis;
using Xunit;

namespace LiveAvatarGen.Tests.Generation;

/// <summary>Formats, collections and parameter shapes the LiveAvatar spec does not use still compile clean.</summary>
public sealed class FormatsCompileTests
{
    private const string Spec = """
        openapi: 3.1.0
        info: { title: Formats API, version: "1" }
        servers: [ { url: "https://example.test/api" } ]
        paths:
          /things/{day}:
            get:
              operationId: getThings
              parameters:
                - { name: day, in: path, required: true, schema: { type: string, format: date } }
                - { name: tags, in: query, schema: { type: array, items: { type: string } } }
                - { name: ids, in: query, explode: false, schema: { type: array, items: { type: integer, format: int32 } } }
                - { name: X-Trace, in: header, schema: { type: string, format: uuid } }
                - { name: item, in: query, schema: { type: string } }
              responses:
                "200":
                  description: ok
                  content: { application/json: { schema: { $ref: "#/components/schemas/Thing" } } }
            patch:
              operationId: patchThing
              parameters:
                - { name: day, in: path, required: true, schema: { type: string, format: date } }
              requestBody:
                content: { application/merge-patch+json: { schema: { $ref: "#/components/schemas/Thing" } } }
              responses:
                "204": { description: done }
                default:
                  description: error
                  content: { application/problem+json: { schema: { type: object, properties: { title: { type: string } } } } }
        components:
          schemas:
            Thing:
              type: object
              required: [day, at]
              properties:
                day: { type: string, format: date }
                at: { type: string, format: date-time }
                count: { type: integer, format: int32, default: 3 }
                ratio: { type: number, format: float }
                price: { type: number, format: decimal }
                blob: { type: string, format: byte }
                labels: { type: object, additionalProperties: { type: string } }
                grid: { type: array, items: { type: array, items: { type: [number, "null"] } } }
                either: { type: [string, integer] }
                code: { type: string, minLength: 2, maxLength: 4 }
        """;

    [Theory]
    [InlineData(TargetProfile.Net8CSharp12)]
    [InlineData(TargetProfile.Net10CSharp14)]
    public void CompilesWithZeroWarnings(TargetProfile profile)
    {
        GenerationResult result = GeneratorHarness.Generate("/specs/formats.openapi.yaml", Spec, profile);

        Assert.Empty(result.GeneratorExceptions);
        Assert.Empty(result.GeneratorDiagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).Select(d => d.ToString()));
        Assert.Empty(result.CompilationProblems.Select(d => d.ToString()));
        INamedTypeSymbol thing = result.Output.GetTypeByMetadataName("Test.Api.Thing")!;
        Assert.Equal("System.DateOnly", ((IPropertySymbol)thing.GetMembers("Day").Single()).Type.ToDisplayString());
        Assert.Contains(result.Sources, s => s.SourceText.ToString().Contains("\"application/merge-patch+json\"", System.StringComparison.Ordinal));
    }

    [Fact]
    public void DiscriminatorWithoutMappingUsesComponentNames()
    {
        const string spec = """
            openapi: 3.0.3
            info: { title: Shapes, version: "1" }
            paths: {}
            components:
              schemas:
                Shape:
                  oneOf: [ { $ref: "#/components/schemas/Circle" }, { $ref: "#/components/schemas/Square" } ]
                  discriminator: { propertyName: kind }
                Circle: { type: object, required: [kind], properties: { kind: { type: string }, r: { type: number } } }
                Square: { type: object, required: [kind], properties: { kind: { type: string }, side: { type: number } } }
            """;

        GenerationResult result = GeneratorHarness.Generate("/specs/shapes.openapi.yaml", spec);

        Assert.Empty(result.CompilationProblems.Select(d => d.ToString()));
        string union = result.Sources.Single(s => s.HintName.EndsWith(".Shape.g.cs", System.StringComparison.Ordinal)).SourceText.ToString();
        Assert.Contains("tag is not (\"Circle\")", union, System.StringComparison.Ordinal);
        Assert.Contains("tag is not (\"Square\")", union, System.StringComparison.Ordinal);
    }
}
