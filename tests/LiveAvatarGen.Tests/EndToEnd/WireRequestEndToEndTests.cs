// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.Net.Http;
using System.Reflection;
using System.Threading.Tasks;
using Constructs.Api;
using LiveAvatarGen.Tests.Harness;
using Xunit;

namespace LiveAvatarGen.Tests.EndToEnd;

/// <summary>
/// What the generated client puts on the wire for headers, files, form fields and servers: each test asserts what a
/// loopback Kestrel server received (issue 9, "Wire truth").
/// </summary>
public sealed class WireRequestEndToEndTests
{
    private static ConstructsClient Client(HttpClient http, LoopbackServer server, Action<ConstructsClientOptions>? configure = null)
    {
        ConstructsClientOptions options = new() { BaseAddress = server.BaseAddress };
        configure?.Invoke(options);
        return new ConstructsClient(http, options);
    }

    private static Task NoContent(Microsoft.AspNetCore.Http.HttpContext context)
    {
        context.Response.StatusCode = 204;
        return Task.CompletedTask;
    }

    [Fact]
    public async Task EveryHeaderNameClassArrivesWithoutABody()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(NoContent);
        using HttpClient http = new();

        await Client(http, server, o => o.CookieKey = "c").GetWithHeadersAsync(
            xRequestId: "r-1",
            contentRange: "bytes 0-9/10",
            contentLanguage: "de",
            contentDisposition: "inline",
            contentEncoding: "identity",
            contentLocation: "/somewhere",
            contentMD5: "Q2hlY2sgSW50ZWdyaXR5IQ==",
            expires: "Thu, 01 Dec 1994 16:00:00 GMT",
            lastModified: "Wed, 21 Oct 2015 07:28:00 GMT",
            allow: "GET, PUT",
            authorization: "Token abc",
            proxyAuthorization: "Basic eDp5",
            cookie: "theme=dark");

        RecordedRequest request = Assert.Single(server.Requests);
        Assert.Equal("r-1", request.Headers["X-Request-Id"]);
        Assert.Equal("bytes 0-9/10", request.Headers["Content-Range"]);
        Assert.Equal("de", request.Headers["Content-Language"]);
        Assert.Equal("inline", request.Headers["Content-Disposition"]);
        Assert.Equal("identity", request.Headers["Content-Encoding"]);
        Assert.Equal("/somewhere", request.Headers["Content-Location"]);
        Assert.Equal("Q2hlY2sgSW50ZWdyaXR5IQ==", request.Headers["Content-MD5"]);
        Assert.Equal("Thu, 01 Dec 1994 16:00:00 GMT", request.Headers["Expires"]);
        Assert.Equal("Wed, 21 Oct 2015 07:28:00 GMT", request.Headers["Last-Modified"]);
        Assert.Equal("GET, PUT", request.Headers["Allow"]);
        Assert.Equal("Token abc", request.Headers["Authorization"]);
        Assert.Equal("Basic eDp5", request.Headers["Proxy-Authorization"]);
        Assert.Equal("theme=dark; session_key=c", request.Headers["Cookie"]);
        Assert.Equal(string.Empty, request.Body);
    }

    [Fact]
    public async Task ContentHeadersGoOnTheBodyAndTheAuthorizationArgumentWinsOverTheScheme()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(NoContent);
        using HttpClient http = new();

        await Client(http, server, o => o.Basic = "user:pw").PutWithHeadersAsync(
            "r-2",
            new Event { Seq = 1 },
            contentRange: "bytes 0-8/9",
            contentLanguage: "fr",
            authorization: "Token explicit");

        RecordedRequest request = Assert.Single(server.Requests);
        Assert.Equal("r-2", request.Headers["X-Request-Id"]);
        Assert.Equal("bytes 0-8/9", request.Headers["Content-Range"]);
        Assert.Equal("fr", request.Headers["Content-Language"]);
        Assert.Equal("Token explicit", request.Headers["Authorization"]);
        Assert.Equal("application/json", request.Headers["Content-Type"]);
        Assert.Equal("{\"seq\":1}", request.Body);
    }

    [Fact]
    public void AcceptAndContentTypeHeaderParametersAreIgnoredAsOpenApiSays()
    {
        MethodInfo method = typeof(ConstructsClient).GetMethod(nameof(ConstructsClient.GetWithHeadersAsync))!;

        Assert.DoesNotContain(method.GetParameters(), p => p.Name is "accept" or "contentType");
        Assert.Contains(method.GetParameters(), p => p.Name == "authorization");
    }

    [Fact]
    public async Task NullForARequiredReferenceIsAnArgumentNullExceptionNamingTheParameter()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(NoContent);
        using HttpClient http = new();
        ConstructsClient client = Client(http, server);

        ArgumentNullException body = await Assert.ThrowsAsync<ArgumentNullException>(() => client.PutWithHeadersAsync("r", null!));
        ArgumentNullException header = await Assert.ThrowsAsync<ArgumentNullException>(() => client.PutWithHeadersAsync(null!, new Event { Seq = 1 }));
        ArgumentNullException path = await Assert.ThrowsAsync<ArgumentNullException>(() => client.StylesAsync(null!, "m"));
        ArgumentNullException file = await Assert.ThrowsAsync<ArgumentNullException>(() => client.UploadAsync(null!));

        Assert.Equal("body", body.ParamName);
        Assert.Equal("xRequestId", header.ParamName);
        Assert.Equal("label", path.ParamName);
        Assert.Equal("file", file.ParamName);
        Assert.Empty(server.Requests);
    }
}
