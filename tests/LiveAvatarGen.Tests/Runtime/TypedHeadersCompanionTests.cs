// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using LiveAvatarGen.Runtime.Errors;
using LiveAvatarGen.Runtime.Http;
using LiveAvatarGen.Tests.Harness;
using Microsoft.AspNetCore.Http;
using Xunit;

namespace LiveAvatarGen.Tests.Runtime;

/// <summary>
/// <c>ApiClientCore.SendWithResponseAsync</c> with a headers class's <c>Create</c>, as the companions of operations
/// that declare response headers call it, against loopback Kestrel: the handler decides first (an error status throws
/// and the headers are never typed), then the status, the typed headers and the body come back together.
/// </summary>
public sealed class TypedHeadersCompanionTests
{
    private static readonly Guid RequestId = Guid.Parse("3fa85f64-5717-4562-b3fc-2c963f66afa6");

    private static readonly ApiOperation Operation = new("DeleteThing", "deleteThing", "DELETE", "/things/{id}");

    private static int s_created;

    [Fact]
    public async Task AResponseWithoutABodyGivesItsStatusAndTypedHeaders()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(context =>
        {
            context.Response.StatusCode = 204;
            context.Response.Headers["X-Request-Id"] = RequestId.ToString();
            return Task.CompletedTask;
        });
        using HttpClient http = new();

        ApiHeadersResponse<ThingHeaders> response = await Core(http, server).SendWithResponseAsync<ThingHeaders>(new ApiRequest(HttpMethod.Delete, "/things/1"), NoSecurity, Accept, ThingHeaders.Create, Operation, CancellationToken.None);

        Assert.Equal((204, (Guid?)RequestId), (response.StatusCode, response.Headers.XRequestId));
    }

    [Fact]
    public async Task AResponseWithABodyGivesItsValueStatusAndTypedHeaders()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(async context =>
        {
            context.Response.StatusCode = 200;
            context.Response.Headers["X-Request-Id"] = RequestId.ToString();
            await context.Response.WriteAsync("kept");
        });
        using HttpClient http = new();

        ApiResponse<string, ThingHeaders> response = await Core(http, server).SendWithResponseAsync<string, ThingHeaders>(new ApiRequest(HttpMethod.Get, "/things/1"), NoSecurity, static r => r.StatusCode == 200 ? r.BodyText : throw r.ToException(), ThingHeaders.Create, Operation, CancellationToken.None);

        Assert.Equal((200, (Guid?)RequestId, "kept"), (response.StatusCode, response.Headers.XRequestId, response.Value));
    }

    [Fact]
    public async Task AnErrorStatusThrowsBeforeTheHeadersAreTyped()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(LoopbackServer.Json("{}", 404));
        using HttpClient http = new();
        int before = Volatile.Read(ref s_created);

        ApiException ex = await Assert.ThrowsAsync<ApiException>(() => Core(http, server).SendWithResponseAsync<ThingHeaders>(new ApiRequest(HttpMethod.Delete, "/things/1"), NoSecurity, Accept, ThingHeaders.Create, Operation, CancellationToken.None));

        Assert.Equal(404, ex.StatusCode);
        Assert.Equal(before, Volatile.Read(ref s_created));
    }

    private static ApiSecurityScheme[][] NoSecurity => Array.Empty<ApiSecurityScheme[]>();

    private static ApiClientCore Core(HttpClient http, LoopbackServer server) => new(http, new NoCredentials { BaseAddress = server.BaseAddress }, null);

    private static bool Accept(ApiResponseData response) => response.StatusCode is >= 200 and <= 299 ? true : throw response.ToException();

    private sealed class NoCredentials : ApiClientOptions
    {
        public override string? GetCredential(string schemeName) => null;
    }

    /// <summary>What the generator writes for an operation that declares an <c>X-Request-Id</c> header.</summary>
    private sealed class ThingHeaders : ApiResponseHeaders
    {
        private ThingHeaders(ApiResponseHeaders headers)
            : base(headers)
        {
        }

        public Guid? XRequestId => GetGuid("X-Request-Id");

        public static ThingHeaders Create(ApiResponseHeaders headers)
        {
            Interlocked.Increment(ref s_created);
            return new ThingHeaders(headers);
        }
    }
}
