// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System.Linq;
using LiveAvatarGen.Generator.Model;
using LiveAvatarGen.Tests.Harness;
using Xunit;
using static LiveAvatarGen.Tests.Parsing.ParserHarness;

namespace LiveAvatarGen.Tests.Parsing;

/// <summary>Repeated inline shapes map to one type, so a big spec does not emit the same list dozens of times.</summary>
public sealed class SharedShapeParsingTests
{
    [Fact]
    public void InlineEnumsWithTheSameValuesShareTheTypeNamedWhereFirstMet()
    {
        ApiSpec spec = ReadClean(Schemas("""
            Card:
              type: object
              properties:
                allowed: { type: array, items: { type: string, enum: [ac_refrigeration, airlines, bakeries] } }
                blocked: { type: array, items: { type: string, enum: [ac_refrigeration, airlines, bakeries] } }
                maybe: { type: [string, "null"], enum: [ac_refrigeration, airlines, bakeries, null] }
                other: { type: string, enum: [airlines, ac_refrigeration, bakeries] }
                level: { type: integer, enum: [1, 2, 3] }
                rank: { type: string, enum: ["1", "2", "3"] }
                joinedLeft: { type: string, enum: [ab, c] }
                joinedRight: { type: string, enum: [a, bc] }
            """));

        ObjectModel card = spec.Type<ObjectModel>("Card");
        TypeRef allowed = card.Property("allowed").Type.Element!;
        Assert.Equal(allowed, card.Property("blocked").Type.Element);

        // A listed null makes only that use nullable: the type is the same.
        Assert.Equal(allowed.AsNullable(), card.Property("maybe").Type);

        // Another order, or numbers where there were strings, is another type.
        Assert.NotEqual(allowed.FullName, card.Property("other").Type.AsNonNullable().FullName);
        Assert.NotEqual(card.Property("level").Type.AsNonNullable().FullName, card.Property("rank").Type.AsNonNullable().FullName);

        // Values are compared one by one, not as one joined text.
        Assert.NotEqual(card.Property("joinedLeft").Type.FullName, card.Property("joinedRight").Type.FullName);

        EnumModel shared = spec.Types.OfType<EnumModel>().Single(e => allowed.FullName!.EndsWith("." + e.Name, System.StringComparison.Ordinal));
        Assert.Equal(new[] { "ac_refrigeration", "airlines", "bakeries" }, shared.Members.Select(m => m.Value));
        Assert.Equal(6, spec.Types.OfType<EnumModel>().Count());

        // The null Microsoft.OpenApi keeps in the list as a sentinel string is no member.
        Assert.All(spec.Types.OfType<EnumModel>(), e => Assert.DoesNotContain(e.Members, m => m.Value.Contains("sentinel", System.StringComparison.Ordinal)));
    }

    [Fact]
    public void InlineValueTypesWithTheSameRulesShareTheTypeNamedWhereFirstMet()
    {
        ApiSpec spec = ReadClean(Schemas("""
            Call:
              type: object
              properties:
                serviceSid: { type: string, pattern: '^IS[0-9a-fA-F]{32}$', minLength: 34, maxLength: 34, description: The service. }
                otherServiceSid: { type: string, pattern: '^IS[0-9a-fA-F]{32}$', minLength: 34, maxLength: 34, description: The service. }
                chatSid: { type: string, pattern: '^IS[0-9a-fA-F]{32}$', minLength: 34, maxLength: 34, description: Another text. }
                looseSid: { type: string, pattern: '^IS[0-9a-fA-F]{32}$' }
                accountSid: { type: string, pattern: '^AC[0-9a-fA-F]{32}$', minLength: 34, maxLength: 34 }
                ttl: { type: integer, minimum: 0, maximum: 3600 }
                timeout: { type: integer, minimum: 0, maximum: 3600 }
                retries: { type: integer, minimum: 0, maximum: 10 }
            """));

        ObjectModel call = spec.Type<ObjectModel>("Call");
        TypeRef service = call.Property("serviceSid").Type.AsNonNullable();
        Assert.Equal(service, call.Property("otherServiceSid").Type.AsNonNullable());
        Assert.Equal(service, call.Property("chatSid").Type.AsNonNullable());
        Assert.EndsWith(".ServiceSid", service.FullName, System.StringComparison.Ordinal);

        // Other length rules, another pattern: other types.
        Assert.NotEqual(service, call.Property("looseSid").Type.AsNonNullable());
        Assert.NotEqual(service, call.Property("accountSid").Type.AsNonNullable());
        Assert.Equal(3, spec.Types.OfType<ValueTypeModel>().Count());

        // The places describe it differently, so no summary is kept: neither is true of all.
        Assert.Null(spec.Types.OfType<ValueTypeModel>().Single(t => t.Name == "ServiceSid").Documentation);

        // Numbers with the same kind and bounds share too.
        Assert.Equal(call.Property("ttl").Type.AsNonNullable(), call.Property("timeout").Type.AsNonNullable());
        Assert.NotEqual(call.Property("ttl").Type.AsNonNullable(), call.Property("retries").Type.AsNonNullable());
        Assert.Equal(2, spec.Types.OfType<NumberTypeModel>().Count());
    }

    [Fact]
    public void SharedResponsesAndRequestBodiesAreOneTypeNamedAfterTheirComponent()
    {
        ApiSpec spec = ReadClean("""
            openapi: 3.0.3
            info: { title: Test API, version: '1' }
            paths:
              /a:
                post:
                  operationId: createA
                  requestBody: { $ref: '#/components/requestBodies/Tagging' }
                  responses:
                    '200': { description: ok }
                    '401': { $ref: '#/components/responses/Unauthorized' }
              /b:
                put:
                  operationId: updateB
                  requestBody: { $ref: '#/components/requestBodies/Tagging' }
                  responses:
                    '204': { description: done }
                    '401': { $ref: '#/components/responses/Unauthorized' }
                    '429': { $ref: '#/components/responses/TooManyRequestsResponse' }
            components:
              requestBodies:
                Tagging:
                  required: true
                  content:
                    application/json:
                      schema: { type: object, properties: { tags: { type: array, items: { type: string } } } }
              responses:
                Unauthorized:
                  description: Bad or expired token.
                  content:
                    application/json:
                      schema: { type: object, required: [error], properties: { error: { type: string } } }
                TooManyRequestsResponse:
                  description: Slow down.
                  content:
                    application/json:
                      schema: { type: object, properties: { retry: { type: integer } } }
            """);

        OperationModel a = spec.Operation("CreateAAsync");
        OperationModel b = spec.Operation("UpdateBAsync");
        Assert.Equal(Global("UnauthorizedResponse"), a.Responses.Single(r => r.StatusCode == "401").Type!.FullName);
        Assert.Equal(a.Responses.Single(r => r.StatusCode == "401").Type, b.Responses.Single(r => r.StatusCode == "401").Type);
        Assert.Equal(Global("TooManyRequestsResponse"), b.Responses.Single(r => r.StatusCode == "429").Type!.FullName);
        Assert.Equal(Global("TaggingRequest"), a.Body!.Type.FullName);
        Assert.Equal(a.Body.Type, b.Body!.Type);
        Assert.Equal(3, spec.Types.OfType<ObjectModel>().Count());
    }

    [Fact]
    public void InlineObjectsOfTheSameShapeShareTheTypeNamedWhereFirstMet()
    {
        // Stripe repeats {requested: boolean} 72 times and an address 30 times; each was a class of its own.
        ApiSpec spec = ReadClean(Schemas("""
            Account:
              type: object
              properties:
                card: { type: object, properties: { requested: { type: boolean } } }
                bank: { type: object, properties: { requested: { type: boolean } } }
                home:
                  type: object
                  properties:
                    city: { type: string }
                    geo: { type: object, properties: { lat: { type: number }, lon: { type: number } } }
            Customer:
              type: object
              properties:
                address:
                  type: object
                  properties:
                    city: { type: string }
                    geo: { type: object, properties: { lat: { type: number }, lon: { type: number } } }
                wanted: { type: object, properties: { requested: { type: boolean, description: Asked for. } } }
                optional: { type: object, required: [requested], properties: { requested: { type: boolean } } }
            """));

        ObjectModel account = spec.Type<ObjectModel>("Account");
        ObjectModel customer = spec.Type<ObjectModel>("Customer");
        Assert.Equal(Global("AccountCard"), account.Property("bank").Type.FullName);

        // A parent whose members were shared is the same shape too: one class for the address and one for its geo.
        Assert.Equal(Global("AccountHome"), customer.Property("address").Type.FullName);
        Assert.Equal(Global("AccountHomeGeo"), spec.Type<ObjectModel>("AccountHome").Property("geo").Type.FullName);

        // Another description of a member, or another required list, is another shape.
        Assert.Equal(Global("CustomerWanted"), customer.Property("wanted").Type.FullName);
        Assert.Equal(Global("CustomerOptional"), customer.Property("optional").Type.FullName);
        Assert.Equal(
            new[] { "Account", "AccountCard", "AccountHome", "AccountHomeGeo", "Customer", "CustomerOptional", "CustomerWanted" },
            spec.Types.Select(t => t.Name).OrderBy(n => n, System.StringComparer.Ordinal));
    }

    [Fact]
    public void ASharedTypeKeepsItsSummaryOnlyWhenEveryPlaceGivesTheSame()
    {
        ApiSpec spec = ReadClean(Schemas("""
            Thing:
              type: object
              properties:
                first: { type: object, description: Where it ships., properties: { city: { type: string } } }
                second: { type: object, description: Where it ships., properties: { city: { type: string } } }
                billing: { type: object, description: Where it bills., properties: { zip: { type: string } } }
                shipping: { type: object, description: Where it ships., properties: { zip: { type: string } } }
            """));

        ObjectModel thing = spec.Type<ObjectModel>("Thing");
        Assert.Equal(thing.Property("first").Type, thing.Property("second").Type);
        Assert.Equal("Where it ships.", spec.Type<ObjectModel>("ThingFirst").Documentation);

        // The summary of one place would be wrong in the other; each property keeps its own.
        Assert.Equal(thing.Property("billing").Type, thing.Property("shipping").Type);
        Assert.Null(spec.Type<ObjectModel>("ThingBilling").Documentation);
        Assert.Equal("Where it ships.", thing.Property("shipping").Documentation);
    }

    [Fact]
    public void InlineUnionsOfTheSameVariantsShareOneTypeButOperationsKeepTheirOwnBodies()
    {
        ApiSpec spec = ReadClean("""
            openapi: 3.0.3
            info: { title: Test API, version: '1' }
            paths:
              /a:
                post:
                  operationId: createA
                  requestBody:
                    content:
                      application/json:
                        schema:
                          type: object
                          properties:
                            name: { anyOf: [{ type: string }, { type: string, enum: [''] }] }
                  responses: { '204': { description: done } }
              /b:
                post:
                  operationId: createB
                  requestBody:
                    content:
                      application/json:
                        schema:
                          type: object
                          properties:
                            name: { anyOf: [{ type: string }, { type: string, enum: [''] }] }
                  responses: { '204': { description: done } }
            """);

        OperationModel a = spec.Operation("CreateAAsync");
        OperationModel b = spec.Operation("CreateBAsync");

        // The operation's own body is named after it, even when another operation's has the same shape.
        Assert.NotEqual(a.Body!.Type.FullName, b.Body!.Type.FullName);
        TypeRef name = spec.Type<ObjectModel>("CreateARequest").Property("name").Type;
        Assert.Equal(name, spec.Type<ObjectModel>("CreateBRequest").Property("name").Type);
        Assert.Single(spec.Types.OfType<UnionModel>());
    }

    [Fact]
    public void OperationsThatDeclareTheSameResponseHeadersShareTheFirstOnesClass()
    {
        // Twilio's list and fetch operations all answer with the same CORS headers: 85 identical classes before.
        const string Spec = """
            openapi: 3.0.3
            info: { title: Test API, version: '1' }
            paths:
              /a:
                get:
                  operationId: listA
                  responses:
                    '200':
                      description: ok
                      headers:
                        X-Origin: { description: Allowed origin., schema: { type: string } }
                        X-Count: { schema: { type: integer } }
              /b:
                get:
                  operationId: listB
                  responses:
                    '200':
                      description: ok
                      headers:
                        X-Origin: { description: Allowed origin., schema: { type: string } }
                        X-Count: { schema: { type: integer } }
              /c:
                get:
                  operationId: listC
                  responses:
                    '200':
                      description: ok
                      headers:
                        X-Origin: { description: Allowed origin., schema: { type: string } }
                        X-Count: { schema: { type: string } }
            """;
        ApiSpec spec = ReadClean(Spec);

        OperationModel a = spec.Operation("ListAAsync");
        OperationModel b = spec.Operation("ListBAsync");
        OperationModel c = spec.Operation("ListCAsync");
        Assert.Equal(("ListAResponseHeaders", true), (a.HeadersClass, a.DeclaresHeadersClass));
        Assert.Equal(("ListAResponseHeaders", false), (b.HeadersClass, b.DeclaresHeadersClass));

        // Another type for one header is another class.
        Assert.Equal(("ListCResponseHeaders", true), (c.HeadersClass, c.DeclaresHeadersClass));

        GenerationResult result = GeneratorHarness.Generate("/specs/headers.openapi.yaml", Spec);
        Assert.Empty(result.CompilationProblems);
        Assert.Single(result.Sources, s => s.SourceText.ToString().Contains("public sealed class ListAResponseHeaders", System.StringComparison.Ordinal));
        Assert.DoesNotContain(result.Sources, s => s.SourceText.ToString().Contains("class ListBResponseHeaders", System.StringComparison.Ordinal));
        Assert.Contains(result.Sources, s => s.SourceText.ToString().Contains("global::Test.Api.ListAResponseHeaders>> ListBWithResponseAsync(", System.StringComparison.Ordinal));
    }

    [Fact]
    public void ASharedUnionOfComponentsAndPrimitivesIsNamedAfterItsVariants()
    {
        // Stripe's expandable fields: an id or the object, in dozens of places.
        ApiSpec spec = ReadClean(Schemas("""
            Customer: { type: object, properties: { id: { type: string } } }
            DeletedCustomer: { type: object, properties: { deleted: { type: boolean } } }
            Card:
              type: object
              properties:
                customer: { anyOf: [{ type: string }, { $ref: '#/components/schemas/Customer' }, { $ref: '#/components/schemas/DeletedCustomer' }] }
                either: { oneOf: [{ type: string }, { type: integer }] }
            Charge:
              type: object
              properties:
                customer: { anyOf: [{ type: string }, { $ref: '#/components/schemas/Customer' }, { $ref: '#/components/schemas/DeletedCustomer' }] }
            Invoice:
              type: object
              properties:
                customer: { anyOf: [{ type: string, maxLength: 10 }, { $ref: '#/components/schemas/Customer' }, { $ref: '#/components/schemas/DeletedCustomer' }] }
            """));

        TypeRef card = spec.Type<ObjectModel>("Card").Property("customer").Type;
        Assert.Equal(Global("StringOrCustomerOrDeletedCustomer"), card.FullName);
        Assert.Equal(card, spec.Type<ObjectModel>("Charge").Property("customer").Type);

        // Other rules for a variant are another union; the name is taken, so it keeps the one from its place.
        Assert.Equal(Global("InvoiceCustomer"), spec.Type<ObjectModel>("Invoice").Property("customer").Type.FullName);

        // Primitives alone say less than the property: the union keeps its place's name.
        Assert.Equal(Global("CardEither"), spec.Type<ObjectModel>("Card").Property("either").Type.AsNonNullable().FullName);
    }
}
