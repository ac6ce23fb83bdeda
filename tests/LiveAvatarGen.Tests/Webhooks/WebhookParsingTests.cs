// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.Collections.Generic;
using System.Linq;
using LiveAvatarGen.Generator.Configuration;
using LiveAvatarGen.Generator.Diagnostics;
using LiveAvatarGen.Generator.Model;
using LiveAvatarGen.Generator.Parsing;
using LiveAvatarGen.Tests.Harness;
using LiveAvatarGen.Tests.Parsing;
using Xunit;

namespace LiveAvatarGen.Tests.Webhooks;

/// <summary>The spec's <c>webhooks</c> read into <see cref="WebhooksModel"/>: names, payload types, events, and what is reported.</summary>
public sealed class WebhookParsingTests
{
    private static string Spec(string webhooks, string? schemas = null)
        => "openapi: 3.1.0\ninfo: { title: Pet Hooks API, version: '1' }\nwebhooks:\n" + Indent(webhooks, 2)
            + (schemas is null ? string.Empty : "components:\n  schemas:\n" + Indent(schemas, 4));

    private static string Indent(string text, int spaces)
        => string.Join("\n", text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim('\n').Split('\n').Select(l => l.Length == 0 ? l : new string(' ', spaces) + l)) + "\n";

    private static WebhookModel Webhook(ApiSpec spec, string name)
    {
        WebhookModel? found = spec.Webhooks?.Webhooks.FirstOrDefault(w => w.Name == name);
        Assert.True(found is not null, "no webhook " + name + ": " + ParserHarness.Dump(spec.Webhooks));
        return found!;
    }

    private const string PetSchema = """
        Pet:
          type: object
          required: [id]
          properties:
            id: { type: integer, format: int64 }
        """;

    [Fact]
    public void TheOpenApiWebhookExampleIsReadAndNoLongerSkipped()
    {
        ReadResult result = ParserHarness.Read(TestPaths.ReadSpec("public/oai-webhook-example.yaml"));

        Assert.DoesNotContain(result.Diagnostics, d => d.Id == "LAG2002");
        WebhooksModel webhooks = result.Spec!.Webhooks!;
        Assert.Equal(("WebhookExampleWebhooks", "WebhookExampleWebhookEvent", "WebhookExampleWebhookHandlers", "WebhookExampleWebhookEndpoints", "MapWebhookExampleWebhooks"), (webhooks.ReaderName, webhooks.EventName, webhooks.HandlersName, webhooks.EndpointsName, webhooks.MapMethodName));
        WebhookModel newPet = Assert.Single(webhooks.Webhooks);
        Assert.Equal(("newPet", "newPet", "NewPet", WebhookBodyKind.Json), (newPet.Name, newPet.Event, newPet.MemberName, newPet.BodyKind));
        Assert.Null(webhooks.EventHeader);

        // An optional request body (the example does not say required): an empty body reads as null.
        Assert.Equal(new TypeRef(TypeKind.Class, ParserHarness.Global("Pet"), IsNullable: true), newPet.Payload);
        Assert.Contains(result.Spec.Types, t => t.Name == "Pet");
    }

    [Fact]
    public void APayloadRefIsTheSameClassTheClientUsesAndAnInlinePayloadGetsItsOwn()
    {
        ApiSpec spec = ParserHarness.ReadClean(TestPaths.ReadSpec("webhooks.openapi.yaml"));

        WebhookModel created = Webhook(spec, "pet.created");
        Assert.Equal(spec.Operation("GetPetAsync").Responses.Single().Type, created.Payload);
        Assert.Equal(("pet.created", "PetCreated", "A pet was added."), (created.Event, created.MemberName, created.Documentation));
        WebhookModel deleted = Webhook(spec, "pet.deleted");
        Assert.Equal(ParserHarness.Global("PetDeletedPayload"), deleted.Payload!.FullName);
        Assert.False(deleted.Payload.IsNullable);
        spec.Type<ObjectModel>("PetDeletedPayload").Property("reason");
        Assert.Equal((WebhookBodyKind.None, (TypeRef?)null), (Webhook(spec, "ping").BodyKind, Webhook(spec, "ping").Payload));
        Assert.Equal(new[] { "pet.created", "pet.deleted", "ping" }, spec.Webhooks!.Webhooks.Select(w => w.Name));
    }

    [Fact]
    public void AWebhookWithoutARequestBodyIsAnEventWithoutPayloadAndCallbacksAreStillLag2002()
    {
        ReadResult result = ParserHarness.Read(TestPaths.ReadSpec("public/oai-tictactoe.yaml"));

        WebhookModel markStatus = Assert.Single(result.Spec!.Webhooks!.Webhooks);
        Assert.Equal(("markStatus", WebhookBodyKind.None, "Status of mark operation\nProvides the status of the mark operation on completion"), (markStatus.Name, markStatus.BodyKind, markStatus.Documentation));
        DiagnosticInfo skipped = Assert.Single(result.Diagnostics, d => d.Id == "LAG2002");
        Assert.EndsWith("/callbacks", skipped.Arguments[0], StringComparison.Ordinal);
    }

    [Fact]
    public void ANonJsonBodyIsHandedOverRawAndReportedAsLag2007()
    {
        ReadResult result = ParserHarness.Read(Spec("""
            photo:
              post:
                requestBody:
                  content:
                    image/png: { schema: { type: string, format: binary } }
                responses: { '200': { description: ok } }
            """));

        Assert.Equal(WebhookBodyKind.Raw, Assert.Single(result.Spec!.Webhooks!.Webhooks).BodyKind);
        DiagnosticInfo diagnostic = result.Diagnostic("LAG2007");
        Assert.Equal("#/webhooks/photo/post/requestBody", diagnostic.Arguments[0]);
        Assert.Contains("'image/png'", diagnostic.Arguments[1], StringComparison.Ordinal);
        Assert.Equal(5, diagnostic.Location!.StartLine);
    }

    [Fact]
    public void OnlyThePostOperationIsGeneratedAndTheOthersAndEmptyWebhooksAreLag2008()
    {
        ReadResult result = ParserHarness.Read(Spec("""
            changed:
              get:
                responses: { '200': { description: ok } }
              post:
                requestBody: { required: true, content: { application/json: { schema: { $ref: '#/components/schemas/Pet' } } } }
                responses: { '200': { description: ok } }
            nothing:
              summary: a path item without operations
            """, PetSchema));

        WebhookModel changed = Assert.Single(result.Spec!.Webhooks!.Webhooks);
        Assert.Equal(ParserHarness.Global("Pet"), changed.Payload!.FullName);
        DiagnosticInfo[] skipped = result.Diagnostics.Where(d => d.Id == "LAG2008").ToArray();
        Assert.Equal(new[] { "#/webhooks/changed/get", "#/webhooks/nothing" }, skipped.Select(d => d.Arguments[0]));
        Assert.Contains("only its post operation", skipped[0].Arguments[1], StringComparison.Ordinal);
        Assert.Equal((4, 9), (skipped[0].Location!.StartLine, skipped[1].Location!.StartLine));
    }

    [Fact]
    public void AHeaderEveryWebhookFixesToADifferentValueNamesTheEvent()
    {
        ApiSpec spec = ParserHarness.ReadClean(Spec("""
            petCreated:
              post:
                parameters:
                  - { name: X-Pet-Event, in: header, required: true, schema: { type: string, const: pet.created } }
                  - { name: X-Signature, in: header, schema: { type: string } }
                requestBody: { required: true, content: { application/json: { schema: { $ref: '#/components/schemas/Pet' } } } }
                responses: { '200': { description: ok } }
            petDeleted:
              parameters:
                - { name: x-pet-event, in: header, required: true, schema: { type: string, enum: [pet.deleted] } }
              post:
                requestBody: { required: true, content: { application/json: { schema: { $ref: '#/components/schemas/Pet' } } } }
                responses: { '200': { description: ok } }
            """, PetSchema));

        Assert.Equal("X-Pet-Event", spec.Webhooks!.EventHeader);
        Assert.Equal(new[] { ("petCreated", "pet.created"), ("petDeleted", "pet.deleted") }, spec.Webhooks.Webhooks.Select(w => (w.Name, w.Event)));
    }

    [Fact]
    public void AFixedHeaderThatDoesNotTellEveryWebhookApartIsLag2009AndNamesDecide()
    {
        ReadResult result = ParserHarness.Read(Spec("""
            a:
              post:
                parameters: [ { name: X-Kind, in: header, schema: { type: string, const: same } } ]
                responses: { '200': { description: ok } }
            b:
              post:
                parameters: [ { name: X-Kind, in: header, schema: { type: string, const: same } } ]
                responses: { '200': { description: ok } }
            c:
              post:
                responses: { '200': { description: ok } }
            """));

        Assert.Null(result.Spec!.Webhooks!.EventHeader);
        Assert.Equal(new[] { "a", "b", "c" }, result.Spec.Webhooks.Webhooks.Select(w => w.Event));
        DiagnosticInfo diagnostic = result.Diagnostic("LAG2009");
        Assert.Equal("#/webhooks", diagnostic.Arguments[0]);
        Assert.Contains("X-Kind", diagnostic.Arguments[1], StringComparison.Ordinal);
        Assert.Equal(2, diagnostic.Location!.StartLine);
    }

    [Fact]
    public void WebhookNamesNeverTakeAGeneratedNameAndTheSpecsSchemasKeepTheirs()
    {
        ApiSpec spec = ParserHarness.ReadClean(Spec("""
            read:
              post: { responses: { '200': { description: ok } } }
            Unknown:
              post: { responses: { '200': { description: ok } } }
            events:
              post: { responses: { '200': { description: ok } } }
            async:
              post: { responses: { '200': { description: ok } } }
            pet-hooks-webhook-event:
              post: { responses: { '200': { description: ok } } }
            """, """
            PetHooksWebhooks:
              type: object
              properties: { a: { type: string } }
            """));

        Assert.Equal(new[] { "Read2", "Unknown2", "Events2", "Async2", "PetHooksWebhookEvent2" }, spec.Webhooks!.Webhooks.Select(w => w.MemberName));
        Assert.Equal("PetHooksWebhooks2", spec.Webhooks.ReaderName);
        spec.Type<ObjectModel>("PetHooksWebhooks");
    }

    [Fact]
    public void AnOperationFilterKeepsTheWebhooksAndTheirPayloadTypes()
    {
        SpecFilter filter = SpecFilter.From(name => name == "OpenApiIncludeOperations" ? "nothingLikeThis" : null);
        ReadResult result = SpecReader.Read(new SpecInput("/specs/webhooks.openapi.yaml", TestPaths.ReadSpec("webhooks.openapi.yaml"), "Test.Api", null, true, filter), default);

        Assert.Empty(result.Spec!.Client!.Operations);
        Assert.Equal(3, result.Spec.Webhooks!.Webhooks.Count);
        Assert.Contains(result.Spec.Types, t => t.Name == "Pet");
        Assert.Contains(result.Spec.Types, t => t.Name == "PetDeletedPayload");
    }

    [Fact]
    public void AWebhookMayBeAReferenceToAComponentPathItemAndABrokenOneIsNoCrash()
    {
        ReadResult result = ParserHarness.Read("""
            openapi: 3.1.0
            info: { title: Pet Hooks API, version: '1' }
            webhooks:
              shared: { $ref: '#/components/pathItems/PetEvent' }
              broken: { $ref: '#/components/pathItems/Missing' }
            components:
              pathItems:
                PetEvent:
                  post:
                    requestBody: { required: true, content: { application/json: { schema: { $ref: '#/components/schemas/Pet' } } } }
                    responses: { '200': { description: ok } }
              schemas:
                Pet: { type: object, properties: { id: { type: integer } } }
            """);

        Assert.DoesNotContain(result.Diagnostics, d => d.Id == "LAG1006");
        WebhookModel shared = Webhook(result.Spec!, "shared");
        Assert.Equal(ParserHarness.Global("Pet"), shared.Payload!.FullName);
    }

    [Fact]
    public void ASpecWithoutWebhooksHasNoWebhookModel()
    {
        Assert.Null(ParserHarness.ReadClean(TestPaths.ReadSpec("credits.openapi.json")).Webhooks);
    }

    [Fact]
    public void TheModelIsEqualForEqualText()
    {
        string text = TestPaths.ReadSpec("webhooks.openapi.yaml");
        WebhooksModel first = ParserHarness.Read(text).Spec!.Webhooks!;
        WebhooksModel second = ParserHarness.Read(text).Spec!.Webhooks!;

        Assert.NotSame(first, second);
        Assert.Equal(first, second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
    }
}
