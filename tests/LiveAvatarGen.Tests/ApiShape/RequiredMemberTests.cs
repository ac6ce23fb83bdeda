// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Text.Json;
using LiveAvatarGen.Runtime.Errors;
using LiveAvatarGen.Tests.Harness;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace LiveAvatarGen.Tests.ApiShape;

/// <summary>
/// A reader checks its required members with one comparison per 32 of them, and the error still names the first
/// member missing: the generated code, compiled and run, on an object with 66 required members (three words, the
/// first two full, so bit 31, the sign bit of an <c>int</c> word, is used) and 41 optional ones (two words of set flags).
/// </summary>
public sealed class RequiredMemberTests
{
    private static readonly string[] s_names = Enumerable.Range(0, 66).Select(i => "r" + i.ToString("00", System.Globalization.CultureInfo.InvariantCulture)).ToArray();

    private static readonly string[] s_optionalNames = Enumerable.Range(0, 40).Select(i => "o" + i.ToString("00", System.Globalization.CultureInfo.InvariantCulture)).ToArray();

    [Theory]
    [InlineData("r01", "r01")] // in the first word
    [InlineData("r31", "r31")] // the first word's sign bit
    [InlineData("r32", "r32")] // in the second word
    [InlineData("r63", "r63")]
    [InlineData("r65", "r65")] // in the third word
    [InlineData("r00,r64", "r00")] // the first missing member is named
    [InlineData("r31,r64", "r31")]
    [InlineData("r64,r65", "r64")]
    public void TheErrorNamesTheFirstRequiredMemberMissing(string leftOut, string named)
    {
        Type wide = LoadWide(out AssemblyLoadContext context);
        try
        {
            string json = Json(s_names.Except(leftOut.Split(',')));
            Exception error = Assert.ThrowsAny<Exception>(() => JsonSerializer.Deserialize(json, wide));
            ApiResponseFormatException format = Assert.IsType<ApiResponseFormatException>(error is TargetInvocationException t ? t.InnerException : error);
            Assert.Equal("Required property '" + named + "' of Wide is missing.", format.Message);
        }
        finally
        {
            context.Unload();
        }
    }

    [Fact]
    public void AnObjectWithEveryRequiredMemberIsReadAndAnOptionalOneMayBeLeftOut()
    {
        Type wide = LoadWide(out AssemblyLoadContext context);
        try
        {
            object read = JsonSerializer.Deserialize(Json(s_names), wide)!;
            Assert.Equal("v65", wide.GetProperty("R65")!.GetValue(read));
            Assert.Null(wide.GetProperty("Note")!.GetValue(read));
        }
        finally
        {
            context.Unload();
        }
    }

    [Theory]
    [InlineData("o29,o30,o31")] // around the first set word's sign bit
    [InlineData("o30")]
    [InlineData("o00,o39")]
    [InlineData("")]
    public void TheOptionalMembersReadAreTheOnesWrittenBack(string present)
    {
        Type wide = LoadWide(out AssemblyLoadContext context);
        try
        {
            string[] optional = present.Split(',', StringSplitOptions.RemoveEmptyEntries);
            object read = JsonSerializer.Deserialize(Json(s_names.Concat(optional)), wide)!;

            using JsonDocument written = JsonDocument.Parse(JsonSerializer.Serialize(read, wide));
            string[] sent = written.RootElement.EnumerateObject().Select(member => member.Name).ToArray();
            Assert.Equal(s_names.Concat(optional), sent);
        }
        finally
        {
            context.Unload();
        }
    }

    [Fact]
    public void TheReaderSkipsTheRequiredMembersThroughItsOwnConstructorAndCodeBuildingTheObjectStillSetsThemAll()
    {
        GenerationResult result = GeneratorHarness.Generate("/specs/wide.openapi.yaml", WideSpec);
        INamedTypeSymbol wide = result.Output.GetTypeByMetadataName("Test.Api.Wide")!;

        // The public constructor is the parameterless one; the reader's is private and marked [SetsRequiredMembers].
        IMethodSymbol open = Assert.Single(wide.InstanceConstructors, c => c.DeclaredAccessibility == Accessibility.Public);
        Assert.Empty(open.Parameters);
        IMethodSymbol reading = Assert.Single(wide.InstanceConstructors, c => c.DeclaredAccessibility == Accessibility.Private);
        Assert.Equal("JsonReading", Assert.Single(reading.Parameters).Type.Name);
        Assert.Contains(reading.GetAttributes(), a => a.AttributeClass?.Name == "SetsRequiredMembersAttribute");

        // Leaving a required member out of an initializer is still the compiler's error.
        string setAllButOne = string.Join(", ", s_names.Skip(1).Select(n => "R" + n.Substring(1) + " = \"x\""));
        Compilation missing = result.Output.AddSyntaxTrees(CSharpSyntaxTree.ParseText(
            "namespace Consumer { internal static class Make { public static Test.Api.Wide One() => new() { " + setAllButOne + " }; } }",
            (CSharpParseOptions)result.Output.SyntaxTrees.First().Options));
        Assert.Contains(missing.GetDiagnostics(), d => d.Id == "CS9035" && d.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Contains("R00", StringComparison.Ordinal));
    }

    private static string Json(System.Collections.Generic.IEnumerable<string> names)
        => "{" + string.Join(",", names.Select(n => "\"" + n + "\":\"v" + n.Substring(1) + "\"")) + "}";

    private static string WideSpec
    {
        get
        {
            string properties = string.Join(", ", s_names.Concat(s_optionalNames).Select(n => n + ": { type: string }"));
            return $$"""
            openapi: 3.1.0
            info: { title: Wide, version: "1" }
            paths:
              /wide:
                get:
                  operationId: getWide
                  responses:
                    "200": { description: ok, content: { application/json: { schema: { $ref: "#/components/schemas/Wide" } } } }
            components:
              schemas:
                Wide:
                  type: object
                  required: [{{string.Join(", ", s_names)}}]
                  properties: { {{properties}}, note: { type: string } }
            """;
        }
    }

    private static Type LoadWide(out AssemblyLoadContext context)
    {
        GenerationResult result = GeneratorHarness.Generate("/specs/wide.openapi.yaml", WideSpec);
        Assert.Empty(result.CompilationProblems);
        context = new AssemblyLoadContext("wide", isCollectible: true);
        using MemoryStream image = new();
        Assert.True(result.Output.Emit(image).Success);
        image.Position = 0;
        return context.LoadFromStream(image).GetExportedTypes().Single(t => t.Name == "Wide");
    }
}
