// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Json;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using LiveAvatar.Api;
using LiveAvatarGen.Runtime.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LiveAvatarGen.Benchmarks;

/// <summary>
/// A full <c>GET /v1/users/credits</c> over loopback Kestrel: the generated client against the smallest correct
/// hand-written call (HttpClient, the API key header, status check, System.Text.Json source-generated read).
/// Both use their own HttpClient over the same handler settings; the server is shared.
/// </summary>
[MemoryDiagnoser]
[WarmupCount(5)]
[IterationCount(30)]
public class RoundTripBenchmarks
{
    private const string ApiKey = "bench-key";

    private WebApplication? _server;
    private HttpClient? _generatedHttp;
    private HttpClient? _handWrittenHttp;
    private LiveAvatarClient? _client;
    private LiveAvatarClient? _clientWithTimeout;
    private Uri? _creditsUri;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _server = builder.Build();
        byte[] body = Payloads.Credits;
        _server.Run(async context =>
        {
            context.Response.ContentType = "application/json";
            context.Response.ContentLength = body.Length;
            await context.Response.Body.WriteAsync(body);
        });
        await _server.StartAsync();
        Uri baseAddress = new(_server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        _creditsUri = new Uri(baseAddress, "/v1/users/credits");
        _generatedHttp = ApiHttp.CreateClient();
        _handWrittenHttp = ApiHttp.CreateClient();
        _client = new LiveAvatarClient(_generatedHttp, new LiveAvatarClientOptions { BaseAddress = baseAddress, APIKeyHeader = ApiKey });
        _clientWithTimeout = new LiveAvatarClient(_generatedHttp, new LiveAvatarClientOptions { BaseAddress = baseAddress, APIKeyHeader = ApiKey, Timeout = TimeSpan.FromSeconds(30) });
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        _generatedHttp?.Dispose();
        _handWrittenHttp?.Dispose();
        if (_server is not null)
        {
            await _server.StopAsync();
            await _server.DisposeAsync();
        }
    }

    [Benchmark(Baseline = true, Description = "hand-written HttpClient + STJ source-gen")]
    public async Task<CreditsEnvelope?> HandWritten()
    {
        using HttpRequestMessage request = new(HttpMethod.Get, _creditsUri);
        request.Headers.TryAddWithoutValidation("X-API-KEY", ApiKey);
        using HttpResponseMessage response = await _handWrittenHttp!.SendAsync(request, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync(HandWrittenJsonContext.Default.CreditsEnvelope).ConfigureAwait(false);
    }

    [Benchmark(Description = "LiveAvatarGen GetUserCreditsAsync")]
    public Task<ApiEnvelope<UserCreditsSchema>> Generated() => _client!.Users.GetUserCreditsAsync();

    [Benchmark(Description = "LiveAvatarGen, Options.Timeout set")]
    public Task<ApiEnvelope<UserCreditsSchema>> GeneratedWithTimeout() => _clientWithTimeout!.Users.GetUserCreditsAsync();
}
