// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using LiveAvatarGen.Runtime.Http;
using LiveAvatarGen.Runtime.Telemetry;

namespace LiveAvatarGen.Benchmarks;

/// <summary>
/// What tracing and metrics cost per call. One call through the transport, over an in-memory handler so the network
/// does not hide a difference: without telemetry (the transport given none, so the tracing code is skipped), with
/// telemetry that nobody listens to (what every generated client does when the application exports nothing: the
/// promise is no extra time and no extra allocation), and with an ActivityListener and a MeterListener recording
/// everything (the price of turning it on).
/// </summary>
[MemoryDiagnoser]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable", Justification = "BenchmarkDotNet calls [GlobalCleanup], which disposes them.")]
public class TelemetryBenchmarks
{
    private static readonly ApiOperation s_operation = new("GetUserCredits", "get_user_credits_v1_users_credits_get", "GET", "/v1/users/credits");
    private static readonly ApiSecurityScheme[][] s_noSecurity = Array.Empty<ApiSecurityScheme[]>();
    private static readonly Func<ApiResponseData, int> s_handle = static response => response.StatusCode;

    private HttpClient? _http;
    private ApiClientCore? _withoutTelemetry;
    private ApiClientCore? _nobodyListening;
    private ApiClientCore? _listened;
    private ActivityListener? _activityListener;
    private MeterListener? _meterListener;

    [GlobalSetup]
    public void Setup()
    {
        _http = new HttpClient(new FixedResponseHandler(Payloads.Credits));
        ApiClientOptions options = new LiveAvatar.Api.LiveAvatarClientOptions { BaseAddress = new Uri("http://127.0.0.1:5000") };
        _withoutTelemetry = new ApiClientCore(_http, options, (ApiServer?)null, null, null);
        _nobodyListening = new ApiClientCore(_http, options, null, null, null, new ApiTelemetry("LiveAvatarGen.Benchmarks.NobodyListening"));
        const string listenedName = "LiveAvatarGen.Benchmarks.Listened";
        _listened = new ApiClientCore(_http, options, null, null, null, new ApiTelemetry(listenedName));
        _activityListener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == listenedName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(_activityListener);
        _meterListener = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == listenedName)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        _meterListener.SetMeasurementEventCallback<double>(static (_, _, _, _) => { });
        _meterListener.Start();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _activityListener?.Dispose();
        _meterListener?.Dispose();
        _http?.Dispose();
    }

    [Benchmark(Baseline = true, Description = "no telemetry (tracing code skipped)")]
    public Task<int> WithoutTelemetry() => Call(_withoutTelemetry!);

    [Benchmark(Description = "telemetry, no listener")]
    public Task<int> NobodyListening() => Call(_nobodyListening!);

    [Benchmark(Description = "telemetry, ActivityListener + MeterListener")]
    public Task<int> Listened() => Call(_listened!);

    private static Task<int> Call(ApiClientCore core)
        => core.SendAsync(new ApiRequest(HttpMethod.Get, "/v1/users/credits"), s_noSecurity, s_handle, s_operation, CancellationToken.None);

    /// <summary>Answers every request at once with the same JSON body: the call's own work is all that is measured.</summary>
    private sealed class FixedResponseHandler : HttpMessageHandler
    {
        private readonly byte[] _body;

        public FixedResponseHandler(byte[] body) => _body = body;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            ByteArrayContent content = new(_body);
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request });
        }
    }
}
