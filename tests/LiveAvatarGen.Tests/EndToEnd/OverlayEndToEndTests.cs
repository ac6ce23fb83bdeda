// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System.Collections.Generic;
using System.Net.Http;
using System.Threading.Tasks;
using LiveAvatarGen.Tests.Harness;
using Overlaid.Api;
using Xunit;

namespace LiveAvatarGen.Tests.EndToEnd;

/// <summary>
/// The client this test project builds from Specs/overlaid.openapi.yaml with its two overlays, passed by MSBuild like a
/// user's: <c>overlaid.openapi.overlay.yaml</c> by its name, <c>overlays/paging.overlay.json</c> by
/// <c>OpenApiOverlays</c> metadata. Called against loopback Kestrel.
/// </summary>
public sealed class OverlayEndToEndTests
{
    [Fact]
    public async Task TheOverlaidClientSendsTheAddedParameterAndReadsTheAddedMember()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(LoopbackServer.Json("[{\"id\":1,\"name\":\"Rex\"},{\"id\":2,\"name\":\"Tom\"}]"));
        using HttpClient http = new();
        PetsClient client = new(http, new PetsClientOptions { BaseAddress = server.BaseAddress });

        IReadOnlyList<Pet> pets = await client.Pets.ListPetsAsync(limit: 2);

        Assert.Equal("/pets?limit=2", Assert.Single(server.Requests).PathAndQuery);
        Assert.Equal(new[] { "Rex", "Tom" }, new[] { pets[0].Name, pets[1].Name });
    }

    [Fact]
    public void TheRemovedOperationIsNotGenerated()
    {
        Assert.Null(typeof(PetsPetsClient).GetMethod("DeleteAllPetsAsync"));
        Assert.Null(typeof(PetsPetsClient).GetMethod("ListPetsV1Async"));
    }
}
