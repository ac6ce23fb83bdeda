// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Credits.Api;
using LiveAvatarGen.Runtime.Http;
using LiveAvatarGen.Tests.Faults;
using LiveAvatarGen.Tests.Harness;
using Microsoft.AspNetCore.Http;
using Xunit;
using Xunit.Abstractions;

namespace LiveAvatarGen.Tests.Load;

/// <summary>Runs alone, after the parallel tests, so the managed heap it measures is its own.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class LoadCollection
{
    public const string Name = "Load";
}

/// <summary>Many concurrent callers on one shared HttpClient against loopback Kestrel.</summary>
[Collection(LoadCollection.Name)]
public sealed class LoadTests
{
    private const int Callers = 64;
    private const int TotalCalls = 50_000;
    private const int WarmUpCallsPerCaller = 20;
    private const long HeapGrowthBoundBytes = 50L * 1024 * 1024;
    private const int MaxConnections = 2 * Callers;

    private readonly ITestOutputHelper _output;

    public LoadTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [Fact]
    public async Task SixtyFourCallersMakeFiftyThousandCallsWithoutFailureOrGrowth()
    {
        byte[] body = System.Text.Encoding.UTF8.GetBytes(FaultTests.Envelope);
        ConcurrentDictionary<string, int> connections = new();
        await using LoopbackServer server = await LoopbackServer.StartAsync(async context =>
        {
            connections.TryAdd(context.Connection.Id, 0);
            context.Response.ContentType = "application/json";
            context.Response.ContentLength = body.Length;
            await context.Response.Body.WriteAsync(body);
        }, record: false);

        // One handler and one HttpClient for every caller: pooled connections, no socket per call.
        using HttpClient http = ApiHttp.CreateClient();
        LiveAvatarClient client = new(http, new LiveAvatarClientOptions { BaseAddress = server.BaseAddress, APIKeyHeader = "load-key", Timeout = TimeSpan.FromSeconds(30) });

        await RunAsync(client, Callers * WarmUpCallsPerCaller);
        long before = GC.GetTotalMemory(forceFullCollection: true);

        (int succeeded, int failed, Exception? firstFailure) = await RunAsync(client, TotalCalls);

        long after = GC.GetTotalMemory(forceFullCollection: true);
        _output.WriteLine($"{succeeded} succeeded, {failed} failed, {connections.Count} connections, heap {before / 1024} KiB -> {after / 1024} KiB");
        Assert.True(failed == 0, $"{failed} calls failed; first: {firstFailure}");
        Assert.Equal(TotalCalls, succeeded);
        // Bounded by the callers, not the calls: one shared pool. SocketsHttpHandler may open a connection for a
        // queued request just before another one frees up, so allow some slack above one per caller.
        Assert.True(connections.Count is >= 1 and <= MaxConnections, $"{connections.Count} connections for {Callers} callers and {TotalCalls} calls.");
        Assert.True(after - before < HeapGrowthBoundBytes, $"The managed heap grew by {(after - before) / 1024} KiB over {TotalCalls} calls.");
    }

    private static async Task<(int Succeeded, int Failed, Exception? FirstFailure)> RunAsync(LiveAvatarClient client, int calls)
    {
        int next = 0;
        int succeeded = 0;
        int failed = 0;
        Exception? firstFailure = null;
        Task[] callers = Enumerable.Range(0, Callers).Select(_ => Task.Run(async () =>
        {
            while (Interlocked.Increment(ref next) <= calls)
            {
                try
                {
                    ApiEnvelope<UserCreditsSchema> response = await client.Users.GetUserCreditsAsync(laSession: "s");
                    if (response.GetDataOrThrow().CreditsLeft.Value != "12.50")
                    {
                        throw new InvalidOperationException("wrong value");
                    }

                    Interlocked.Increment(ref succeeded);
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    Interlocked.CompareExchange(ref firstFailure, ex, null);
                    Interlocked.Increment(ref failed);
                }
            }
        })).ToArray();
        await Task.WhenAll(callers).WaitAsync(TimeSpan.FromMinutes(5));
        return (succeeded, failed, firstFailure);
    }
}
