// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Constructs.Api;
using LiveAvatarGen.Runtime.Errors;
using LiveAvatarGen.Runtime.Http;
using LiveAvatarGen.Tests.Harness;
using Microsoft.AspNetCore.Http;
using Xunit;

namespace LiveAvatarGen.Tests.Telemetry;

/// <summary>
/// Spans and durations of real calls to loopback Kestrel, seen through an <see cref="ActivityListener"/> and a
/// <see cref="MeterListener"/>: names, kinds, the route template (never the expanded path), status codes, error types,
/// nesting, and nothing at all when nobody listens.
/// </summary>
public sealed class TelemetryEndToEndTests
{
    private const string PetJson = "{\"id\":42,\"name\":\"Rex\",\"kind\":\"dog\"}";
    private const string ProblemJson = "{\"title\":\"missing\"}";
    private const string ParentSource = "LiveAvatarGen.Tests.Telemetry.Parent";
    private static readonly string s_apiTimeout = typeof(ApiTimeoutException).FullName!;

    private static ConstructsClient Client(HttpClient http, Uri baseAddress, Action<ConstructsClientOptions>? configure = null)
    {
        ConstructsClientOptions options = new() { BaseAddress = baseAddress, QueryKey = "secret-key", Timeout = TimeSpan.FromSeconds(20) };
        configure?.Invoke(options);
        return new ConstructsClient(http, options);
    }

    private static TelemetryRecorder Record(LoopbackServer server, string? parentSource = null)
        => new(ConstructsClient.TelemetryName, server.BaseAddress.Port, parentSource);

    private static Dictionary<string, object?> Tags(Activity activity)
        => activity.TagObjects.ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal);

    [Fact]
    public async Task ACallIsOneClientSpanNamedByItsRouteTemplate()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(LoopbackServer.Json(PetJson));
        using TelemetryRecorder recorder = Record(server);
        using HttpClient http = new();

        await Client(http, server.BaseAddress).GetPetAsync(42);

        Activity span = Assert.Single(recorder.Activities);
        Assert.Equal("Constructs.Api.ConstructsClient", ConstructsClient.TelemetryName);
        Assert.Equal(ConstructsClient.TelemetryName, span.Source.Name);
        Assert.Equal("GET /pets/{id}", span.DisplayName);
        Assert.Equal(ActivityKind.Client, span.Kind);
        Assert.Equal(ActivityStatusCode.Unset, span.Status);
        int port = server.BaseAddress.Port;
        Dictionary<string, object?> expected = new(StringComparer.Ordinal)
        {
            ["http.request.method"] = "GET",
            ["url.template"] = "/pets/{id}",
            ["openapi.operation.id"] = "getPet",
            ["server.address"] = "127.0.0.1",
            ["server.port"] = port,
            // The API key went in the query (the server saw it, below); the span leaves every query out.
            ["url.full"] = "http://127.0.0.1:" + port + "/pets/42",
            ["http.response.status_code"] = 200,
        };
        Assert.Equal(expected.OrderBy(t => t.Key, StringComparer.Ordinal), Tags(span).OrderBy(t => t.Key, StringComparer.Ordinal));
        Assert.Equal("/pets/42?api_key=secret-key", Assert.Single(server.Requests).PathAndQuery);

        DurationMeasurement duration = Assert.Single(recorder.Durations);
        Assert.Equal("s", duration.Unit);
        Assert.InRange(duration.Seconds, double.Epsilon, 60);
        expected.Remove("url.full");
        Assert.Equal(expected.OrderBy(t => t.Key, StringComparer.Ordinal), duration.Tags.OrderBy(t => t.Key, StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(404)]
    [InlineData(500)]
    public async Task AnErrorStatusIsTheErrorType(int status)
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(LoopbackServer.Json(ProblemJson, status));
        using TelemetryRecorder recorder = Record(server);
        using HttpClient http = new();

        ApiException ex = await Assert.ThrowsAnyAsync<ApiException>(() => Client(http, server.BaseAddress).GetPetAsync(7));

        Assert.Equal(status, ex.StatusCode);
        Activity span = Assert.Single(recorder.Activities);
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Equal(status, span.GetTagItem("http.response.status_code"));
        Assert.Equal(status.ToString(System.Globalization.CultureInfo.InvariantCulture), span.GetTagItem("error.type"));
        Assert.Equal("/pets/{id}", span.GetTagItem("url.template"));
        DurationMeasurement duration = Assert.Single(recorder.Durations);
        Assert.Equal(status, duration.Tags["http.response.status_code"]);
        Assert.Equal(status.ToString(System.Globalization.CultureInfo.InvariantCulture), duration.Tags["error.type"]);
    }

    [Fact]
    public async Task ATimeoutIsTheErrorTypeByItsExceptionName()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(async context =>
        {
            await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
        });
        using TelemetryRecorder recorder = Record(server);
        using HttpClient http = new();

        await Assert.ThrowsAsync<ApiTimeoutException>(() => Client(http, server.BaseAddress, o => o.Timeout = TimeSpan.FromMilliseconds(300)).GetPetAsync(7));

        Activity span = Assert.Single(recorder.Activities);
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Equal(s_apiTimeout, span.GetTagItem("error.type"));
        Assert.Null(span.GetTagItem("http.response.status_code"));
        DurationMeasurement duration = Assert.Single(recorder.Durations);
        Assert.Equal(s_apiTimeout, duration.Tags["error.type"]);
        Assert.False(duration.Tags.ContainsKey("http.response.status_code"));
        Assert.InRange(duration.Seconds, 0.25, 60);
    }

    [Fact]
    public async Task TheCallersCancellationIsTheErrorTypeByItsExceptionName()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(async context =>
        {
            await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
        });
        using TelemetryRecorder recorder = Record(server);
        using HttpClient http = new();
        using CancellationTokenSource cancel = new(TimeSpan.FromMilliseconds(300));

        OperationCanceledException ex = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Client(http, server.BaseAddress).GetPetAsync(7, cancel.Token));

        Activity span = Assert.Single(recorder.Activities);
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Equal(ex.GetType().FullName, span.GetTagItem("error.type"));
        Assert.Equal(ex.GetType().FullName, Assert.Single(recorder.Durations).Tags["error.type"]);
    }

    [Fact]
    public async Task ARefusedConnectionIsTheErrorTypeByItsExceptionName()
    {
        LoopbackServer gone = await LoopbackServer.StartAsync(LoopbackServer.Json(PetJson));
        await gone.DisposeAsync();
        using TelemetryRecorder recorder = Record(gone);
        using HttpClient http = new();

        await Assert.ThrowsAsync<ApiConnectionException>(() => Client(http, gone.BaseAddress).GetPetAsync(7));

        Activity span = Assert.Single(recorder.Activities);
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Equal(typeof(ApiConnectionException).FullName, span.GetTagItem("error.type"));
        Assert.Equal("127.0.0.1", span.GetTagItem("server.address"));
        Assert.Null(span.GetTagItem("http.response.status_code"));
        Assert.Equal(typeof(ApiConnectionException).FullName, Assert.Single(recorder.Durations).Tags["error.type"]);
    }

    [Fact]
    public async Task TheSpanIsAChildOfTheCallersActivityAndTheParentOfTheRequest()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(LoopbackServer.Json(PetJson));
        using TelemetryRecorder recorder = Record(server, ParentSource);
        using ActivitySource parentSource = new(ParentSource);
        CurrentActivityHandler handler = new();
        using HttpClient http = new(handler);

        using (Activity parent = parentSource.StartActivity("caller")!)
        {
            await Client(http, server.BaseAddress).GetPetAsync(42);

            Activity span = Assert.Single(recorder.Activities);
            Assert.Equal(parent.TraceId, span.TraceId);
            Assert.Equal(parent.SpanId, span.ParentSpanId);
            Assert.Same(parent, Activity.Current);

            // HttpClient sent under the call's span, and passed the trace on.
            Assert.Same(span, Assert.Single(handler.Seen));
            Assert.Contains(span.TraceId.ToHexString(), Assert.Single(server.Requests).Headers["traceparent"], StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task NobodyListeningStartsNoSpan()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(LoopbackServer.Json(PetJson));
        using ActivityListener parentOnly = new()
        {
            ShouldListenTo = source => source.Name == ParentSource,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(parentOnly);
        using ActivitySource parentSource = new(ParentSource);
        CurrentActivityHandler handler = new();
        using HttpClient http = new(handler);

        using Activity parent = parentSource.StartActivity("caller")!;
        await Client(http, server.BaseAddress).GetPetAsync(42);

        // No span of the client's between the caller's activity and the request.
        Assert.Same(parent, Assert.Single(handler.Seen));
    }

    [Fact]
    public async Task FollowedRedirectsAreOneSpanWithTheFinalStatus()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(async context =>
        {
            if (context.Request.Path == "/pets/1")
            {
                context.Response.StatusCode = 307;
                context.Response.Headers.Location = "/pets/2";
                return;
            }

            await LoopbackServer.Json(PetJson)(context);
        });
        using TelemetryRecorder recorder = Record(server);
        using HttpClient http = ApiHttp.CreateClient();

        await Client(http, server.BaseAddress).GetPetAsync(1);

        Assert.Equal(2, server.Requests.Count);
        Activity span = Assert.Single(recorder.Activities);
        Assert.Equal(200, span.GetTagItem("http.response.status_code"));
        Assert.Equal("/pets/{id}", span.GetTagItem("url.template"));
        Assert.Equal("http://127.0.0.1:" + server.BaseAddress.Port + "/pets/1", span.GetTagItem("url.full"));
        Assert.Single(recorder.Durations);
    }

    [Fact]
    public async Task AStreamIsTracedUntilItsHeadersArrive()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(async context =>
        {
            context.Response.ContentType = "text/event-stream";
            await context.Response.WriteAsync("data: {\"seq\":1,\"text\":\"a\"}\n\ndata: {\"seq\":2,\"text\":\"b\"}\n\n");
        });
        using TelemetryRecorder recorder = Record(server);
        using HttpClient http = new();

        List<Event> items = new();
        await foreach (Event item in Client(http, server.BaseAddress).EventsAsync())
        {
            items.Add(item);
        }

        Assert.Equal(2, items.Count);
        Activity span = Assert.Single(recorder.Activities);
        Assert.Equal("GET /events", span.DisplayName);
        Assert.Equal("events", span.GetTagItem("openapi.operation.id"));
        Assert.Equal(200, span.GetTagItem("http.response.status_code"));
        Assert.Equal("/events", Assert.Single(recorder.Durations).Tags["url.template"]);
    }

    [Fact]
    public async Task AStreamsErrorStatusIsTheErrorType()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(LoopbackServer.Json(ProblemJson, 503));
        using TelemetryRecorder recorder = Record(server);
        using HttpClient http = new();

        await Assert.ThrowsAnyAsync<ApiException>(() => Client(http, server.BaseAddress).EventsWithResponseAsync());

        Activity span = Assert.Single(recorder.Activities);
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Equal("503", span.GetTagItem("error.type"));
        Assert.Equal("503", Assert.Single(recorder.Durations).Tags["error.type"]);
    }

    [Fact]
    public async Task EachPageAnAutoPagerFetchesIsASpanOfItsOperation()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(async context =>
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(context.Request.Query["token"].ToString() == "t2"
                ? "{\"values\":[{\"id\":\"i2\"}]}"
                : "{\"values\":[{\"id\":\"i1\"}],\"next\":\"/links?token=t2\"}");
        });
        using TelemetryRecorder recorder = new(Paging.Api.PagingClient.TelemetryName, server.BaseAddress.Port);
        using HttpClient http = new();

        int items = 0;
        await foreach (Paging.Api.Item item in new Paging.Api.PagingClient(http, new Paging.Api.PagingClientOptions { BaseAddress = server.BaseAddress }).ListLinksAllAsync(filter: "a"))
        {
            items++;
        }

        // The next link's request is the same operation: the same name and template, its own URL (without the query).
        Assert.Equal(2, items);
        Assert.Equal(2, recorder.Activities.Count);
        Assert.All(recorder.Activities, span =>
        {
            Assert.Equal("GET /links", span.DisplayName);
            Assert.Equal("listLinks", span.GetTagItem("openapi.operation.id"));
            Assert.Equal("http://127.0.0.1:" + server.BaseAddress.Port + "/links", span.GetTagItem("url.full"));
        });
        Assert.Equal(2, recorder.Durations.Count);
    }

    [Fact]
    public async Task AnOperationWithoutOperationIdHasNoOperationIdAttribute()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(LoopbackServer.Json("{\"value\":1}"));
        using TelemetryRecorder recorder = Record(server);
        using HttpClient http = new();

        await Client(http, server.BaseAddress).GetTreeAsync();

        Activity span = Assert.Single(recorder.Activities);
        Assert.Equal("GET /tree", span.DisplayName);
        Assert.Null(span.GetTagItem("openapi.operation.id"));
        Assert.False(Assert.Single(recorder.Durations).Tags.ContainsKey("openapi.operation.id"));
    }

    /// <summary>Notes <see cref="Activity.Current"/> as HttpClient sends each request.</summary>
    private sealed class CurrentActivityHandler : DelegatingHandler
    {
        public CurrentActivityHandler()
            : base(ApiHttp.CreateHandler())
        {
        }

        public List<Activity?> Seen { get; } = new();

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Seen.Add(Activity.Current);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
