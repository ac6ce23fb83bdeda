// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System.Linq;
using LiveAvatarGen.Generator.Emitting;
using LiveAvatarGen.Generator.Model;
using LiveAvatarGen.Tests.Harness;
using LiveAvatarGen.Tests.Parsing;
using Microsoft.CodeAnalysis;
using Xunit;

namespace LiveAvatarGen.Tests.Telemetry;

/// <summary>
/// What the generator gives the runtime for telemetry: the operationId and the route template as static fields, the
/// client's telemetry name as a constant; compiled with zero warnings whatever the spec's strings hold.
/// </summary>
public sealed class TelemetryGenerationTests
{
    private const string Spec = """
        openapi: 3.1.0
        info: { title: Odd API, version: '1' }
        paths:
          /things/{thing_id}/parts/{part}:
            get:
              operationId: 'get "thing" \ part ü'
              parameters:
                - { name: thing_id, in: path, required: true, schema: { type: string } }
                - { name: part, in: path, required: true, schema: { type: integer } }
              responses: { "204": { description: none } }
          /plain:
            delete:
              responses: { "204": { description: none } }
        """;

    [Fact]
    public void TheParserKeepsTheOperationIdAndClaimsTheOperationsField()
    {
        ApiSpec spec = ParserHarness.ReadClean(Spec);

        OperationModel odd = Assert.Single(spec.Client!.Operations, o => o.PathTemplate == "/things/{thing_id}/parts/{part}");
        Assert.Equal("get \"thing\" \\ part ü", odd.OperationId);
        Assert.Equal("s_operation_" + odd.MethodName.Substring(0, odd.MethodName.Length - "Async".Length), odd.OperationField);
        OperationModel plain = Assert.Single(spec.Client.Operations, o => o.PathTemplate == "/plain");
        Assert.Null(plain.OperationId);
        Assert.StartsWith("s_operation_", plain.OperationField, System.StringComparison.Ordinal);
        Assert.NotEqual(odd.OperationField, plain.OperationField);
    }

    [Theory]
    [InlineData(TargetProfile.Net8CSharp12)]
    [InlineData(TargetProfile.Net10CSharp14)]
    public void TheRouteTemplateAndOperationIdAreStaticFieldsThatCompileClean(TargetProfile profile)
    {
        GenerationResult result = GeneratorHarness.Generate("/specs/odd.openapi.yaml", Spec, profile);

        Assert.Empty(result.GeneratorExceptions);
        Assert.Empty(result.CompilationProblems.Select(d => d.ToString()));
        string all = string.Join("\n", result.Sources.Select(s => s.SourceText.ToString()));
        OperationModel odd = ParserHarness.ReadClean(Spec).Client!.Operations[0];
        string stem = odd.MethodName.Substring(0, odd.MethodName.Length - "Async".Length);
        // Declared without an initializer and set on the operation's first call (nothing in the static constructor).
        Assert.Contains("ApiOperation? " + odd.OperationField + ";", all, System.StringComparison.Ordinal);
        string expected = "(" + odd.OperationField + " ??= new(\"" + stem + "\", " + CSharpLiteral.String(odd.OperationId!) + ", \"GET\", \"/things/{thing_id}/parts/{part}\"))";
        Assert.Contains(expected, all, System.StringComparison.Ordinal);
        Assert.Contains(" ??= new(\"DeletePlain\", null, \"DELETE\", \"/plain\"))", all, System.StringComparison.Ordinal);
        Assert.Contains("public const string TelemetryName = \"Test.Api.OddClient\";", all, System.StringComparison.Ordinal);

        // The operation's field is what every call passes: no name string, no path built for telemetry.
        INamedTypeSymbol client = result.Output.GetTypeByMetadataName("Test.Api.OddClient")!;
        IFieldSymbol telemetryName = Assert.Single(client.GetMembers("TelemetryName").OfType<IFieldSymbol>());
        Assert.True(telemetryName.IsConst);
        Assert.Equal("Test.Api.OddClient", telemetryName.ConstantValue);
    }
}
