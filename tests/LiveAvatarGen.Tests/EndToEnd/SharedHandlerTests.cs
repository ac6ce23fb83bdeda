// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.Linq;
using System.Net.Http;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using LiveAvatar.Api;
using LiveAvatarGen.Runtime.Errors;
using LiveAvatarGen.Runtime.Http;
using LiveAvatarGen.Tests.Harness;
using Xunit;

namespace LiveAvatarGen.Tests.EndToEnd;

/// <summary>
/// Operations that answer the same way (the same status codes, media kinds and types) share one response handler,
/// the first one's: declared in its file, internal when another sub-client uses it, private otherwise.
/// </summary>
public sealed class SharedHandlerTests
{
    private const string Spec = """
        openapi: 3.1.0
        info: { title: Pets, version: "1" }
        paths:
          /pets/{id}:
            get:
              operationId: getPet
              tags: [pets]
              parameters: [{ name: id, in: path, required: true, schema: { type: integer } }]
              responses:
                "200": { description: ok, content: { application/json: { schema: { $ref: "#/components/schemas/Pet" } } } }
                "404": { description: gone, content: { application/json: { schema: { $ref: "#/components/schemas/Problem" } } } }
          /pets/{id}/again:
            get:
              operationId: getPetAgain
              tags: [pets]
              parameters: [{ name: id, in: path, required: true, schema: { type: integer } }]
              responses:
                "200": { description: also ok, content: { application/json: { schema: { $ref: "#/components/schemas/Pet" } } } }
                "404": { description: also gone, content: { application/json: { schema: { $ref: "#/components/schemas/Problem" } } } }
          /store/pets/{id}:
            get:
              operationId: findPet
              tags: [store]
              parameters: [{ name: id, in: path, required: true, schema: { type: integer } }]
              responses:
                "200": { description: ok, content: { application/json: { schema: { $ref: "#/components/schemas/Pet" } } } }
                "404": { description: gone, content: { application/json: { schema: { $ref: "#/components/schemas/Problem" } } } }
          /pets:
            get:
              operationId: listPets
              tags: [pets]
              responses:
                "200": { description: ok, content: { application/json: { schema: { type: array, items: { $ref: "#/components/schemas/Pet" } } } } }
                "404": { description: gone, content: { application/json: { schema: { $ref: "#/components/schemas/Problem" } } } }
          /store/pets/{id}/created:
            get:
              operationId: findCreatedPet
              tags: [store]
              parameters: [{ name: id, in: path, required: true, schema: { type: integer } }]
              responses:
                "201": { description: created, content: { application/json: { schema: { $ref: "#/components/schemas/Pet" } } } }
                "404": { description: gone, content: { application/json: { schema: { $ref: "#/components/schemas/Problem" } } } }
        components:
          schemas:
            Pet: { type: object, properties: { id: { type: integer } } }
            Problem: { type: object, properties: { title: { type: string } } }
        """;

    private static readonly Regex s_handlerDeclaration = new(@"^    (private|internal) static [^\n]* (Handle\w+)\(global::LiveAvatarGen\.Runtime\.Http\.ApiResponseData response\)$", RegexOptions.Multiline);

    private static string FileOf(GenerationResult result, string method)
        => result.Sources.Single(s => s.HintName.EndsWith("." + method + ".g.cs", StringComparison.Ordinal)).SourceText.ToString();

    [Fact]
    public void OperationsThatAnswerTheSameWayShareTheFirstOnesHandlerAcrossSubClients()
    {
        GenerationResult result = GeneratorHarness.Generate("/specs/pets.openapi.yaml", Spec);

        Assert.Empty(result.GeneratorExceptions);
        Assert.Empty(result.CompilationProblems.Select(d => d.ToString()));
        string all = string.Join("\n", result.Sources.Select(s => s.SourceText.ToString()));
        // getPet's, listPets' (another body type) and findCreatedPet's (another status): three handlers for five operations.
        Assert.Equal(
            new[] { "internal HandleGetPet", "private HandleFindCreatedPet", "private HandleListPets" },
            s_handlerDeclaration.Matches(all).Select(m => m.Groups[1].Value + " " + m.Groups[2].Value).OrderBy(s => s, StringComparer.Ordinal).ToArray());
        Assert.Contains(" HandleGetPet(", FileOf(result, "GetPetAsync"), StringComparison.Ordinal);

        // The same sub-client names it as it is; the other one through the class that declares it.
        Assert.Contains(", HandleGetPet, ", FileOf(result, "GetPetAgainAsync"), StringComparison.Ordinal);
        string find = FileOf(result, "FindPetAsync");
        Assert.Contains(", PetsPetsClient.HandleGetPet, ", find, StringComparison.Ordinal);
        Assert.DoesNotMatch(s_handlerDeclaration, find);
    }

    [Fact]
    public void WithoutSubClientsTheSharedHandlerStaysPrivate()
    {
        GenerationResult result = GeneratorHarness.Generate("/specs/pets.openapi.yaml", Spec, groupByTag: "false");

        Assert.Empty(result.CompilationProblems.Select(d => d.ToString()));
        string all = string.Join("\n", result.Sources.Select(s => s.SourceText.ToString()));
        Assert.Equal(3, s_handlerDeclaration.Count(all));
        Assert.All(s_handlerDeclaration.Matches(all), m => Assert.Equal("private", m.Groups[1].Value));
        Assert.Contains(", HandleGetPet, ", FileOf(result, "FindPetAsync"), StringComparison.Ordinal);
    }

    /// <summary>
    /// The LiveAvatar client compiled into this assembly: deleting a voice answers like stopping a session (an
    /// envelope, or 422 with the validation error), so the voices sub-client calls the sessions sub-client's handler.
    /// </summary>
    [Fact]
    public async Task AnOperationUsingAnotherSubClientsHandlerReadsItsResultAndItsTypedErrorOnLoopback()
    {
        await using (LoopbackServer ok = await LoopbackServer.StartAsync(LoopbackServer.Json("{\"code\":100,\"data\":{\"deleted\":true},\"message\":\"Deleted\"}")))
        {
            using HttpClient http = ApiHttp.CreateClient();
            ApiEnvelope<System.Text.Json.JsonElement?> deleted = await Client(http, ok.BaseAddress).Voices.DeleteVoiceAsync("v1");
            Assert.Equal((100, "Deleted", true), (deleted.Code, deleted.Message, deleted.Data!.Value.GetProperty("deleted").GetBoolean()));
        }

        await using LoopbackServer invalid = await LoopbackServer.StartAsync(LoopbackServer.Json("{\"detail\":[{\"loc\":[\"path\",\"voice_id\"],\"msg\":\"bad id\",\"type\":\"value_error\"}]}", 422));
        using HttpClient again = ApiHttp.CreateClient();
        ApiException<HTTPValidationError> error = await Assert.ThrowsAsync<ApiException<HTTPValidationError>>(() => Client(again, invalid.BaseAddress).Voices.DeleteVoiceAsync("v1"));
        Assert.Equal((422, "bad id"), (error.StatusCode, error.Error.Detail![0].Msg));
    }

    private static LiveAvatarClient Client(HttpClient http, Uri baseAddress)
        => new(http, new LiveAvatarClientOptions { BaseAddress = baseAddress, APIKeyHeader = "key" });
}
