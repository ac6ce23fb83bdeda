// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LiveAvatarGen.Runtime.Http;
using LiveAvatarGen.Tests.Harness;
using Microsoft.AspNetCore.Http;

namespace LiveAvatarGen.Tests.OAuth2;

/// <summary>
/// One Kestrel loopback server playing both parts of <c>Specs/oauth2.openapi.yaml</c>: the token endpoint at
/// <c>/oauth/token</c> (the spec's relative tokenUrl) and the API (<c>/things/{id}</c>, <c>/me</c>), which echoes the
/// bearer token it received as the thing's name.
/// </summary>
internal sealed class OAuth2TokenServer : IAsyncDisposable
{
    public const string ClientId = "machine-7";
    public const string ClientSecret = "s3cret-Ø+/=";
    public const string TokenPath = "/oauth/token";

    private int _tokensIssued;

    private OAuth2TokenServer(LoopbackServer server) => Server = server;

    public LoopbackServer Server { get; }

    public Uri BaseAddress => Server.BaseAddress;

    /// <summary>What the token endpoint answers: status and body; by default a fresh token per request, living an hour.</summary>
    public Func<int, (int Status, string Body)> TokenAnswer { get; set; } = n => (200, "{\"access_token\":\"tok-" + n + "\",\"token_type\":\"Bearer\",\"expires_in\":3600,\"scope\":\"things.read\"}");

    /// <summary>How long the token endpoint takes to answer, so that concurrent callers overlap.</summary>
    public TimeSpan TokenDelay { get; set; }

    /// <summary>The API answers 401 to a token in this set.</summary>
    public HashSet<string> RefusedTokens { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Holds every 401 until this many refused requests have arrived, so that concurrent callers all send the refused
    /// token before any of them learns it is refused (at most ten seconds: a missing request fails the test's
    /// assertions rather than hanging it). Zero answers at once.
    /// </summary>
    public int HoldRefusalsUntil { get; set; }

    private int _refusals;

    private readonly TaskCompletionSource _refusalsArrived = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IReadOnlyList<RecordedRequest> TokenRequests => Server.Requests.Where(r => r.PathAndQuery == TokenPath).ToList();

    public IReadOnlyList<RecordedRequest> ApiRequests => Server.Requests.Where(r => r.PathAndQuery != TokenPath).ToList();

    public static async Task<OAuth2TokenServer> StartAsync()
    {
        OAuth2TokenServer? self = null;
        LoopbackServer server = await LoopbackServer.StartAsync(context => self!.HandleAsync(context));
        self = new OAuth2TokenServer(server);
        return self;
    }

    public ValueTask DisposeAsync() => Server.DisposeAsync();

    private async Task HandleAsync(HttpContext context)
    {
        if (context.Request.Path == TokenPath)
        {
            int number = Interlocked.Increment(ref _tokensIssued);
            if (TokenDelay > TimeSpan.Zero)
            {
                await Task.Delay(TokenDelay);
            }

            (int status, string body) = TokenAnswer(number);
            context.Response.StatusCode = status;
            context.Response.ContentType = body.StartsWith('{') ? "application/json" : "text/plain";
            await context.Response.WriteAsync(body);
            return;
        }

        string authorization = context.Request.Headers.Authorization.ToString();
        string token = authorization.StartsWith("Bearer ", StringComparison.Ordinal) ? authorization.Substring("Bearer ".Length) : "(none)";
        if (RefusedTokens.Contains(token))
        {
            if (Interlocked.Increment(ref _refusals) >= HoldRefusalsUntil)
            {
                _refusalsArrived.TrySetResult();
            }

            await Task.WhenAny(_refusalsArrived.Task, Task.Delay(TimeSpan.FromSeconds(10)));
            context.Response.StatusCode = 401;
            return;
        }

        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync("{\"id\":\"t1\",\"name\":\"" + token + "\"}");
    }
}

/// <summary>A clock the test moves by hand.</summary>
internal sealed class ManualClock : ApiClock
{
    public DateTimeOffset Now { get; set; } = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => Now;

    public void Advance(TimeSpan by) => Now += by;
}
