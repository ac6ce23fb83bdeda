// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Credits.Api;
using LiveAvatarGen.Tests.Harness;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using Xunit;

namespace LiveAvatarGen.Tests.EndToEnd;

/// <summary>
/// The generated <c>services.AddLiveAvatarClient(configuration)</c> (emitted because this project references
/// Microsoft.Extensions.Http through ASP.NET Core), the interface, and the partial hooks, against real Kestrel.
/// </summary>
public sealed class DependencyInjectionTests
{
    private const string Envelope = "{\"code\":100,\"data\":{\"credits_left\":\"12.50\"},\"message\":\"Success\"}";

    [Fact]
    public async Task RegisteredClientReadsConfigurationAndSendsThroughTheFactoryWithAResilienceHandler()
    {
        int calls = 0;
        await using LoopbackServer server = await LoopbackServer.StartAsync(async context =>
        {
            // The first attempt fails as a transient error; the retry handler added to the builder tries again.
            if (Interlocked.Increment(ref calls) == 1)
            {
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                return;
            }

            context.Response.ContentType = "application/json";
            context.Response.Headers["X-Request-Id"] = "req-7";
            await context.Response.WriteAsync(Envelope);
        });
        IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Credits:BaseAddress"] = server.BaseAddress.ToString(),
            ["Credits:APIKeyHeader"] = "key-from-configuration",
            ["Credits:Timeout"] = "00:00:30",
            ["Credits:MaxResponseBodyBytes"] = "65536",
        }).Build();
        ServiceCollection services = new();

        IHttpClientBuilder builder = services.AddLiveAvatarClient(configuration.GetSection("Credits"), options => options.MaxResponseBodyBytes *= 2);
        builder.AddResilienceHandler("retry", pipeline => pipeline.AddRetry(new HttpRetryStrategyOptions
        {
            MaxRetryAttempts = 2,
            Delay = TimeSpan.Zero,
            BackoffType = DelayBackoffType.Constant,
            UseJitter = false,
        }));
        await using ServiceProvider provider = services.BuildServiceProvider();
        ILiveAvatarClient client = provider.GetRequiredService<ILiveAvatarClient>();
        ApiEnvelope<UserCreditsSchema> response = await client.Users.GetUserCreditsAsync();

        Assert.Equal(LiveAvatarClientServiceCollectionExtensions.HttpClientName, builder.Name);
        Assert.Equal("12.50", response.GetDataOrThrow().CreditsLeft.Value);
        Assert.Equal(2, server.Requests.Count);
        Assert.All(server.Requests, r => Assert.Equal("key-from-configuration", r.Headers["X-API-KEY"]));
        LiveAvatarClientOptions options = provider.GetRequiredService<IOptions<LiveAvatarClientOptions>>().Value;
        Assert.Equal(TimeSpan.FromSeconds(30), options.Timeout);
        Assert.Equal(131072, options.MaxResponseBodyBytes);
        LiveAvatarClient concrete = Assert.IsType<LiveAvatarClient>(client);
        // The hooks sit outside the handler pipeline: one call prepared, the retry inside it, the final response seen.
        Assert.Equal(1, concrete.RequestsPrepared);
        Assert.Equal(200, concrete.LastStatusCode);
        Assert.Equal("req-7", concrete.LastRequestId);
    }

    [Fact]
    public async Task PartialHooksSeeEveryRequestAndResponse()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(LoopbackServer.Json(Envelope));
        using HttpClient http = new();
        LiveAvatarClient client = new(http, new LiveAvatarClientOptions { BaseAddress = server.BaseAddress });

        await client.Users.GetUserCreditsAsync();

        Assert.Equal("GetUserCredits", Assert.Single(server.Requests).Headers["X-Operation"]);
        Assert.Equal(200, client.LastStatusCode);
        Assert.Equal(1, client.RequestsPrepared);
    }

    [Fact]
    public void SettingsAreReadKeyByKeyAndMissingKeysChangeNothing()
    {
        LiveAvatarClientOptions options = new() { APIKeyHeader = "kept", Timeout = TimeSpan.FromSeconds(5) };
        Dictionary<string, string?> settings = new() { ["BaseAddress"] = "https://example.test/api/", ["Timeout"] = string.Empty };

        options.ApplySettings(key => settings.GetValueOrDefault(key));

        Assert.Equal(new Uri("https://example.test/api/"), options.BaseAddress);
        Assert.Equal(TimeSpan.FromSeconds(5), options.Timeout);
        Assert.Equal("kept", options.APIKeyHeader);
        Assert.Equal(LiveAvatarGen.Runtime.Http.ApiClientOptions.DefaultMaxResponseBodyBytes, options.MaxResponseBodyBytes);
    }

    [Theory]
    [InlineData("BaseAddress", "not a uri")]
    [InlineData("Timeout", "soon")]
    [InlineData("MaxResponseBodyBytes", "-1")]
    public void AnUnreadableSettingNamesItsKey(string key, string value)
    {
        LiveAvatarClientOptions options = new();

        FormatException ex = Assert.Throws<FormatException>(() => options.ApplySettings(k => k == key ? value : null));

        Assert.Contains(key, ex.Message, StringComparison.Ordinal);
    }
}
