// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using LiveAvatarGen.Runtime.Errors;
using Webhooks.Api;
using Xunit;

namespace LiveAvatarGen.Tests.Webhooks;

/// <summary>
/// The readers, typed events and handlers generated from <c>Specs/webhooks.openapi.yaml</c> (compiled into this
/// project): typed payloads, an unknown event as a typed result, a malformed body as the runtime's data exception.
/// </summary>
public sealed class WebhookDispatchTests
{
    private static readonly byte[] PetJson = Encoding.UTF8.GetBytes("""{"id":7,"name":"Rex","tag":"dog","owner":"ann"}""");

    [Fact]
    public void EachWebhookReadsItsPayloadAsTheClientsOwnType()
    {
        Pet pet = PetHooksWebhooks.ReadPetCreated(PetJson);

        Assert.Equal((7L, "Rex", "dog"), (pet.Id, pet.Name, pet.Tag));
        Assert.Equal("\"ann\"", pet.AdditionalProperties!["owner"].GetRawText());
        PetDeletedPayload deleted = PetHooksWebhooks.ReadPetDeleted("""{"id":7}"""u8);
        Assert.Equal((7L, (string?)null), (deleted.Id, deleted.Reason));
    }

    [Fact]
    public void ReadByEventNameReturnsTheTypedEvent()
    {
        PetHooksWebhookEvent created = PetHooksWebhooks.Read("pet.created", PetJson);
        PetHooksWebhookEvent ping = PetHooksWebhooks.Read(PetHooksWebhooks.Events.Ping, ReadOnlySpan<byte>.Empty);

        PetHooksWebhookEvent.PetCreated typed = Assert.IsType<PetHooksWebhookEvent.PetCreated>(created);
        Assert.Equal(("pet.created", 7L), (typed.EventName, typed.Payload.Id));
        Assert.Equal("ping", Assert.IsType<PetHooksWebhookEvent.Ping>(ping).EventName);
        Assert.True(PetHooksWebhooks.IsKnownEvent("pet.deleted"));
        Assert.False(PetHooksWebhooks.IsKnownEvent("Pet.Deleted"));
    }

    [Fact]
    public void AnUnknownEventIsATypedResultKeepingItsBodyNeverAnException()
    {
        PetHooksWebhookEvent.Unknown unknown = Assert.IsType<PetHooksWebhookEvent.Unknown>(PetHooksWebhooks.Read("pet.renamed", "not even json"u8));

        Assert.Equal("pet.renamed", unknown.EventName);
        Assert.Equal("not even json", Encoding.UTF8.GetString(unknown.Body));
        Assert.Throws<ArgumentNullException>(() => PetHooksWebhooks.Read(null!, PetJson));
    }

    [Theory]
    [InlineData("""{"id":7,"name":"Rex" """, "$")]
    [InlineData("""{"id":7,"name":"Rex"} {}""", "$")]
    [InlineData("""{"id":"seven","name":"Rex"}""", "$.id")]
    [InlineData("""{"name":"Rex"}""", "$")]
    [InlineData("", "$")]
    public void AMalformedBodyIsTheRuntimesFormatExceptionWithItsPath(string body, string path)
    {
        ApiResponseFormatException error = Assert.Throws<ApiResponseFormatException>(() => PetHooksWebhooks.Read("pet.created", Encoding.UTF8.GetBytes(body)));

        Assert.Equal(path, error.JsonPath);
    }

    [Fact]
    public void AValueBreakingItsRuleIsTheRuntimesValidationException()
    {
        ApiValidationException error = Assert.Throws<ApiValidationException>(() => PetHooksWebhooks.ReadPetCreated("""{"id":7,"name":""}"""u8));

        Assert.Equal("$.name", error.JsonPath);
    }

    [Fact]
    public async Task ReadAsyncReadsAStreamToItsEnd()
    {
        await using MemoryStream body = new(PetJson);

        PetHooksWebhookEvent read = await PetHooksWebhooks.ReadAsync("pet.created", body);

        Assert.Equal("Rex", Assert.IsType<PetHooksWebhookEvent.PetCreated>(read).Payload.Name);
    }

    [Fact]
    public async Task HandlersAreCalledWithTheTypedPayloadAndReportWhetherOneRan()
    {
        List<string> seen = new();
        using CancellationTokenSource cancellation = new();
        PetHooksWebhookHandlers handlers = new()
        {
            PetCreated = (pet, token) =>
            {
                Assert.Equal(cancellation.Token, token);
                seen.Add("created " + pet.Name);
                return Task.CompletedTask;
            },
            Ping = _ =>
            {
                seen.Add("ping");
                return Task.CompletedTask;
            },
        };

        Assert.True(await handlers.DispatchAsync("pet.created", PetJson, cancellation.Token));
        Assert.True(await handlers.DispatchAsync("ping", ReadOnlyMemory<byte>.Empty, cancellation.Token));
        Assert.False(await handlers.DispatchAsync("pet.deleted", "{\"id\":1}"u8.ToArray(), cancellation.Token));
        Assert.False(await handlers.DispatchAsync("pet.renamed", PetJson, cancellation.Token));
        await Assert.ThrowsAsync<ApiResponseFormatException>(() => handlers.DispatchAsync("pet.created", "{"u8.ToArray(), cancellation.Token));

        Assert.Equal(new[] { "created Rex", "ping" }, seen);
    }
}
