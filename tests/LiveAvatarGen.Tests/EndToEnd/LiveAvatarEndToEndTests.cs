// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using LiveAvatar.Api;
using LiveAvatarGen.Tests.Harness;
using Xunit;

namespace LiveAvatarGen.Tests.EndToEnd;

/// <summary>The client generated from the full openapi.json, against real Kestrel on loopback.</summary>
public sealed class LiveAvatarEndToEndTests
{
    private static LiveAvatarClient Client(HttpClient http, LoopbackServer server) =>
        new(http, new LiveAvatarClientOptions { BaseAddress = server.BaseAddress, APIKeyHeader = "key", HTTPBearer = "token" });

    [Fact]
    public async Task OneOfBodyIsSentAsTheChosenVariant()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(LoopbackServer.Json("{\"code\":100,\"data\":{\"session_id\":\"3fa85f64-5717-4562-b3fc-2c963f66afa6\",\"session_token\":\"tok\"},\"message\":\"ok\"}"));
        using HttpClient http = new();
        Guid avatar = Guid.Parse("11111111-2222-3333-4444-555555555555");
        FullSDKSessionTokenConfigDataSchema full = new() { AvatarId = avatar, AvatarPersona = new AvatarPersonaSchema() };

        ApiEnvelope<SDKSessionTokenSchema> response = await Client(http, server).Sessions.CreateSessionTokenAsync(full);

        RecordedRequest request = Assert.Single(server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/v1/sessions/token", request.PathAndQuery);
        Assert.Equal("key", request.Headers["X-API-KEY"]);
        Assert.False(request.Headers.ContainsKey("Authorization"), "only the first complete security alternative is applied");
        using JsonDocument body = JsonDocument.Parse(request.Body);
        Assert.Equal("FULL", body.RootElement.GetProperty("mode").GetString());
        Assert.Equal(avatar, body.RootElement.GetProperty("avatar_id").GetGuid());
        Assert.Equal("tok", response.GetDataOrThrow().SessionToken);
    }

    [Fact]
    public async Task QueryParametersAreEncodedAndOptionalOnesLeftOut()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(LoopbackServer.Json("{\"code\":100,\"data\":{\"count\":0,\"results\":[]},\"message\":\"ok\"}"));
        using HttpClient http = new();

        var response = await Client(http, server).Sessions.ListSessionsAsync(ListSessionsType.Active, page: 2, avatarId: "a b&c");

        Assert.Equal("/v1/sessions?type=active&page=2&avatar_id=a%20b%26c", Assert.Single(server.Requests).PathAndQuery);
        Assert.Equal(0, response.GetDataOrThrow().Count);
    }

    [Theory]
    [InlineData("../admin", "/v1/sessions/..%2Fadmin")]
    [InlineData("a/b?x=1", "/v1/sessions/a%2Fb%3Fx%3D1")]
    public async Task PathParametersCannotChangeTheTarget(string id, string expectedTarget)
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(LoopbackServer.Json("{\"code\":100,\"data\":null,\"message\":\"ok\"}"));
        using HttpClient http = new();

        await Client(http, server).Sessions.GetSessionAsync(id);

        Assert.Equal(expectedTarget, Assert.Single(server.Requests).PathAndQuery);
    }

    [Theory]
    [InlineData("..")]
    [InlineData(".")]
    [InlineData("")]
    public async Task DotSegmentsAndEmptyPathValuesAreRefusedBeforeSending(string id)
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(LoopbackServer.Json("{}"));
        using HttpClient http = new();

        await Assert.ThrowsAsync<ArgumentException>(() => Client(http, server).Sessions.GetSessionAsync(id));

        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task NoContentResponseCompletes()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(context =>
        {
            context.Response.StatusCode = 204;
            return Task.CompletedTask;
        });
        using HttpClient http = new();

        await Client(http, server).Memory.DeleteMemoryAsync("m1");

        Assert.Equal("DELETE", Assert.Single(server.Requests).Method);
    }

    [Fact]
    public async Task UnionResponsesKeepTheirJsonAndOfferEachVariant()
    {
        const string session = "{\"id\":\"3fa85f64-5717-4562-b3fc-2c963f66afa6\",\"created_at\":\"2026-01-01T10:00:00Z\",\"status\":\"ACTIVE\",\"mode\":\"FULL\",\"future_field\":1}";
        await using LoopbackServer server = await LoopbackServer.StartAsync(LoopbackServer.Json("{\"code\":100,\"data\":" + session + ",\"message\":\"ok\"}"));
        using HttpClient http = new();

        var data = (await Client(http, server).Sessions.GetSessionAsync("s")).GetDataOrThrow();

        Assert.Contains("future_field", data.Raw.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenEnumsKeepUnknownValues()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(LoopbackServer.Json("{\"code\":100,\"data\":{\"count\":1,\"results\":[{\"id\":\"3fa85f64-5717-4562-b3fc-2c963f66afa6\",\"name\":\"n\",\"type\":\"HOLOGRAM\",\"status\":\"ACTIVE\",\"created_at\":\"2026-01-01T00:00:00Z\",\"updated_at\":\"2026-01-01T00:00:00Z\",\"error_message\":\"\"}]},\"message\":\"ok\"}"));
        using HttpClient http = new();

        var page = (await Client(http, server).Avatar.ListUserAvatarsAsync()).GetDataOrThrow();

        AvatarSchema avatar = Assert.Single(page.Results);
        Assert.Equal("HOLOGRAM", avatar.Type?.Value);
        Assert.False(avatar.Type?.IsKnown);
        Assert.True(avatar.Status?.IsKnown);
    }
}
