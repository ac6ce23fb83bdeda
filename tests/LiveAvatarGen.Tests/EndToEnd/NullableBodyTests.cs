// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System.Net.Http;
using System.Threading.Tasks;
using Constructs.Api;
using LiveAvatarGen.Runtime.Errors;
using LiveAvatarGen.Tests.Harness;
using Xunit;

namespace LiveAvatarGen.Tests.EndToEnd;

/// <summary>
/// An operation whose result may be null (one success has no body), against loopback Kestrel: the handler reads the
/// body with <c>ApiResponseData.ReadJsonOrNull</c> and the class's own reader, so JSON null is null, an object is
/// read, and an empty or malformed body is still the usual format error.
/// </summary>
public sealed class NullableBodyTests
{
    private static readonly Pet Sent = new() { Id = 7, Name = "Rex", Kind = PetKind.Dog };

    private static async Task<Pet?> CreateAsync(string json, int status = 200)
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(LoopbackServer.Json(json, status));
        using HttpClient http = new();
        return await new ConstructsClient(http, new ConstructsClientOptions { BaseAddress = server.BaseAddress }).CreatePetAsync(Sent);
    }

    [Fact]
    public async Task JsonNullIsNull() => Assert.Null(await CreateAsync("null"));

    [Fact]
    public async Task AnObjectIsReadByTheClassesReader()
    {
        Pet? pet = await CreateAsync("{\"id\":8,\"name\":\"Tom\",\"kind\":\"cat\"}", 201);

        Assert.Equal((8L, "Tom", PetKind.Cat), (pet!.Id, pet.Name, pet.Kind));
    }

    [Fact]
    public async Task ContentAfterTheNullIsAFormatError()
        => await Assert.ThrowsAsync<ApiResponseFormatException>(() => CreateAsync("null null"));

    [Fact]
    public async Task AnEmptyBodyWhereTheStatusPromisesOneIsAFormatError()
        => await Assert.ThrowsAsync<ApiResponseFormatException>(() => CreateAsync(string.Empty));
}
