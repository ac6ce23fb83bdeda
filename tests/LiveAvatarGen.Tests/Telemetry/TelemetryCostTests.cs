// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.Diagnostics;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using LiveAvatarGen.Runtime.Http;
using LiveAvatarGen.Runtime.Telemetry;
using Xunit;

namespace LiveAvatarGen.Tests.Telemetry;

/// <summary>
/// No listener, no cost: a call through a transport whose telemetry nobody listens to allocates exactly what the same
/// call allocates with no telemetry at all. The calls complete synchronously (an in-memory handler), so the current
/// thread's allocation counter sees all of each call. TelemetryBenchmarks measures the time.
/// </summary>
public sealed class TelemetryCostTests
{
    private const int Calls = 200;
    private static readonly ApiOperation s_operation = new("GetThing", "getThing", "GET", "/things/{id}");
    private static readonly ApiSecurityScheme[][] s_noSecurity = Array.Empty<ApiSecurityScheme[]>();
    private static readonly Func<ApiResponseData, int> s_handle = static response => response.StatusCode;

    [Fact]
    public void WithoutAListenerACallAllocatesNothingMore()
    {
        using HttpClient http = new(new FixedResponseHandler());
        Credits.Api.LiveAvatarClientOptions options = new() { BaseAddress = new Uri("http://127.0.0.1:9") };
        ApiClientCore without = new(http, options, (ApiServer?)null, null, null);
        ApiClientCore unheard = new(http, options, null, null, null, new ApiTelemetry("LiveAvatarGen.Tests.Telemetry.Unheard." + Guid.NewGuid().ToString("N")));
        string heardName = "LiveAvatarGen.Tests.Telemetry.Heard." + Guid.NewGuid().ToString("N");
        ApiClientCore heard = new(http, options, null, null, null, new ApiTelemetry(heardName));

        long baseline = AllocatedPerCall(without);
        long withTelemetry = AllocatedPerCall(unheard);
        using ActivityListener listener = new()
        {
            ShouldListenTo = source => source.Name == heardName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);
        long listened = AllocatedPerCall(heard);

        Assert.Equal(baseline, withTelemetry);

        // The measure can see a cost: a span that is recorded allocates.
        Assert.True(listened > baseline, "a recorded span should cost allocations: " + listened + " vs " + baseline);
    }

    private static long AllocatedPerCall(ApiClientCore core)
    {
        for (int i = 0; i < 20; i++)
        {
            Call(core);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < Calls; i++)
        {
            Call(core);
        }

        return (GC.GetAllocatedBytesForCurrentThread() - before) / Calls;
    }

    private static void Call(ApiClientCore core)
    {
        Task<int> call = core.SendAsync(new ApiRequest(HttpMethod.Get, "/things/1"), s_noSecurity, s_handle, s_operation, CancellationToken.None);
        Assert.True(call.IsCompletedSuccessfully, "the call should complete synchronously over the in-memory handler");
        Assert.Equal(200, call.Result);
    }

    private sealed class FixedResponseHandler : HttpMessageHandler
    {
        private static readonly byte[] s_body = "{}"u8.ToArray();

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(s_body), RequestMessage = request });
    }
}
