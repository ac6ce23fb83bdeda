// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Text.Json;
using LiveAvatarGen.Runtime.Errors;
using LiveAvatarGen.Tests.Harness;
using Xunit;

namespace LiveAvatarGen.Tests.ApiShape;

/// <summary>
/// A reader checks its required members with one comparison per 64 of them, and the error still names the first
/// member missing: the generated code, compiled and run, on an object with 66 required members (two words).
/// </summary>
public sealed class RequiredMemberTests
{
    private static readonly string[] s_names = Enumerable.Range(0, 66).Select(i => "r" + i.ToString("00", System.Globalization.CultureInfo.InvariantCulture)).ToArray();

    [Theory]
    [InlineData("r01", "r01")] // in the first word
    [InlineData("r65", "r65")] // in the second word
    [InlineData("r00,r64", "r00")] // the first missing member is named
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

    private static string Json(System.Collections.Generic.IEnumerable<string> names)
        => "{" + string.Join(",", names.Select(n => "\"" + n + "\":\"v" + n.Substring(1) + "\"")) + "}";

    private static Type LoadWide(out AssemblyLoadContext context)
    {
        string properties = string.Join(", ", s_names.Select(n => n + ": { type: string }"));
        string spec = $$"""
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
        GenerationResult result = GeneratorHarness.Generate("/specs/wide.openapi.yaml", spec);
        Assert.Empty(result.CompilationProblems);
        context = new AssemblyLoadContext("wide", isCollectible: true);
        using MemoryStream image = new();
        Assert.True(result.Output.Emit(image).Success);
        image.Position = 0;
        return context.LoadFromStream(image).GetExportedTypes().Single(t => t.Name == "Wide");
    }
}
