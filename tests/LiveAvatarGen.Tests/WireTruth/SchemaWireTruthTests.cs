// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using LiveAvatarGen.Runtime.Errors;
using LiveAvatarGen.Tests.Harness;
using WireTruth30.Api;
using WireTruth31.Api;
using Xunit;

namespace LiveAvatarGen.Tests.WireTruth;

/// <summary>
/// Schema shapes that real servers and recorded production traffic caught us reading or writing wrongly (issue 9,
/// classes 1, 5, 9 and 12), through the clients generated from Specs/wiretruth30.openapi.yaml and
/// Specs/wiretruth31.openapi.yaml against loopback Kestrel.
/// </summary>
public sealed class SchemaWireTruthTests
{
    private static WireTruth30Client Client30(HttpClient http, LoopbackServer server) => new(http, new WireTruth30ClientOptions { BaseAddress = server.BaseAddress });

    private static WireTruth31Client Client31(HttpClient http, LoopbackServer server) => new(http, new WireTruth31ClientOptions { BaseAddress = server.BaseAddress });

    private static Task NoContent(Microsoft.AspNetCore.Http.HttpContext context)
    {
        context.Response.StatusCode = 204;
        return Task.CompletedTask;
    }

    [Fact]
    public async Task AllOfAroundAPrimitiveAnArrayOrAUnionIsThatType()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(LoopbackServer.Json(
            "{\"id\":1,\"type\":\"bug\",\"priority\":\"3\",\"labels\":[\"a\",\"b\"],\"agent\":{\"model\":\"gpt\"},\"reporter\":null}"));
        using HttpClient http = new();

        Ticket ticket = await Client30(http, server).GetTicketAsync("t1");

        Assert.Equal("3", ticket.Priority);
        Assert.Equal(new[] { "a", "b" }, ticket.Labels);
        Assert.Equal("gpt", ticket.Agent?.AsBotAgent()?.Model);
        Assert.Null(ticket.Reporter);
    }

    [Fact]
    public async Task AllOfAroundAUnionSendsTheVariantNotAnEmptyObject()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(NoContent);
        using HttpClient http = new();

        await Client30(http, server).StartRunAsync(new RunRequest { Agent = new HumanAgent { Email = "a@example.test" } });

        Assert.Equal("{\"agent\":{\"email\":\"a@example.test\"}}", Assert.Single(server.Requests).Body);
    }

    [Fact]
    public async Task AReferencedSchemaThatIsNullableReadsNullEverywhereItIsUsed()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(LoopbackServer.Json(
            "{\"id\":1,\"type\":\"bug\",\"assignee\":null,\"watchers\":[null,{\"name\":\"ann\"}],\"state\":null}"));
        using HttpClient http = new();

        Ticket ticket = await Client30(http, server).GetTicketAsync("t1");

        Assert.Null(ticket.Assignee);
        Assert.Null(ticket.State);
        Assert.Collection(ticket.Watchers!, Assert.Null, w => Assert.Equal("ann", w!.Name));
    }

    [Fact]
    public async Task ARequiredNullableReferenceIn31AcceptsNullButNotAbsence()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(LoopbackServer.Json(
            "{\"id\":\"e1\",\"type\":\"created\",\"source\":{\"app\":\"x\"},\"data\":null,\"related\":[null,{\"id\":\"r\"}]}"));
        using HttpClient http = new();

        Event received = await Client31(http, server).GetEventAsync("e1");

        Assert.Null(received.Data);
        Assert.Collection(received.Related!, Assert.Null, r => Assert.Equal("r", r!.Id));

        await using LoopbackServer missing = await LoopbackServer.StartAsync(LoopbackServer.Json("{\"id\":\"e1\",\"type\":\"created\",\"source\":1}"));
        ApiDataException error = await Assert.ThrowsAnyAsync<ApiDataException>(() => Client31(http, missing).GetEventAsync("e1"));
        Assert.Contains("data", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMemberThatRequiredNamesButPropertiesDoNotDeclareIsKeptCheckedAndSent()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(LoopbackServer.Json(
            "{\"id\":\"e1\",\"type\":\"created\",\"source\":{\"app\":\"x\"},\"data\":null}"));
        using HttpClient http = new();

        Event received = await Client31(http, server).GetEventAsync("e1");

        Assert.Equal("created", received.Type.GetString());
        Assert.Equal("x", received.Source.GetProperty("app").GetString());
        Assert.Equal("{\"id\":\"e1\",\"data\":null,\"source\":{\"app\":\"x\"},\"type\":\"created\"}", JsonSerializer.Serialize(received));

        await using LoopbackServer withoutType = await LoopbackServer.StartAsync(LoopbackServer.Json("{\"id\":\"e1\",\"source\":1,\"data\":null}"));
        ApiDataException error = await Assert.ThrowsAnyAsync<ApiDataException>(() => Client31(http, withoutType).GetEventAsync("e1"));
        Assert.Contains("type", error.Message, StringComparison.Ordinal);

        await using LoopbackServer sink = await LoopbackServer.StartAsync(NoContent);
        using JsonDocument type = JsonDocument.Parse("\"deleted\"");
        using JsonDocument source = JsonDocument.Parse("\"cli\"");
        await Client31(http, sink).PostEventsAsync(new[] { new Event { Id = "e2", Data = null, Type = type.RootElement, Source = source.RootElement } });
        Assert.Equal("[{\"id\":\"e2\",\"data\":null,\"source\":\"cli\",\"type\":\"deleted\"}]", Assert.Single(sink.Requests).Body);
    }

    [Fact]
    public async Task DefaultsAreNeitherSentUnaskedNorInventedWhenRead()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(LoopbackServer.Json("{\"id\":1,\"type\":\"bug\"}"));
        using HttpClient http = new();
        WireTruth30Client client = Client30(http, server);

        Ticket ticket = await client.UpdateTicketAsync("t1", new TicketUpdate { Priority = "high" });

        Assert.Equal("{\"priority\":\"high\"}", Assert.Single(server.Requests).Body);
        Assert.Null(ticket.Status);
        Assert.Null(ticket.Notify);
        Assert.Null(ticket.Retries);

        await client.UpdateTicketAsync("t1", new TicketUpdate { Notify = false, ResourceCollectionEnabled = true });
        Assert.Equal("{\"notify\":false,\"resource_collection_enabled\":true}", server.Requests[1].Body);
    }
}
