// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Credits.Api;
using LiveAvatarGen.Runtime.Errors;
using LiveAvatarGen.Runtime.Http;
using LiveAvatarGen.Tests.Harness;
using Microsoft.AspNetCore.Http;
using Xunit;

namespace LiveAvatarGen.Tests.Faults;

/// <summary>
/// One clause catches every failure of a call (<see cref="ApiClientException"/>), and the BCL catches that matter
/// still work: a connection failure is an <see cref="HttpRequestException"/>, the caller's cancellation an
/// <see cref="OperationCanceledException"/>, a bad argument an <see cref="ArgumentException"/>.
/// </summary>
public sealed class ExceptionTreeTests
{
    /// <summary>One misbehaving server per failure kind, with the options it needs and the exception it must give.</summary>
    public static TheoryData<string> FailureKinds => new()
    {
        "status", "documented-status", "format", "validation", "too-large", "timeout", "redirect", "reset", "refused", "envelope",
    };

    [Theory]
    [MemberData(nameof(FailureKinds))]
    public async Task OneClauseCatchesEveryFailureKind(string kind)
    {
        (Type expected, ApiClientException? caught) = await CatchAsync(kind);

        Assert.NotNull(caught);
        Assert.IsType(expected, caught);
    }

    [Fact]
    public async Task AConnectionFailureIsStillAnHttpRequestException()
    {
        Uri address;
        await using (LoopbackServer gone = await LoopbackServer.StartAsync(LoopbackServer.Json(FaultTests.Envelope)))
        {
            address = gone.BaseAddress;
        }

        using HttpClient http = ApiHttp.CreateClient();
        HttpRequestException? caught = null;
        try
        {
            await FaultTests.Guard(FaultTests.Client(http, address).Users.GetUserCreditsAsync());
        }
        catch (HttpRequestException ex)
        {
            caught = ex;
        }

        ApiConnectionException connection = Assert.IsType<ApiConnectionException>(caught);
        Assert.False(connection.AfterHeaders);

        // As HttpClient itself reports a refused connection on .NET 8 and later.
        Assert.Equal(HttpRequestError.ConnectionError, caught!.HttpRequestError);
    }

    [Fact]
    public async Task AnErrorStatusCarriesItsStatusAsHttpRequestExceptionToo()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(LoopbackServer.Json("{\"error\":\"down\"}", 503));
        using HttpClient http = ApiHttp.CreateClient();

        HttpRequestException ex = await Assert.ThrowsAnyAsync<HttpRequestException>(() => FaultTests.Guard(FaultTests.Client(http, server.BaseAddress).Users.GetUserCreditsAsync()));

        // What EnsureSuccessStatusCode would have given, and the int the typed exception has always carried.
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ex.StatusCode);
        Assert.Equal(503, Assert.IsType<ApiException>(ex).StatusCode);
    }

    [Fact]
    public async Task TheCallersCancellationIsNotAClientFailure()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(LoopbackServer.Json(FaultTests.Envelope));
        using HttpClient http = ApiHttp.CreateClient();

        Exception ex = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => FaultTests.Guard(FaultTests.Client(http, server.BaseAddress).Users.GetUserCreditsAsync(cancellationToken: new CancellationToken(true))));

        Assert.IsNotAssignableFrom<ApiClientException>(ex);
    }

    [Fact]
    public void AnInvalidArgumentIsAProgrammingErrorNotAClientFailure()
    {
        using HttpClient http = ApiHttp.CreateClient();
        LiveAvatarClient client = FaultTests.Client(http, new Uri("http://127.0.0.1:9/"));

        ArgumentException ex = Assert.Throws<ArgumentException>(() => { _ = client.Users.GetUserCreditsAsync(laSession: "a\r\nX-Injected: 1"); });

        Assert.IsNotAssignableFrom<ApiClientException>(ex);
    }

    [Fact]
    public void AValueBuiltInCodeThatBreaksItsRulesIsTheSameValidationError()
    {
        ApiValidationException ex = Assert.Throws<ApiValidationException>(() => new CreditsLeft("12,50"));

        Assert.IsAssignableFrom<ApiClientException>(ex);
        Assert.IsAssignableFrom<ApiDataException>(ex);
    }

    [Fact]
    public async Task AStreamWhoseConnectionIsRefusedIsAConnectionError()
    {
        Uri address;
        await using (LoopbackServer gone = await LoopbackServer.StartAsync(LoopbackServer.Json("{}")))
        {
            address = gone.BaseAddress;
        }

        using HttpClient http = ApiHttp.CreateClient();
        ApiConnectionException ex = await Assert.ThrowsAsync<ApiConnectionException>(() => DrainLinesAsync(http, address));

        Assert.False(ex.AfterHeaders);
        Assert.IsAssignableFrom<HttpRequestException>(ex.InnerException);
    }

    [Fact]
    public async Task AStreamWhoseConnectionBreaksMidwayIsAConnectionError()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(async context =>
        {
            context.Response.ContentType = "application/x-ndjson";
            await context.Response.WriteAsync("{\"seq\":1}\n{\"se");
            await context.Response.Body.FlushAsync();
            await Task.Delay(50);
            context.Abort();
        });
        using HttpClient http = ApiHttp.CreateClient();

        ApiConnectionException ex = await Assert.ThrowsAsync<ApiConnectionException>(() => DrainLinesAsync(http, server.BaseAddress));

        Assert.True(ex.AfterHeaders);
    }

    private static async Task<int> DrainLinesAsync(HttpClient http, Uri address)
    {
        Constructs.Api.ConstructsClient client = new(http, new Constructs.Api.ConstructsClientOptions { BaseAddress = address });
        using CancellationTokenSource guard = new(TimeSpan.FromSeconds(60));
        int count = 0;
        await foreach (Constructs.Api.Event unused in client.LinesAsync().WithCancellation(guard.Token))
        {
            count++;
        }

        return count;
    }

    private static async Task<(Type Expected, ApiClientException? Caught)> CatchAsync(string kind)
    {
        await using LoopbackServer other = await LoopbackServer.StartAsync(LoopbackServer.Json(FaultTests.Envelope));
        (Type Expected, Func<HttpContext, Task> Handler, Action<LiveAvatarClientOptions>? Configure, HttpMessageHandler? Transport) scenario = kind switch
        {
            "status" => (typeof(ApiException), LoopbackServer.Json("<html>down</html>", 500), null, null),
            "documented-status" => (typeof(ApiException<HTTPValidationError>), LoopbackServer.Json("{\"detail\":[]}", 422), null, null),
            "format" => (typeof(ApiResponseFormatException), LoopbackServer.Json("{\"code\":100,\"data\":{"), null, null),
            "validation" => (typeof(ApiValidationException), LoopbackServer.Json("{\"code\":100,\"data\":{\"credits_left\":\"12,50\"},\"message\":\"ok\"}"), null, null),
            "too-large" => (typeof(ApiResponseTooLargeException), LoopbackServer.Json(FaultTests.Envelope), o => o.MaxResponseBodyBytes = 8, null),
            "timeout" => (typeof(ApiTimeoutException), Stall, o => o.Timeout = TimeSpan.FromMilliseconds(200), null),
            "redirect" => (typeof(ApiRedirectException), RedirectTo(other.BaseAddress), null, new HttpClientHandler()),
            "reset" => (typeof(ApiConnectionException), ResetMidBody, null, null),
            "refused" => (typeof(ApiConnectionException), LoopbackServer.Json(FaultTests.Envelope), null, null),
            "envelope" => (typeof(ApiEnvelopeException), LoopbackServer.Json("{\"code\":1001,\"data\":null,\"message\":\"suspended\"}"), null, null),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };
        (Type expected, Func<HttpContext, Task> handler, Action<LiveAvatarClientOptions>? configure, HttpMessageHandler? transport) = scenario;

        LoopbackServer? server = await LoopbackServer.StartAsync(handler);
        Uri address = server.BaseAddress;
        if (kind == "refused")
        {
            // Nothing listens there any more.
            await server.DisposeAsync();
            server = null;
        }

        using HttpClient http = transport is null ? ApiHttp.CreateClient() : new HttpClient(transport);
        try
        {
            ApiEnvelope<UserCreditsSchema> response = await FaultTests.Guard(FaultTests.Client(http, address, configure).Users.GetUserCreditsAsync(laSession: "s"));
            _ = response.GetDataOrThrow();
            return (expected, null);
        }
        catch (ApiClientException ex)
        {
            return (expected, ex);
        }
        finally
        {
            if (server is not null)
            {
                await server.DisposeAsync();
            }
        }
    }

    private static Func<HttpContext, Task> RedirectTo(Uri location) => context =>
    {
        context.Response.StatusCode = 302;
        context.Response.Headers.Location = location.ToString();
        return Task.CompletedTask;
    };

    private static async Task Stall(HttpContext context)
    {
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(60), context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            // The client gave up, as it should.
        }
    }

    private static async Task ResetMidBody(HttpContext context)
    {
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = 1000;
        await context.Response.WriteAsync(FaultTests.Envelope.Substring(0, 30));
        await context.Response.Body.FlushAsync();
        await Task.Delay(50);
        context.Abort();
    }
}
