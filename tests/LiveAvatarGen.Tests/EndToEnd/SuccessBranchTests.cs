// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System.Net.Http;
using System.Threading.Tasks;
using Constructs.Api;
using LiveAvatarGen.Runtime.Errors;
using LiveAvatarGen.Tests.Harness;
using Xunit;

namespace LiveAvatarGen.Tests.EndToEnd;

/// <summary>
/// An operation with one documented success (<c>getPet</c>: 200 with a Pet) has one 2xx branch in its handler
/// (<c>status != 200 &amp;&amp; response.Body.IsEmpty ? default! : read</c>); against loopback Kestrel the documented
/// status still must carry its body, and an undocumented 2xx is read as the same type or, empty, gives no result.
/// </summary>
public sealed class SuccessBranchTests
{
    private static async Task<Pet> GetAsync(string json, int status)
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(LoopbackServer.Json(json, status));
        using HttpClient http = new();
        return await new ConstructsClient(http, new ConstructsClientOptions { BaseAddress = server.BaseAddress, QueryKey = "k" }).GetPetAsync(7);
    }

    [Theory]
    [InlineData(200)]
    [InlineData(203)]
    public async Task TheDocumentedStatusAndAnUndocumentedSuccessAreReadAsThePet(int status)
    {
        Pet pet = await GetAsync("{\"id\":8,\"name\":\"Tom\",\"kind\":\"cat\"}", status);

        Assert.Equal((8L, "Tom", PetKind.Cat), (pet.Id, pet.Name, pet.Kind));
    }

    [Fact]
    public async Task AnEmptyBodyOnTheDocumentedStatusIsAFormatError()
        => await Assert.ThrowsAsync<ApiResponseFormatException>(() => GetAsync(string.Empty, 200));

    [Fact]
    public async Task AnEmptyBodyOnAnUndocumentedSuccessGivesNoResult()
        => Assert.Null(await GetAsync(string.Empty, 203));
}
