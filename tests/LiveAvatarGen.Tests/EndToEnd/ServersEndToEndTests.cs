// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using Constructs.Api;
using LiveAvatarGen.Tests.Harness;
using Microsoft.AspNetCore.Http;
using Xunit;

namespace LiveAvatarGen.Tests.EndToEnd;

/// <summary>Servers: the most specific one wins, and their variables resolve from defaults or the options.</summary>
public sealed class ServersEndToEndTests
{
    [Fact]
    public async Task ServerVariablesResolveFromTheirDefaultsWithoutABaseAddress()
    {
        CapturingHandler handler = new();
        using HttpClient http = new(handler);

        await new Servers.Api.ServersClient(http).PingAsync();

        Assert.Equal("https://api.example.test/v1/ping", Assert.Single(handler.Uris).AbsoluteUri);
    }

    [Fact]
    public async Task ServerVariablesComeFromOptionsSetInCodeOrReadFromConfiguration()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(context =>
        {
            context.Response.StatusCode = 204;
            return Task.CompletedTask;
        });
        using HttpClient http = new();
        Dictionary<string, string> settings = new()
        {
            ["Scheme"] = "http",
            ["Host"] = "127.0.0.1",
            ["Port"] = server.BaseAddress.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["BasePath"] = "v9",
        };
        Servers.Api.ServersClientOptions options = new();
        options.ApplySettings(key => settings.TryGetValue(key, out string? value) ? value : null);

        await new Servers.Api.ServersClient(http, options).PingAsync();

        Assert.Equal("/v9/ping", Assert.Single(server.Requests).PathAndQuery);
    }

    [Fact]
    public async Task APathsOwnServerWinsWithItsOwnVariablesAndNamesDoNotCollideWithOptions()
    {
        CapturingHandler handler = new();
        using HttpClient http = new(handler);
        Servers.Api.ServersClientOptions options = new() { BaseAddress = new Uri("https://main.example.test/"), Timeout2 = "t5" };

        await new Servers.Api.ServersClient(http, options).UploadAsync();
        await new Servers.Api.ServersClient(http, options).PingAsync();

        Assert.Equal(new[] { "https://uploads.example.test/t5/uploads", "https://main.example.test/ping" }, handler.Uris.Select(u => u.AbsoluteUri));
        Assert.Null(options.Timeout);
    }

    [Fact]
    public async Task OperationAndPathServersWinOverTheBaseAddressAndRelativeOnesFollowIt()
    {
        await using LoopbackServer main = await LoopbackServer.StartAsync(NoContent);
        await using LoopbackServer other = await LoopbackServer.StartAsync(NoContent);
        using HttpClient http = new();
        ConstructsClientOptions options = new() { BaseAddress = main.BaseAddress, Port = other.BaseAddress.Port.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        ConstructsClient client = new(http, options);

        await client.GetPinnedAsync();
        await client.GetRegionalAsync();
        await client.GetRelativeAsync();

        Assert.Equal(new[] { "/op/pinned", "/path/regional" }, other.Requests.Select(r => r.PathAndQuery));
        Assert.Equal("/v2/relative", Assert.Single(main.Requests).PathAndQuery);
    }

    private static Task NoContent(HttpContext context)
    {
        context.Response.StatusCode = 204;
        return Task.CompletedTask;
    }

    /// <summary>Answers 204 to everything and keeps each request URI: for hosts that do not exist.</summary>
    private sealed class CapturingHandler : HttpMessageHandler
    {
        public List<Uri> Uris { get; } = new();

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, System.Threading.CancellationToken cancellationToken)
        {
            Uris.Add(request.RequestUri!);
            return Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.NoContent) { RequestMessage = request });
        }
    }
}
