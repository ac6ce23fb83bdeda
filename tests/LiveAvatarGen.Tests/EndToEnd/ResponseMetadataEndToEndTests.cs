// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading.Tasks;
using Constructs.Api;
using LiveAvatarGen.Runtime.Errors;
using LiveAvatarGen.Runtime.Http;
using LiveAvatarGen.Tests.Harness;
using Microsoft.AspNetCore.Http;
using Xunit;

namespace LiveAvatarGen.Tests.EndToEnd;

/// <summary>
/// The ...WithResponseAsync companions of constructs.openapi.yaml (untagged: its methods stay on the client): status,
/// headers typed where the spec declares them, body; streams give their metadata before the items.
/// </summary>
public sealed class ResponseMetadataEndToEndTests
{
    private const string PetJson = "{\"id\":7,\"name\":\"Rex\",\"kind\":\"dog\",\"status\":2}";

    private static ConstructsClient Client(HttpClient http, LoopbackServer server)
        => new(http, new ConstructsClientOptions { BaseAddress = server.BaseAddress, Basic = "user:pw" });

    [Fact]
    public async Task DeclaredHeadersAreTypedAndEveryHeaderIsReadableByName()
    {
        Guid requestId = Guid.Parse("3fa85f64-5717-4562-b3fc-2c963f66afa6");
        await using LoopbackServer server = await LoopbackServer.StartAsync(async context =>
        {
            context.Response.StatusCode = 201;
            context.Response.ContentType = "application/json";
            context.Response.Headers["X-RateLimit-Remaining"] = "41";
            context.Response.Headers["X-Request-Id"] = requestId.ToString();
            context.Response.Headers["Count"] = "3";
            context.Response.Headers["X-Undeclared"] = "kept";
            await context.Response.WriteAsync(PetJson);
        });
        using HttpClient http = new();

        ApiResponse<Pet?, CreatePetResponseHeaders> response = await Client(http, server).CreatePetWithResponseAsync(new Pet { Id = 7, Name = "Rex", Kind = PetKind.Dog });

        Assert.Equal(201, response.StatusCode);
        Assert.Equal(41L, response.Headers.XRateLimitRemaining);
        Assert.Equal(requestId, response.Headers.XRequestId);
        Assert.Equal(3, response.Headers.Count2);
        Assert.Equal("kept", response.Headers.GetValue("x-undeclared"));
        Assert.Equal(7, response.Value!.Id);
        Assert.Equal("Basic " + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("user:pw")), Assert.Single(server.Requests).Headers["Authorization"]);
    }

    [Fact]
    public async Task AbsentDeclaredHeadersAreNullAndMalformedOnesSayWhich()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(async context =>
        {
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/json";
            context.Response.Headers["X-RateLimit-Remaining"] = "many";
            await context.Response.WriteAsync(PetJson);
        });
        using HttpClient http = new();

        ApiResponse<Pet?, CreatePetResponseHeaders> response = await Client(http, server).CreatePetWithResponseAsync(new Pet { Id = 7, Name = "Rex", Kind = PetKind.Dog });

        Assert.Equal(200, response.StatusCode);
        Assert.Null(response.Headers.XRequestId);
        ApiResponseFormatException ex = Assert.Throws<ApiResponseFormatException>(() => response.Headers.XRateLimitRemaining);
        Assert.Contains("X-RateLimit-Remaining", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ErrorStatusesStillThrowTheDocumentedException()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(LoopbackServer.Json("{\"title\":\"gone\",\"status\":404}", 404));
        using HttpClient http = new();

        ApiException<Problem> ex = await Assert.ThrowsAsync<ApiException<Problem>>(() => Client(http, server).GetPetWithResponseAsync(1));

        Assert.Equal(404, ex.StatusCode);
    }

    [Fact]
    public async Task AStreamGivesItsStatusAndHeadersBeforeItsItems()
    {
        TaskCompletionSource release = new(TaskCreationOptions.RunContinuationsAsynchronously);
        await using LoopbackServer server = await LoopbackServer.StartAsync(async context =>
        {
            context.Response.ContentType = "application/x-ndjson";
            context.Response.Headers["X-Stream-Id"] = "st-1";
            await context.Response.WriteAsync("{\"seq\":1}\n");
            await context.Response.Body.FlushAsync();

            // The rest waits until the client has read the metadata: it must not need the whole body.
            await release.Task.WaitAsync(TimeSpan.FromSeconds(10));
            await context.Response.WriteAsync("{\"seq\":2}\n");
        });
        using HttpClient http = new();

        await using ApiStreamResponse<Event, LinesResponseHeaders> response = await Client(http, server).LinesWithResponseAsync();
        Assert.Equal(200, response.StatusCode);
        Assert.Equal("st-1", response.Headers.XStreamId);
        release.SetResult();

        List<long> seqs = new();
        await foreach (Event item in response)
        {
            seqs.Add(item.Seq);
        }

        Assert.Equal(new long[] { 1, 2 }, seqs);
        await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await foreach (Event unused in response)
            {
            }
        });
    }

    [Fact]
    public async Task AStreamLeftEarlyReleasesItsConnectionWhenDisposed()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(async context =>
        {
            context.Response.ContentType = "application/x-ndjson";
            await context.Response.WriteAsync("{\"seq\":1}\n{\"seq\":2}\n");
        });
        using HttpClient http = new();
        ConstructsClient client = Client(http, server);

        for (int i = 0; i < 3; i++)
        {
            await using ApiStreamResponse<Event, LinesResponseHeaders> response = await client.LinesWithResponseAsync();
            await foreach (Event item in response)
            {
                Assert.Equal(1, item.Seq);
                break;
            }
        }

        Assert.Equal(3, server.Requests.Count);
    }
}
