// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using LiveAvatar.Api;
using LiveAvatarGen.Runtime.Http;
using LiveAvatarGen.Tests.Harness;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace LiveAvatarGen.Tests.EndToEnd;

/// <summary>Sub-clients per tag on the client generated from openapi.json, and the ...WithResponseAsync companions, against Kestrel.</summary>
public sealed class SubClientsEndToEndTests
{
    private const string AvatarPage = "{\"code\":100,\"data\":{\"count\":0,\"results\":[]},\"message\":\"ok\"}";

    [Fact]
    public void LiveAvatarHasOneSubClientPerTag()
    {
        string[] properties = typeof(ILiveAvatarClient).GetProperties().Select(p => p.Name).OrderBy(n => n, StringComparer.Ordinal).ToArray();

        Assert.Equal(new[] { "Avatar", "Contexts", "Embeddings", "LLMConfigurations", "Languages", "Memory", "Secrets", "Sessions", "Users", "Voices" }, properties);
        Assert.All(typeof(ILiveAvatarClient).GetProperties(), p => Assert.True(p.PropertyType.IsInterface, p.Name));

        // Every operation of the spec is tagged: none is left on the client itself.
        Assert.DoesNotContain(typeof(LiveAvatarClient).GetMethods(), m => m.Name.EndsWith("Async", StringComparison.Ordinal));
        // Eight operations, and ListSessions' auto-paging method.
        Assert.Equal(9, typeof(ILiveAvatarSessionsClient).GetMethods().Count(m => !m.Name.EndsWith("WithResponseAsync", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task ASubClientCallHitsItsRouteWithTheClientsCredentials()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(LoopbackServer.Json(AvatarPage));
        using HttpClient http = new();
        LiveAvatarClient client = new(http, new LiveAvatarClientOptions { BaseAddress = server.BaseAddress, APIKeyHeader = "key" });

        // Through the interface, as a consumer that mocks the client would call it.
        ILiveAvatarClient api = client;
        await api.Avatar.ListUserAvatarsAsync();

        RecordedRequest request = Assert.Single(server.Requests);
        Assert.Equal("GET", request.Method);
        Assert.StartsWith("/v1/avatars", request.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal("key", request.Headers["X-API-KEY"]);
        Assert.Same(client.Avatar, api.Avatar);
    }

    [Fact]
    public async Task SubClientsAndCompanionsGoThroughTheClientsHooks()
    {
        const string Envelope = "{\"code\":100,\"data\":{\"credits_left\":\"1.00\"},\"message\":\"ok\"}";
        await using LoopbackServer server = await LoopbackServer.StartAsync(LoopbackServer.Json(Envelope, 201));
        using HttpClient http = new();
        Credits.Api.LiveAvatarClient client = new(http, new Credits.Api.LiveAvatarClientOptions { BaseAddress = server.BaseAddress, APIKeyHeader = "key" });

        ApiResponse<Credits.Api.ApiEnvelope<Credits.Api.UserCreditsSchema>> response = await client.Users.GetUserCreditsWithResponseAsync();

        Assert.Equal(201, response.StatusCode);
        Assert.Equal(1, client.RequestsPrepared);
        Assert.Equal(201, client.LastStatusCode);
        RecordedRequest request = Assert.Single(server.Requests);
        Assert.Equal("/v1/users/credits", request.PathAndQuery);
        Assert.Equal("GetUserCredits", request.Headers["X-Operation"]);
        Assert.Equal("key", request.Headers["X-API-KEY"]);
        Assert.Equal("1.00", response.Value.GetDataOrThrow().CreditsLeft.Value);
    }

    [Fact]
    public async Task WithResponseGivesTheStatusHeadersAndBody()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(async context =>
        {
            context.Response.ContentType = "application/json";
            context.Response.Headers["X-Request-Id"] = "req-9";
            context.Response.Headers["X-Multi"] = new Microsoft.Extensions.Primitives.StringValues(new[] { "a", "b" });
            await Microsoft.AspNetCore.Http.HttpResponseWritingExtensions.WriteAsync(context.Response, AvatarPage);
        });
        using HttpClient http = new();
        LiveAvatarClient client = new(http, new LiveAvatarClientOptions { BaseAddress = server.BaseAddress, APIKeyHeader = "key" });

        ApiResponse<ApiEnvelope<PaginatedResponse<AvatarSchema>>> response = await client.Avatar.ListUserAvatarsWithResponseAsync();

        Assert.Equal(200, response.StatusCode);
        Assert.Equal("req-9", response.Headers.GetValue("x-request-id"));
        Assert.Equal(new[] { "a", "b" }, response.Headers["X-Multi"]);
        Assert.Equal("a, b", response.Headers.GetValue("X-Multi"));
        Assert.StartsWith("application/json", response.Headers.GetValue("Content-Type"), StringComparison.Ordinal);
        Assert.Equal(0, response.Value.GetDataOrThrow().Count);
    }

    [Fact]
    public async Task SubClientInterfacesResolveFromDependencyInjection()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(LoopbackServer.Json(AvatarPage));
        ServiceCollection services = new();
        services.AddLiveAvatarClient(configure: o =>
        {
            o.BaseAddress = server.BaseAddress;
            o.APIKeyHeader = "di-key";
        });
        await using ServiceProvider provider = services.BuildServiceProvider();

        ILiveAvatarAvatarClient avatars = provider.GetRequiredService<ILiveAvatarAvatarClient>();
        await avatars.ListUserAvatarsAsync();

        Assert.Equal("di-key", Assert.Single(server.Requests).Headers["X-API-KEY"]);
        Assert.IsType<LiveAvatarAvatarClient>(avatars);
    }
}
