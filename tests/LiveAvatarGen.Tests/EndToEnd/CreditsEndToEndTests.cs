// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.Net.Http;
using System.Threading.Tasks;
using Credits.Api;
using LiveAvatarGen.Runtime.Errors;
using LiveAvatarGen.Tests.Harness;
using Xunit;

namespace LiveAvatarGen.Tests.EndToEnd;

/// <summary>The client generated (at this project's build) from credits.openapi.json, against real Kestrel on loopback.</summary>
public sealed class CreditsEndToEndTests
{
    private const string Envelope = "{\"code\":100,\"data\":{\"credits_left\":\"12.50\"},\"message\":\"Success\"}";

    [Fact]
    public async Task CreditsCallSendsApiKeyAndCookieAndReturnsTheEnvelope()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(LoopbackServer.Json(Envelope));
        using HttpClient http = new();
        LiveAvatarClient client = new(http, new LiveAvatarClientOptions { BaseAddress = server.BaseAddress, APIKeyHeader = "secret-key" });

        ApiEnvelope<UserCreditsSchema> response = await client.Users.GetUserCreditsAsync(laSession: "session-42");

        RecordedRequest request = Assert.Single(server.Requests);
        Assert.Equal("GET", request.Method);
        Assert.Equal("/v1/users/credits", request.PathAndQuery);
        Assert.Equal("secret-key", request.Headers["X-API-KEY"]);
        Assert.Equal("la_session=session-42", request.Headers["Cookie"]);
        Assert.Equal(100, response.Code);
        Assert.Equal("Success", response.Message);
        CreditsLeft credits = response.GetDataOrThrow().CreditsLeft;
        Assert.Equal("12.50", credits.Value);
        Assert.Equal(12.50m, credits.ToDecimal());
    }

    [Fact]
    public async Task NoCookieHeaderWhenNoSessionIsGiven()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(LoopbackServer.Json(Envelope));
        using HttpClient http = new();
        LiveAvatarClient client = new(http, new LiveAvatarClientOptions { BaseAddress = server.BaseAddress, APIKeyHeader = "k" });

        await client.Users.GetUserCreditsAsync();

        Assert.False(Assert.Single(server.Requests).Headers.ContainsKey("Cookie"));
    }

    [Fact]
    public async Task Status422RaisesTheTypedValidationError()
    {
        const string body = "{\"detail\":[{\"loc\":[\"cookie\",\"la_session\",0],\"msg\":\"bad session\",\"type\":\"value_error\"}]}";
        await using LoopbackServer server = await LoopbackServer.StartAsync(LoopbackServer.Json(body, 422));
        using HttpClient http = new();
        LiveAvatarClient client = new(http, new LiveAvatarClientOptions { BaseAddress = server.BaseAddress });

        ApiException<HTTPValidationError> ex = await Assert.ThrowsAsync<ApiException<HTTPValidationError>>(() => client.Users.GetUserCreditsAsync());

        Assert.Equal(422, ex.StatusCode);
        Assert.Contains("bad session", ex.ResponseBody, StringComparison.Ordinal);
        ValidationError detail = Assert.Single(ex.Error.Detail!);
        Assert.Equal("bad session", detail.Msg);
        Assert.Equal("value_error", detail.Type);
        Assert.Equal(3, detail.Loc.Count);
        Assert.Equal("cookie", detail.Loc[0].AsString());
        Assert.Equal(0L, detail.Loc[2].AsInt64());
    }

    [Fact]
    public async Task InvalidCreditsValueRaisesTheValidationExceptionWithItsPath()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(LoopbackServer.Json("{\"code\":100,\"data\":{\"credits_left\":\"12,5 EUR\"},\"message\":\"ok\"}"));
        using HttpClient http = new();
        LiveAvatarClient client = new(http, new LiveAvatarClientOptions { BaseAddress = server.BaseAddress });

        ApiValidationException ex = await Assert.ThrowsAsync<ApiValidationException>(() => client.Users.GetUserCreditsAsync());

        Assert.Equal("$.data.credits_left", ex.JsonPath);
        Assert.Equal("CreditsLeft", ex.TypeName);
        Assert.Contains("\"12,5 EUR\"", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingRequiredMemberIsAFormatErrorWithItsPath()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(LoopbackServer.Json("{\"code\":100,\"data\":{},\"message\":\"ok\"}"));
        using HttpClient http = new();
        LiveAvatarClient client = new(http, new LiveAvatarClientOptions { BaseAddress = server.BaseAddress });

        ApiResponseFormatException ex = await Assert.ThrowsAsync<ApiResponseFormatException>(() => client.Users.GetUserCreditsAsync());

        Assert.Equal("$.data", ex.JsonPath);
        Assert.Contains("credits_left", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NullDataThrowsTheEnvelopeExceptionWithCodeAndMessage()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(LoopbackServer.Json("{\"code\":401,\"data\":null,\"message\":\"no access\"}"));
        using HttpClient http = new();
        LiveAvatarClient client = new(http, new LiveAvatarClientOptions { BaseAddress = server.BaseAddress });

        ApiEnvelope<UserCreditsSchema> response = await client.Users.GetUserCreditsAsync();
        ApiEnvelopeException ex = Assert.Throws<ApiEnvelopeException>(() => response.GetDataOrThrow());

        Assert.Equal(401, ex.Code);
        Assert.Equal("no access", ex.EnvelopeMessage);
    }

    [Fact]
    public async Task UnknownMembersAreTolerated()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(LoopbackServer.Json("{\"extra\":{\"a\":[1,2]},\"code\":100,\"data\":{\"credits_left\":\"1\",\"new_field\":true},\"message\":\"ok\"}"));
        using HttpClient http = new();
        LiveAvatarClient client = new(http, new LiveAvatarClientOptions { BaseAddress = server.BaseAddress });

        ApiEnvelope<UserCreditsSchema> response = await client.Users.GetUserCreditsAsync();

        Assert.Equal("1", response.GetDataOrThrow().CreditsLeft.Value);
    }

    [Fact]
    public async Task MalformedJsonIsAFormatError()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(LoopbackServer.Json("{\"code\":100,\"data\":{\"credits_left\":\"1\""));
        using HttpClient http = new();
        LiveAvatarClient client = new(http, new LiveAvatarClientOptions { BaseAddress = server.BaseAddress });

        await Assert.ThrowsAsync<ApiResponseFormatException>(() => client.Users.GetUserCreditsAsync());
    }

    [Fact]
    public async Task UndocumentedErrorStatusRaisesApiExceptionWithABoundedBody()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(async context =>
        {
            context.Response.StatusCode = 500;
            context.Response.ContentType = "text/html";
            await Microsoft.AspNetCore.Http.HttpResponseWritingExtensions.WriteAsync(context.Response, "<html>" + new string('x', 10_000) + "</html>");
        });
        using HttpClient http = new();
        LiveAvatarClient client = new(http, new LiveAvatarClientOptions { BaseAddress = server.BaseAddress });

        ApiException ex = await Assert.ThrowsAsync<ApiException>(() => client.Users.GetUserCreditsAsync());

        Assert.Equal(500, ex.StatusCode);
        Assert.True(ex.ResponseBody!.Length <= ApiException.MaxBodyExcerptLength + 1);
    }
}
