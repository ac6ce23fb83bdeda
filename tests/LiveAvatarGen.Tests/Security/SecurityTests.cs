// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Reflection;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using LiveAvatarGen.Runtime.Errors;
using LiveAvatarGen.Runtime.Http;
using LiveAvatarGen.Runtime.Validation;
using LiveAvatarGen.Tests.Faults;
using LiveAvatarGen.Tests.Harness;
using Microsoft.AspNetCore.Http;
using Xunit;
using CreditsApi = Credits.Api;
using Full = LiveAvatar.Api;

namespace LiveAvatarGen.Tests.Security;

/// <summary>Secrets stay out of messages and displays; hostile values cannot change the request; patterns cannot hang.</summary>
public sealed class SecurityTests
{
    private const string ApiKey = "sk-live-KEY-4f1c9e";
    private const string Bearer = "eyJhbGciOi.BEARER-TOKEN.sig";
    private const string Session = "SESSION-COOKIE-77aa";

    private static readonly string[] s_secrets = { ApiKey, Bearer, Session };

    private static void AssertNoSecret(Exception ex)
    {
        for (Exception? e = ex; e is not null; e = e.InnerException)
        {
            foreach (string secret in s_secrets)
            {
                Assert.DoesNotContain(secret, e.Message, StringComparison.Ordinal);
                Assert.DoesNotContain(secret, e.ToString(), StringComparison.Ordinal);
                foreach (PropertyInfo property in e.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
                {
                    if (property.GetIndexParameters().Length == 0 && property.PropertyType == typeof(string))
                    {
                        Assert.DoesNotContain(secret, (string?)property.GetValue(e) ?? string.Empty, StringComparison.Ordinal);
                    }
                }
            }
        }
    }

    public static TheoryData<string> FailingServers() => new()
    {
        "500-html", "401-empty", "429", "invalid-json", "wrong-shape", "bad-pattern", "too-large", "reset", "stall", "redirect-auto",
    };

    private static Func<HttpContext, Task> Server(string kind, Func<Uri> otherServer) => kind switch
    {
        "500-html" => LoopbackServer.Json("<html>Internal error</html>", 500),
        "401-empty" => context =>
        {
            context.Response.StatusCode = 401;
            return Task.CompletedTask;
        },
        "429" => context =>
        {
            context.Response.StatusCode = 429;
            context.Response.Headers.RetryAfter = "3";
            return Task.CompletedTask;
        },
        "invalid-json" => LoopbackServer.Json("{\"code\":"),
        "wrong-shape" => LoopbackServer.Json("{\"code\":100,\"data\":[1],\"message\":\"x\"}"),
        "bad-pattern" => LoopbackServer.Json("{\"code\":100,\"data\":{\"credits_left\":\"abc\"},\"message\":\"x\"}"),
        "too-large" => LoopbackServer.Json(new string(' ', 5000) + FaultTests.Envelope),
        "reset" => context =>
        {
            context.Abort();
            return Task.CompletedTask;
        },
        "stall" => async context =>
        {
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(60), context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
            }
        },
        "redirect-auto" => context =>
        {
            context.Response.StatusCode = 302;
            context.Response.Headers.Location = otherServer().ToString();
            return Task.CompletedTask;
        },
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    [Theory]
    [MemberData(nameof(FailingServers))]
    public async Task ApiKeyAndSessionCookieNeverAppearInExceptions(string kind)
    {
        await using LoopbackServer other = await LoopbackServer.StartAsync(LoopbackServer.Json(FaultTests.Envelope));
        await using LoopbackServer server = await LoopbackServer.StartAsync(Server(kind, () => other.BaseAddress));
        // The auto-redirect case needs an HttpClient that follows redirects by itself; the others use the recommended one.
        using HttpClient http = kind == "redirect-auto" ? new HttpClient() : ApiHttp.CreateClient();
        CreditsApi.LiveAvatarClient client = new(http, new CreditsApi.LiveAvatarClientOptions
        {
            BaseAddress = server.BaseAddress,
            APIKeyHeader = ApiKey,
            // Long enough that the stalled request reaches the server first even when a busy machine is slow to
            // serve the first request of a new server (300 ms was not, under a parallel test run).
            Timeout = TimeSpan.FromMilliseconds(kind == "stall" ? 2_000 : 20_000),
            MaxResponseBodyBytes = 4096,
        });

        Exception ex = await Assert.ThrowsAnyAsync<Exception>(() => FaultTests.Guard(client.Users.GetUserCreditsAsync(laSession: Session)));

        Assert.IsNotType<NullReferenceException>(ex);
        Assert.Equal("LiveAvatarGen.Runtime.Errors", ex.GetType().Namespace);
        AssertNoSecret(ex);
        Assert.Equal(ApiKey, Assert.Single(server.Requests).Headers["X-API-KEY"]);
    }

    [Fact]
    public async Task BearerTokenNeverAppearsInExceptions()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(LoopbackServer.Json("<html>denied</html>", 403));
        using HttpClient http = ApiHttp.CreateClient();
        Full.LiveAvatarClient client = new(http, new Full.LiveAvatarClientOptions { BaseAddress = server.BaseAddress, HTTPBearer = Bearer });

        ApiException ex = await Assert.ThrowsAsync<ApiException>(() => FaultTests.Guard(client.Sessions.StartSessionAsync()));

        AssertNoSecret(ex);
        Assert.Equal("Bearer " + Bearer, Assert.Single(server.Requests).Headers["Authorization"]);
    }

    /// <summary>An API key in the query string is part of the URI: connection errors name the origin only.</summary>
    [Fact]
    public async Task QueryApiKeyNeverAppearsInConnectionErrors()
    {
        Uri address;
        await using (LoopbackServer gone = await LoopbackServer.StartAsync(LoopbackServer.Json("{}")))
        {
            address = gone.BaseAddress;
        }

        using HttpClient http = ApiHttp.CreateClient();
        ApiClientCore core = new(http, new QueryKeyOptions { BaseAddress = address }, null);
        ApiRequest request = new(HttpMethod.Get, "/v1/things");
        ApiSecurityScheme[][] security = { new[] { new ApiSecurityScheme("Key", ApiSecuritySchemeKind.ApiKeyQuery, "api_key") } };

        ApiConnectionException ex = await Assert.ThrowsAsync<ApiConnectionException>(() => FaultTests.Guard(core.SendAsync<int>(request, security, _ => 0, CancellationToken.None)));

        AssertNoSecret(ex);
        Assert.DoesNotContain("/v1/things", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OptionsToStringAndDebuggerDisplayHideCredentials()
    {
        Full.LiveAvatarClientOptions options = new() { APIKeyHeader = ApiKey, HTTPBearer = Bearer, BaseAddress = new Uri("https://api.example.com") };

        string text = options.ToString();

        Assert.Contains("credentials hidden", text, StringComparison.Ordinal);
        Assert.DoesNotContain(ApiKey, text, StringComparison.Ordinal);
        Assert.DoesNotContain(Bearer, text, StringComparison.Ordinal);
        DebuggerDisplayAttribute display = typeof(ApiClientOptions).GetCustomAttribute<DebuggerDisplayAttribute>(inherit: true)!;
        Assert.Equal("{ToString(),nq}", display.Value);
        foreach (string name in new[] { nameof(Full.LiveAvatarClientOptions.APIKeyHeader), nameof(Full.LiveAvatarClientOptions.HTTPBearer) })
        {
            DebuggerBrowsableAttribute? browsable = typeof(Full.LiveAvatarClientOptions).GetProperty(name)!.GetCustomAttribute<DebuggerBrowsableAttribute>();
            Assert.Equal(DebuggerBrowsableState.Never, browsable?.State);
        }
    }

    [Fact]
    public void RequestToStringAndDebuggerDisplayShowOnlyMethodAndPath()
    {
        ApiRequest request = new(HttpMethod.Get, "/v1/users/credits");
        request.AddCredentialHeader("X-API-KEY", ApiKey);
        request.AddHeader("Authorization", "Bearer " + Bearer);
        request.AddCookie("la_session", Session);
        request.AddQuery("api_key", ApiKey);

        Assert.Equal("GET /v1/users/credits", request.ToString());
        Assert.Equal("{ToString(),nq}", typeof(ApiRequest).GetCustomAttribute<DebuggerDisplayAttribute>()!.Value);
        foreach (FieldInfo field in typeof(ApiRequest).GetFields(BindingFlags.NonPublic | BindingFlags.Instance).Where(f => !f.Name.Contains("BackingField", StringComparison.Ordinal)))
        {
            Assert.Equal(DebuggerBrowsableState.Never, field.GetCustomAttribute<DebuggerBrowsableAttribute>()?.State);
        }
    }

    // ---- CR/LF injection ----------------------------------------------------------------------------------------

    [Theory]
    [InlineData("abc\r\nX-Injected: 1")]
    [InlineData("abc\nX-Injected: 1")]
    [InlineData("abc\rX")]
    [InlineData("abc\0")]
    public async Task CookieParameterWithCrLfIsRefusedBeforeSending(string session)
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(LoopbackServer.Json(FaultTests.Envelope));
        using HttpClient http = ApiHttp.CreateClient();
        CreditsApi.LiveAvatarClient client = new(http, new CreditsApi.LiveAvatarClientOptions { BaseAddress = server.BaseAddress, APIKeyHeader = "k" });

        ArgumentException ex = Assert.Throws<ArgumentException>(() => { _ = client.Users.GetUserCreditsAsync(laSession: session); });

        Assert.Equal("value", ex.ParamName);
        Assert.Contains("la_session", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("X-Injected", ex.Message, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }

    [Theory]
    [InlineData("key\r\nX-Injected: 1")]
    [InlineData("key\n")]
    public async Task ApiKeyWithCrLfIsRefusedBeforeSending(string key)
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(LoopbackServer.Json(FaultTests.Envelope));
        using HttpClient http = ApiHttp.CreateClient();
        CreditsApi.LiveAvatarClient client = new(http, new CreditsApi.LiveAvatarClientOptions { BaseAddress = server.BaseAddress, APIKeyHeader = key });

        ArgumentException ex = await Assert.ThrowsAsync<ArgumentException>(() => client.Users.GetUserCreditsAsync());

        Assert.DoesNotContain("key", ex.Message.Replace("X-API-KEY", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task BearerTokenWithCrLfIsRefusedBeforeSending()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(LoopbackServer.Json("{}"));
        using HttpClient http = ApiHttp.CreateClient();
        Full.LiveAvatarClient client = new(http, new Full.LiveAvatarClientOptions { BaseAddress = server.BaseAddress, HTTPBearer = "tok\r\nX-Injected: 1" });

        await Assert.ThrowsAsync<ArgumentException>(() => client.Sessions.StartSessionAsync());

        Assert.Empty(server.Requests);
    }

    // ---- Path and query -------------------------------------------------------------------------------------------

    [Theory]
    [InlineData("..%2Fadmin", "/v1/sessions/..%252Fadmin")]
    [InlineData("%2e%2e", "/v1/sessions/%252e%252e")]
    [InlineData("a#frag", "/v1/sessions/a%23frag")]
    [InlineData("a\\b", "/v1/sessions/a%5Cb")]
    [InlineData("/admin", "/v1/sessions/%2Fadmin")]
    [InlineData("...", "/v1/sessions/...")]
    [InlineData("a b+c&d=e;f", "/v1/sessions/a%20b%2Bc%26d%3De%3Bf")]
    [InlineData("é/ü", "/v1/sessions/%C3%A9%2F%C3%BC")]
    [InlineData("x\r\nHost: evil", "/v1/sessions/x%0D%0AHost%3A%20evil")]
    public async Task PathParametersAreEscapedIntoOneSegment(string id, string expectedTarget)
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(LoopbackServer.Json("{\"code\":100,\"data\":null,\"message\":\"ok\"}"));
        using HttpClient http = ApiHttp.CreateClient();
        Full.LiveAvatarClient client = new(http, new Full.LiveAvatarClientOptions { BaseAddress = server.BaseAddress, APIKeyHeader = "k" });

        await FaultTests.Guard(client.Sessions.GetSessionAsync(id));

        Assert.Equal(expectedTarget, Assert.Single(server.Requests).PathAndQuery);
    }

    [Theory]
    [InlineData("a=b&type=historic", "a%3Db%26type%3Dhistoric")]
    [InlineData("#frag?x", "%23frag%3Fx")]
    [InlineData("1+1 %20", "1%2B1%20%2520")]
    [InlineData("line\r\nbreak", "line%0D%0Abreak")]
    [InlineData("ünï", "%C3%BCn%C3%AF")]
    public async Task QueryValuesAreEncodedAndArriveUnchanged(string value, string encoded)
    {
        string? received = null;
        await using LoopbackServer server = await LoopbackServer.StartAsync(context =>
        {
            received = context.Request.Query["avatar_id"];
            return LoopbackServer.Json("{\"code\":100,\"data\":{\"count\":0,\"results\":[]},\"message\":\"ok\"}")(context);
        });
        using HttpClient http = ApiHttp.CreateClient();
        Full.LiveAvatarClient client = new(http, new Full.LiveAvatarClientOptions { BaseAddress = server.BaseAddress, APIKeyHeader = "k" });

        await FaultTests.Guard(client.Sessions.ListSessionsAsync(Full.ListSessionsType.Active, avatarId: value));

        Assert.Equal("/v1/sessions?type=active&avatar_id=" + encoded, Assert.Single(server.Requests).PathAndQuery);
        Assert.Equal(value, received);
    }

    // ---- Patterns ---------------------------------------------------------------------------------------------------

    [Theory]
    [InlineData("^(a+)+$")]
    [InlineData("^(a|aa)+$")]
    [InlineData("^(\\w+\\s?)*$")]
    public void CatastrophicPatternEndsInAValidationExceptionNotAHang(string pattern)
    {
        Regex regex = ApiRegex.Create(pattern);
        string hostile = new string('a', 5000) + "!";

        ApiValidationException ex = Assert.Throws<ApiValidationException>(() => StringRules.Check(hostile, "Hostile", regex, pattern, -1, -1));

        Assert.IsType<RegexMatchTimeoutException>(ex.InnerException);
        Assert.Contains("could not be checked", ex.Rule, StringComparison.Ordinal);
        Assert.Equal("Hostile", ex.TypeName);
        Assert.True(ex.ShownValue.Length < 100);
        Assert.NotNull(StringRules.FindBrokenRule(hostile, regex, pattern, -1, -1, out Exception? cause));
        Assert.IsType<RegexMatchTimeoutException>(cause);
    }

    [Fact]
    public void GeneratedPatternsCarryAMatchTimeout()
    {
        Assert.Equal(ApiRegex.MatchTimeout, ApiRegex.Create("^a$").MatchTimeout);
        Assert.NotEqual(Regex.InfiniteMatchTimeout, ApiRegex.MatchTimeout);
        FieldInfo field = typeof(CreditsApi.CreditsLeft).GetField("s_pattern", BindingFlags.NonPublic | BindingFlags.Static)!;
        Assert.Equal(ApiRegex.MatchTimeout, ((Regex)field.GetValue(null)!).MatchTimeout);
    }

    private sealed class QueryKeyOptions : ApiClientOptions
    {
        public override string? GetCredential(string schemeName) => schemeName == "Key" ? ApiKey : null;
    }

}
