// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using Credits.Api;
using LiveAvatarGen.Runtime.Errors;
using LiveAvatarGen.Runtime.Http;
using LiveAvatarGen.Tests.Harness;
using Microsoft.AspNetCore.Http;
using Xunit;
using Full = LiveAvatar.Api;

namespace LiveAvatarGen.Tests.Faults;

/// <summary>
/// Redirects: the client follows them itself (the HttpClient from <see cref="ApiHttp.CreateClient"/> does not), keeps
/// credentials within the origin and drops them across origins. Two loopback servers on different ports are two origins.
/// </summary>
public sealed class RedirectTests
{
    private static Func<HttpContext, Task> RedirectTo(string location, int status = 302) => context =>
    {
        context.Response.StatusCode = status;
        context.Response.Headers.Location = location;
        return Task.CompletedTask;
    };

    [Fact]
    public void TheRecommendedHandlerLeavesRedirectsAndCookiesToTheClient()
    {
        using SocketsHttpHandler handler = Assert.IsType<SocketsHttpHandler>(ApiHttp.CreateHandler());

        Assert.False(handler.AllowAutoRedirect);
        Assert.False(handler.UseCookies);
        Assert.Equal(ApiHttp.PooledConnectionLifetime, handler.PooledConnectionLifetime);
    }

    [Theory]
    [InlineData(301)]
    [InlineData(302)]
    [InlineData(303)]
    [InlineData(307)]
    [InlineData(308)]
    public async Task CredentialsDoNotFollowARedirectToAnotherOrigin(int status)
    {
        await using LoopbackServer other = await LoopbackServer.StartAsync(LoopbackServer.Json(FaultTests.Envelope));
        await using LoopbackServer api = await LoopbackServer.StartAsync(RedirectTo(new Uri(other.BaseAddress, "/elsewhere?x=1").ToString(), status));
        using HttpClient http = ApiHttp.CreateClient();

        ApiEnvelope<UserCreditsSchema> response = await FaultTests.Guard(FaultTests.Client(http, api.BaseAddress).Users.GetUserCreditsAsync(laSession: "session-secret"));

        RecordedRequest first = Assert.Single(api.Requests);
        Assert.Equal("fault-key", first.Headers["X-API-KEY"]);
        Assert.Equal("la_session=session-secret", first.Headers["Cookie"]);
        RecordedRequest followed = Assert.Single(other.Requests);
        Assert.Equal("/elsewhere?x=1", followed.PathAndQuery);
        Assert.False(followed.Headers.ContainsKey("X-API-KEY"));
        Assert.False(followed.Headers.ContainsKey("Cookie"));
        Assert.False(followed.Headers.ContainsKey("Authorization"));
        Assert.Equal("12.50", response.GetDataOrThrow().CreditsLeft.Value);
    }

    [Fact]
    public async Task BearerTokenDoesNotFollowARedirectToAnotherOrigin()
    {
        await using LoopbackServer other = await LoopbackServer.StartAsync(LoopbackServer.Json("{\"code\":100,\"data\":null,\"message\":\"ok\"}"));
        await using LoopbackServer api = await LoopbackServer.StartAsync(RedirectTo(other.BaseAddress.ToString(), 307));
        using HttpClient http = ApiHttp.CreateClient();
        Full.LiveAvatarClient client = new(http, new Full.LiveAvatarClientOptions { BaseAddress = api.BaseAddress, HTTPBearer = "bearer-secret", Timeout = TimeSpan.FromSeconds(20) });

        await FaultTests.Guard(client.Sessions.StartSessionAsync());

        Assert.Equal("Bearer bearer-secret", Assert.Single(api.Requests).Headers["Authorization"]);
        Assert.False(Assert.Single(other.Requests).Headers.ContainsKey("Authorization"));
    }

    [Fact]
    public async Task A307ToAnotherOriginResendsTheBodyButNotTheCredentials()
    {
        const string token = "{\"code\":100,\"data\":{\"session_id\":\"3fa85f64-5717-4562-b3fc-2c963f66afa6\",\"session_token\":\"tok\"},\"message\":\"ok\"}";
        await using LoopbackServer other = await LoopbackServer.StartAsync(LoopbackServer.Json(token));
        await using LoopbackServer api = await LoopbackServer.StartAsync(RedirectTo(new Uri(other.BaseAddress, "/v2/token").ToString(), 307));
        using HttpClient http = ApiHttp.CreateClient();
        Full.LiveAvatarClient client = new(http, new Full.LiveAvatarClientOptions { BaseAddress = api.BaseAddress, APIKeyHeader = "key-secret", Timeout = TimeSpan.FromSeconds(20) });
        Full.FullSDKSessionTokenConfigDataSchema body = new() { AvatarId = Guid.NewGuid(), AvatarPersona = new Full.AvatarPersonaSchema() };

        await FaultTests.Guard(client.Sessions.CreateSessionTokenAsync(body));

        RecordedRequest followed = Assert.Single(other.Requests);
        Assert.Equal("POST", followed.Method);
        Assert.False(followed.Headers.ContainsKey("X-API-KEY"));
        using JsonDocument sent = JsonDocument.Parse(followed.Body);
        Assert.Equal("FULL", sent.RootElement.GetProperty("mode").GetString());
    }

    [Fact]
    public async Task A303TurnsAPostIntoAGetWithoutABody()
    {
        await using LoopbackServer other = await LoopbackServer.StartAsync(LoopbackServer.Json("{\"code\":100,\"data\":{\"session_id\":\"3fa85f64-5717-4562-b3fc-2c963f66afa6\",\"session_token\":\"t\"},\"message\":\"ok\"}"));
        await using LoopbackServer api = await LoopbackServer.StartAsync(RedirectTo(other.BaseAddress.ToString(), 303));
        using HttpClient http = ApiHttp.CreateClient();
        Full.LiveAvatarClient client = new(http, new Full.LiveAvatarClientOptions { BaseAddress = api.BaseAddress, APIKeyHeader = "k", Timeout = TimeSpan.FromSeconds(20) });

        await FaultTests.Guard(client.Sessions.CreateSessionTokenAsync(new Full.FullSDKSessionTokenConfigDataSchema { AvatarId = Guid.NewGuid(), AvatarPersona = new Full.AvatarPersonaSchema() }));

        RecordedRequest followed = Assert.Single(other.Requests);
        Assert.Equal("GET", followed.Method);
        Assert.Equal(string.Empty, followed.Body);
    }

    [Fact]
    public async Task CredentialsFollowARedirectWithinTheOrigin()
    {
        await using LoopbackServer api = await LoopbackServer.StartAsync(context =>
            context.Request.Path == "/v1/users/credits"
                ? RedirectTo("/v1/users/credits-moved", 308)(context)
                : LoopbackServer.Json(FaultTests.Envelope)(context));
        using HttpClient http = ApiHttp.CreateClient();

        await FaultTests.Guard(FaultTests.Client(http, api.BaseAddress).Users.GetUserCreditsAsync(laSession: "s"));

        Assert.Equal(2, api.Requests.Count);
        Assert.Equal("/v1/users/credits-moved", api.Requests[1].PathAndQuery);
        Assert.Equal("fault-key", api.Requests[1].Headers["X-API-KEY"]);
        Assert.Equal("la_session=s", api.Requests[1].Headers["Cookie"]);
    }

    [Fact]
    public async Task CredentialsDroppedOnceStayDroppedEvenWhenRedirectedBack()
    {
        LoopbackServer? api = null;
        await using LoopbackServer other = await LoopbackServer.StartAsync(context => RedirectTo(new Uri(api!.BaseAddress, "/back").ToString())(context));
        await using LoopbackServer apiServer = await LoopbackServer.StartAsync(context =>
            context.Request.Path == "/back" ? LoopbackServer.Json(FaultTests.Envelope)(context) : RedirectTo(other.BaseAddress.ToString())(context));
        api = apiServer;
        using HttpClient http = ApiHttp.CreateClient();

        await FaultTests.Guard(FaultTests.Client(http, apiServer.BaseAddress).Users.GetUserCreditsAsync());

        Assert.Equal(2, apiServer.Requests.Count);
        Assert.False(apiServer.Requests[1].Headers.ContainsKey("X-API-KEY"));
    }

    [Fact]
    public async Task ARedirectLoopEndsInAnApiExceptionForThe3xx()
    {
        await using LoopbackServer api = await LoopbackServer.StartAsync(RedirectTo("/v1/users/credits"));
        using HttpClient http = ApiHttp.CreateClient();

        ApiException ex = await Assert.ThrowsAsync<ApiException>(() => FaultTests.Guard(FaultTests.Client(http, api.BaseAddress).Users.GetUserCreditsAsync()));

        Assert.Equal(302, ex.StatusCode);
        Assert.Equal(ApiClientCore.MaxRedirects + 1, api.Requests.Count);
    }

    [Fact]
    public async Task ARedirectToAnotherSchemeIsNotFollowed()
    {
        await using LoopbackServer api = await LoopbackServer.StartAsync(RedirectTo("ftp://127.0.0.1/credits"));
        using HttpClient http = ApiHttp.CreateClient();

        ApiException ex = await Assert.ThrowsAsync<ApiException>(() => FaultTests.Guard(FaultTests.Client(http, api.BaseAddress).Users.GetUserCreditsAsync()));

        Assert.Equal(302, ex.StatusCode);
    }

    [Fact]
    public async Task AnHttpClientThatFollowsACrossOriginRedirectByItselfIsRefused()
    {
        // A default HttpClient follows redirects inside its handler and re-sends custom headers such as X-API-KEY;
        // the runtime cannot stop that, so it refuses the answer and says how to fix the HttpClient.
        await using LoopbackServer other = await LoopbackServer.StartAsync(LoopbackServer.Json(FaultTests.Envelope));
        await using LoopbackServer api = await LoopbackServer.StartAsync(RedirectTo(other.BaseAddress.ToString()));
        using HttpClient http = new();

        ApiRedirectException ex = await Assert.ThrowsAsync<ApiRedirectException>(() => FaultTests.Guard(FaultTests.Client(http, api.BaseAddress).Users.GetUserCreditsAsync()));

        Assert.Equal(api.BaseAddress.GetLeftPart(UriPartial.Authority), ex.FromOrigin);
        Assert.Equal(other.BaseAddress.GetLeftPart(UriPartial.Authority), ex.ToOrigin);
        Assert.Contains("ApiHttp.CreateHandler()", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("fault-key", ex.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnHttpClientThatFollowsASameOriginRedirectByItselfIsFine()
    {
        await using LoopbackServer api = await LoopbackServer.StartAsync(context =>
            context.Request.Path == "/v1/users/credits" ? RedirectTo("/moved")(context) : LoopbackServer.Json(FaultTests.Envelope)(context));
        using HttpClient http = new();

        ApiEnvelope<UserCreditsSchema> response = await FaultTests.Guard(FaultTests.Client(http, api.BaseAddress).Users.GetUserCreditsAsync());

        Assert.Equal("12.50", response.GetDataOrThrow().CreditsLeft.Value);
    }
}
