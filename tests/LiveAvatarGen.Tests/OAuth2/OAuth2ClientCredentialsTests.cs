// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using LiveAvatarGen.Runtime.Errors;
using LiveAvatarGen.Runtime.Http;
using LiveAvatarGen.Tests.Harness;
using OAuth2.Api;
using Xunit;

namespace LiveAvatarGen.Tests.OAuth2;

/// <summary>
/// The OAuth2 client credentials flow end to end: the client generated from <c>Specs/oauth2.openapi.yaml</c> fetches,
/// caches and refreshes its token from a real Kestrel token endpoint on loopback, and fails with
/// <see cref="ApiTokenException"/> when the endpoint does.
/// </summary>
public sealed class OAuth2ClientCredentialsTests
{
    private static MachineClientOptions Options(OAuth2TokenServer server, ApiClock? clock = null) => new()
    {
        BaseAddress = server.BaseAddress,
        OAuth2ClientId = OAuth2TokenServer.ClientId,
        OAuth2ClientSecret = OAuth2TokenServer.ClientSecret,
        Clock = clock ?? ApiClock.System,
    };

    [Fact]
    public async Task TheTokenIsRequestedOnceWithTheSpecsRelativeTokenUrlAndScopesThenSentAsBearerOnEveryCall()
    {
        await using OAuth2TokenServer server = await OAuth2TokenServer.StartAsync();
        using HttpClient http = new();
        MachineClient client = new(http, Options(server));

        Thing first = await client.GetThingAsync("a");
        Thing second = await client.GetThingAsync("b");
        Thing third = await new MachineClient(http, client.Options).GetThingAsync("c");

        Assert.Equal(new[] { "tok-1", "tok-1", "tok-1" }, new[] { first.Name, second.Name, third.Name });
        RecordedRequest token = Assert.Single(server.TokenRequests);
        Assert.Equal("POST", token.Method);
        Assert.Equal("grant_type=client_credentials&scope=things.read+things.write", token.Body);
        Assert.StartsWith("application/x-www-form-urlencoded", token.Headers["Content-Type"], StringComparison.Ordinal);
        // client_secret_basic: id and secret form-encoded, then joined and base64-encoded (RFC 6749 section 2.3.1).
        string basic = Encoding.UTF8.GetString(Convert.FromBase64String(token.Headers["Authorization"].Substring("Basic ".Length)));
        Assert.Equal("machine-7:s3cret-%C3%98%2B%2F%3D", basic);
        Assert.All(server.ApiRequests, r => Assert.Equal("Bearer tok-1", r.Headers["Authorization"]));
    }

    [Fact]
    public async Task TheTokenIsRefreshedAMarginBeforeItExpiresAndAShortLifetimeAtHalfOfIt()
    {
        await using OAuth2TokenServer server = await OAuth2TokenServer.StartAsync();
        server.TokenAnswer = n => (200, "{\"access_token\":\"tok-" + n + "\",\"token_type\":\"bearer\",\"expires_in\":" + (n == 1 ? "600" : "\"40\"") + "}");
        ManualClock clock = new();
        using HttpClient http = new();
        MachineClient client = new(http, Options(server, clock));

        Assert.Equal("tok-1", (await client.GetThingAsync("a")).Name);
        clock.Advance(TimeSpan.FromSeconds(539));
        Assert.Equal("tok-1", (await client.GetThingAsync("a")).Name);
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("tok-2", (await client.GetThingAsync("a")).Name);

        // 40 s to live (sent as a string): the one-minute margin would refresh it on every call, so it is used for 20 s.
        clock.Advance(TimeSpan.FromSeconds(19));
        Assert.Equal("tok-2", (await client.GetThingAsync("a")).Name);
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("tok-3", (await client.GetThingAsync("a")).Name);
        Assert.Equal(3, server.TokenRequests.Count);
    }

    [Fact]
    public async Task SixtyFourConcurrentCallersShareOneTokenRequest()
    {
        await using OAuth2TokenServer server = await OAuth2TokenServer.StartAsync();
        server.TokenDelay = TimeSpan.FromMilliseconds(300);
        using HttpClient http = new();
        MachineClient client = new(http, Options(server));
        // One gate all 64 await, rather than a Barrier: blocking 64 pool threads made the pool grow one thread at a
        // time on a 2-core machine, a minute per run.
        TaskCompletionSource start = new(TaskCreationOptions.RunContinuationsAsynchronously);
        Task<Thing>[] calls = Enumerable.Range(0, 64).Select(async i =>
        {
            await start.Task;
            return await client.GetThingAsync("t" + i);
        }).ToArray();
        start.SetResult();
        Thing[] things = await Task.WhenAll(calls);

        Assert.Single(server.TokenRequests);
        Assert.All(things, t => Assert.Equal("tok-1", t.Name));
        Assert.Equal(64, server.ApiRequests.Count);
    }

    [Theory]
    [InlineData(400, "{\"error\":\"invalid_client\",\"error_description\":\"Unknown client or wrong secret s3cret-Ø+/=\"}", "invalid_client")]
    [InlineData(401, "{\"error\":\"invalid_client\"}", "invalid_client")]
    [InlineData(500, "<html>Internal Server Error</html>", null)]
    [InlineData(200, "garbage, not JSON", null)]
    [InlineData(200, "{\"token_type\":\"Bearer\",\"expires_in\":3600}", null)]
    [InlineData(200, "{\"access_token\":\"tok\",\"token_type\":\"mac\"}", null)]
    [InlineData(200, "{\"access_token\":42}", null)]
    [InlineData(302, "", null)]
    public async Task ATokenEndpointFailureIsAnApiTokenExceptionForEveryWaitingCallerAndIsNotCached(int status, string body, string? error)
    {
        await using OAuth2TokenServer server = await OAuth2TokenServer.StartAsync();
        server.TokenAnswer = _ => (status, body);
        server.TokenDelay = TimeSpan.FromMilliseconds(200);
        using HttpClient http = new(ApiHttp.CreateHandler());
        MachineClient client = new(http, Options(server));

        ApiTokenException[] failures = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Assert.ThrowsAsync<ApiTokenException>(() => client.GetThingAsync("a"))));
        ApiClientException again = await Assert.ThrowsAnyAsync<ApiClientException>(() => client.GetThingAsync("a"));

        Assert.Equal(2, server.TokenRequests.Count);
        Assert.Empty(server.ApiRequests);
        Assert.IsType<ApiTokenException>(again);
        ApiTokenException failure = failures[0];
        Assert.All(failures, f => Assert.Same(failure, f));
        Assert.Equal(status, failure.StatusCode);
        Assert.Equal(error, failure.Error);
        Assert.Equal(new Uri(server.BaseAddress, OAuth2TokenServer.TokenPath), failure.TokenEndpoint);
        Assert.Contains("/oauth/token", failure.Message, StringComparison.Ordinal);
        for (Exception? e = failure; e is not null; e = e.InnerException)
        {
            Assert.DoesNotContain(OAuth2TokenServer.ClientSecret, e.ToString(), StringComparison.Ordinal);
        }

        if (body == "garbage, not JSON")
        {
            Assert.IsAssignableFrom<JsonException>(failure.InnerException);
        }
    }

    [Fact]
    public async Task AnUnreachableTokenEndpointIsAnApiTokenExceptionWithoutStatus()
    {
        await using OAuth2TokenServer server = await OAuth2TokenServer.StartAsync();
        Uri closed;
        await using (LoopbackServer gone = await LoopbackServer.StartAsync(_ => Task.CompletedTask))
        {
            closed = new Uri(gone.BaseAddress, "/token");
        }

        using HttpClient http = new();
        MachineClientOptions options = Options(server);
        options.OAuth2TokenUrl = closed;

        ApiTokenException failure = await Assert.ThrowsAsync<ApiTokenException>(() => new MachineClient(http, options).GetThingAsync("a"));

        Assert.Null(failure.StatusCode);
        Assert.IsAssignableFrom<HttpRequestException>(failure.InnerException);
        Assert.Empty(server.Server.Requests);
    }

    [Fact]
    public async Task A401FromTheApiForgetsTheTokenOnceSoTheNextCallFetchesANewOne()
    {
        await using OAuth2TokenServer server = await OAuth2TokenServer.StartAsync();
        server.RefusedTokens.Add("tok-1");
        server.HoldRefusalsUntil = 4;
        using HttpClient http = new();
        MachineClient client = new(http, Options(server));

        ApiException[] refused = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Assert.ThrowsAnyAsync<ApiException>(() => client.GetThingAsync("a"))));
        Thing thing = await client.GetThingAsync("a");
        Thing again = await client.GetThingAsync("a");

        Assert.All(refused, r => Assert.Equal(401, r.StatusCode));
        Assert.Equal(("tok-2", "tok-2"), (thing.Name, again.Name));
        Assert.Equal(2, server.TokenRequests.Count);
    }

    [Fact]
    public async Task ClientSecretPostSendsTheCredentialsInTheFormAndScopesAndTokenUrlCanBeOverridden()
    {
        await using OAuth2TokenServer api = await OAuth2TokenServer.StartAsync();
        await using OAuth2TokenServer tokens = await OAuth2TokenServer.StartAsync();
        using HttpClient http = new();
        MachineClientOptions options = Options(api);
        options.OAuth2ClientAuthentication = OAuth2ClientAuthentication.Post;
        options.OAuth2Scopes = "things.read";
        options.OAuth2TokenUrl = new Uri(tokens.BaseAddress, OAuth2TokenServer.TokenPath);

        Thing thing = await new MachineClient(http, options).GetThingAsync("a");

        Assert.Equal("tok-1", thing.Name);
        Assert.Empty(api.TokenRequests);
        RecordedRequest token = Assert.Single(tokens.TokenRequests);
        Assert.Equal("grant_type=client_credentials&scope=things.read&client_id=machine-7&client_secret=s3cret-%C3%98%2B%2F%3D", token.Body);
        Assert.False(token.Headers.ContainsKey("Authorization"));
    }

    [Fact]
    public async Task ATokenSetInTheOptionsWinsAndOtherFlowsStayUserSuppliedBearerTokens()
    {
        await using OAuth2TokenServer server = await OAuth2TokenServer.StartAsync();
        using HttpClient http = new();
        MachineClientOptions options = Options(server);
        options.OAuth2 = "given";
        options.UserLogin = "user-token";
        MachineClient client = new(http, options);

        Thing thing = await client.GetThingAsync("a");
        Thing me = await client.GetMeAsync();

        Assert.Equal(("given", "user-token"), (thing.Name, me.Name));
        Assert.Empty(server.TokenRequests);
    }

    [Fact]
    public async Task WithoutClientIdOrSecretNoTokenIsRequestedAndNoCredentialSent()
    {
        await using OAuth2TokenServer server = await OAuth2TokenServer.StartAsync();
        using HttpClient http = new();

        Thing thing = await new MachineClient(http, new MachineClientOptions { BaseAddress = server.BaseAddress, OAuth2ClientId = "id-only" }).GetThingAsync("a");

        Assert.Equal("(none)", thing.Name);
        Assert.Empty(server.TokenRequests);
    }

    [Fact]
    public async Task ACallerCancellingItsWaitLeavesTheTokenRequestToTheOthers()
    {
        await using OAuth2TokenServer server = await OAuth2TokenServer.StartAsync();
        server.TokenDelay = TimeSpan.FromMilliseconds(400);
        using HttpClient http = new();
        MachineClient client = new(http, Options(server));
        using CancellationTokenSource cancel = new();

        Task<Thing> cancelled = client.GetThingAsync("a", cancel.Token);
        Task<Thing> waiting = client.GetThingAsync("b");
        await Task.Delay(100);
        cancel.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        Assert.Equal("tok-1", (await waiting).Name);
        Assert.Single(server.TokenRequests);
    }

    [Fact]
    public async Task ChangingTheSecretStartsANewGrantAndSecretsStayOutOfDisplays()
    {
        await using OAuth2TokenServer server = await OAuth2TokenServer.StartAsync();
        using HttpClient http = new();
        MachineClientOptions options = Options(server);
        MachineClient client = new(http, options);

        await client.GetThingAsync("a");
        OAuth2ClientCredentials grant = options.GetClientCredentials("OAuth2")!;
        Assert.Same(grant, options.GetClientCredentials("OAuth2"));
        options.OAuth2ClientSecret = "rotated";
        Assert.NotSame(grant, options.GetClientCredentials("OAuth2"));
        await client.GetThingAsync("a");

        Assert.Equal(2, server.TokenRequests.Count);
        Assert.DoesNotContain("rotated", options.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("rotated", options.GetClientCredentials("OAuth2")!.ToString(), StringComparison.Ordinal);
        Assert.Null(options.GetClientCredentials("UserLogin"));
    }
}
