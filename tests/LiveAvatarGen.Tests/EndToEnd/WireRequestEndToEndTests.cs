// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Reflection;
using System.Text;
using System.Threading.Tasks;
using Constructs.Api;
using LiveAvatarGen.Runtime.Http;
using LiveAvatarGen.Tests.Harness;
using Microsoft.AspNetCore.Http;
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

    private static Task NoContent(HttpContext context)
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

    [Fact]
    public async Task ListsOfFilesSendOnePartPerFileHoweverTheSpecSpellsThem()
    {
        List<string> received = new();
        await using LoopbackServer server = await LoopbackServer.StartAsync(async context =>
        {
            IFormCollection form = await context.Request.ReadFormAsync();
            foreach (IFormFile file in form.Files)
            {
                using StreamReader reader = new(file.OpenReadStream());
                received.Add(file.Name + ":" + file.FileName + ":" + file.ContentType + ":" + await reader.ReadToEndAsync());
            }

            received.AddRange(form.Where(f => f.Key == "tags").Select(f => "tags=" + string.Join("|", f.Value.ToArray())));
            context.Response.ContentType = "text/plain";
            await context.Response.WriteAsync("ok");
        });
        using HttpClient http = new();

        await Client(http, server).UploadFilesAsync(
            new[] { File("a.txt", "A", "text/plain"), File("b.txt", "B", "text/plain") },
            optionalFiles: new[] { File("c.bin", "C"), File("d.bin", "D") },
            images: new[] { File("e.png", "E") },
            avatar: File("f.jpg", "F", "image/jpeg"),
            tags: new[] { "x", "y" });

        Assert.Equal(
            new[]
            {
                "files:a.txt:text/plain:A", "files:b.txt:text/plain:B",
                "optional_files:c.bin:application/octet-stream:C", "optional_files:d.bin:application/octet-stream:D",
                "images:e.png:image/png:E", "avatar:f.jpg:image/jpeg:F", "tags=x|y",
            },
            received);
    }

    [Fact]
    public async Task MultipartObjectsAreJsonPartsInTheEncodingsContentTypeAndStylesApply()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(async context =>
        {
            context.Response.ContentType = "text/plain";
            await context.Response.WriteAsync("ok");
        });
        using HttpClient http = new();

        await Client(http, server).UploadFilesAsync(
            new[] { File("a.txt", "A") },
            meta: new Event { Seq = 3 },
            notes: "a,b",
            @where: new UploadFilesWhere { City = "Oslo" });

        Dictionary<string, (string ContentType, string Body)> parts = Parts(Assert.Single(server.Requests));
        Assert.Equal(("application/vnd.event+json; charset=utf-8", "{\"seq\":3}"), parts["meta"]);
        Assert.Equal(("text/csv; charset=utf-8", "a,b"), parts["notes"]);
        Assert.Equal(("text/plain; charset=utf-8", "Oslo"), parts["where[city]"]);
    }

    [Fact]
    public async Task AGetWhoseBodyAllowsNoMemberSendsNoBodyAndNoContentType()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(NoContent);
        using HttpClient http = new();

        await Client(http, server).EmptyGetBodyAsync();

        RecordedRequest request = Assert.Single(server.Requests);
        Assert.Equal(("GET", string.Empty), (request.Method, request.Body));
        Assert.False(request.Headers.ContainsKey("Content-Type"));
    }

    [Fact]
    public async Task FormFieldsFollowTheirEncodingsStyleAndExplode()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(NoContent);
        using HttpClient http = new();

        await Client(http, server).SubmitEncodedFormAsync(
            new[] { "a", "b" },
            csv: new[] { "x", "y" },
            spaces: new long[] { 1, 2 },
            pipes: new[] { "p", "q" },
            filter: new SubmitEncodedFormFilter { Color = "red", Sizes = new long[] { 1, 2 } },
            flat: new SubmitEncodedFormFlat { A = "1", B = 2 },
            joined: new SubmitEncodedFormFlat { A = "j", B = 3 }, // the same shape as flat, so the same type
            json: new SubmitEncodedFormJson { Ids = new long[] { 1, 2 } },
            maybe: new[] { "m" },
            expand: new[] { "e1", "e2" });

        Assert.Equal(
            "EventTypes=a&EventTypes=b&Csv=x%2Cy&Spaces=1%202&Pipes=p%7Cq&Filter%5Bcolor%5D=red&Filter%5Bsizes%5D%5B0%5D=1&Filter%5Bsizes%5D%5B1%5D=2"
                + "&a=1&b=2&Joined=a%2Cj%2Cb%2C3&Json=%7B%22ids%22%3A%5B1%2C2%5D%7D&Maybe=m&Expand%5B0%5D=e1&Expand%5B1%5D=e2",
            Assert.Single(server.Requests).Body);
    }

    private static ApiFile File(string name, string text, string? contentType = null) => new(new MemoryStream(Encoding.UTF8.GetBytes(text)), name, contentType);

    /// <summary>The text parts of a multipart body by name: their Content-Type and body.</summary>
    private static Dictionary<string, (string ContentType, string Body)> Parts(RecordedRequest request)
    {
        string boundary = request.Headers["Content-Type"].Split("boundary=")[1].Trim('"');
        Dictionary<string, (string, string)> parts = new(StringComparer.Ordinal);
        foreach (string part in request.Body.Split("--" + boundary).Where(p => p.Contains("\r\n\r\n", StringComparison.Ordinal)))
        {
            string[] halves = part.Split("\r\n\r\n", 2);
            string[] headers = halves[0].Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
            string type = headers.FirstOrDefault(h => h.StartsWith("Content-Type:", StringComparison.OrdinalIgnoreCase))?.Substring(13).Trim() ?? string.Empty;
            string disposition = headers.Single(h => h.StartsWith("Content-Disposition:", StringComparison.OrdinalIgnoreCase));
            string name = disposition.Split("name=")[1].Split(';')[0].Trim('"');
            parts[name] = (type, halves[1].TrimEnd('\r', '\n'));
        }

        return parts;
    }
}
