// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System.Linq;
using LiveAvatarGen.Generator.Model;
using LiveAvatarGen.Tests.Harness;
using Xunit;
using static LiveAvatarGen.Tests.Parsing.ParserHarness;

namespace LiveAvatarGen.Tests.Parsing;

/// <summary>Paths → <see cref="OperationModel"/> records: parameters, bodies and responses.</summary>
public sealed class OperationParsingTests
{
    [Fact]
    public void OperationKeepsMethodPathDocsAndDeprecation()
    {
        ApiSpec spec = ReadClean(Paths("""
            /v1/items/{id}:
              delete:
                operationId: delete_item_v1_items__id__delete
                summary: Delete an item.
                deprecated: true
                parameters:
                  - { name: id, in: path, required: true, schema: { type: string } }
                responses: { '204': { description: none } }
            /no-id:
              get:
                responses: { '204': { description: none } }
            """));

        OperationModel delete = spec.Operation("DeleteItemAsync");
        // FastAPI's default operationId suffix (path and method) is dropped.
        Assert.Equal(("DELETE", "/v1/items/{id}", true), (delete.HttpMethod, delete.PathTemplate, delete.IsDeprecated));
        Assert.Contains("Delete an item.", delete.Documentation, System.StringComparison.Ordinal);
        Assert.Single(spec.Client!.Operations, o => o.PathTemplate == "/no-id" && o.HttpMethod == "GET" && o.MethodName.EndsWith("Async", System.StringComparison.Ordinal));
    }

    [Fact]
    public void ParametersInEveryLocationKeepTheirDefaultStyles()
    {
        ApiSpec spec = ReadClean(Paths("""
            /items/{id}:
              parameters:
                - { name: id, in: path, required: true, schema: { type: integer } }
              get:
                operationId: getItem
                parameters:
                  - { name: q, in: query, description: Free text., schema: { type: string } }
                  - { name: X-Trace, in: header, required: true, schema: { type: string } }
                  - { name: session, in: cookie, schema: { type: string } }
                responses: { '204': { description: none } }
            """));

        OperationModel operation = spec.Operation("GetItemAsync");
        Assert.Equal(new[] { "id", "q", "X-Trace", "session" }, operation.Parameters.Select(p => p.JsonName));

        // Path-level parameters are inherited; defaults per OpenAPI: simple for path and header, form (exploded) for query and cookie.
        Assert.Equal(Parameter("id", "id", ParameterLocation.Path, new TypeRef(TypeKind.Int64), true, "simple", false), operation.Parameter("id"));
        Assert.Equal(Parameter("q", "q", ParameterLocation.Query, new TypeRef(TypeKind.String, IsNullable: true), false, "form", true, "Free text."), operation.Parameter("q"));
        Assert.Equal(Parameter("X-Trace", "xTrace", ParameterLocation.Header, new TypeRef(TypeKind.String), true, "simple", false), operation.Parameter("X-Trace"));
        Assert.Equal(Parameter("session", "session", ParameterLocation.Cookie, new TypeRef(TypeKind.String, IsNullable: true), false, "form", true), operation.Parameter("session"));
    }

    [Fact]
    public void ParametersKeepEveryExplicitStyle()
    {
        ApiSpec spec = ReadClean(Paths("""
            /label/{l}/{m}:
              get:
                operationId: styled
                parameters:
                  - { name: l, in: path, required: true, style: label, explode: true, schema: { type: array, items: { type: string } } }
                  - { name: m, in: path, required: true, style: matrix, schema: { type: string } }
                  - { name: s, in: query, style: spaceDelimited, explode: false, schema: { type: array, items: { type: integer } } }
                  - { name: p, in: query, style: pipeDelimited, explode: false, schema: { type: array, items: { type: string } } }
                  - { name: f, in: query, explode: false, schema: { type: array, items: { type: integer } } }
                  - { name: filter, in: query, style: deepObject, explode: true, schema: { type: object, properties: { a: { type: string } } } }
                responses: { '204': { description: none } }
            """));

        OperationModel operation = spec.Operation("StyledAsync");
        Assert.Equal(
            new[] { ("l", "label", true), ("m", "matrix", false), ("s", "spaceDelimited", false), ("p", "pipeDelimited", false), ("f", "form", false), ("filter", "deepObject", true) },
            operation.Parameters.Select(p => (p.JsonName, LiveAvatarGen.Generator.Emitting.StyleNames.Of(p.Style), p.Explode)));
        Assert.Equal(new TypeRef(TypeKind.List, Element: new TypeRef(TypeKind.String)), operation.Parameter("l").Type);
        Assert.Equal(new TypeRef(TypeKind.List, Element: new TypeRef(TypeKind.Int64), IsNullable: true), operation.Parameter("s").Type);

        // An inline object parameter becomes a class named after the operation and the parameter.
        Assert.Equal(new TypeRef(TypeKind.Class, Global("StyledFilter"), IsNullable: true), operation.Parameter("filter").Type);
        Assert.Single(spec.Type<ObjectModel>("StyledFilter").Properties);
    }

    [Fact]
    public void JsonBodyIsOneParameterWithItsType()
    {
        ApiSpec spec = ReadClean(Paths("""
            /json:
              post:
                operationId: postJson
                requestBody:
                  required: true
                  description: The thing to store.
                  content: { application/json: { schema: { type: object, properties: { a: { type: string } } } } }
                responses: { '204': { description: none } }
            /optional:
              post:
                operationId: postOptional
                requestBody: { content: { application/json: { schema: { $ref: '#/components/schemas/Thing' } } } }
                responses: { '204': { description: none } }
            """, schemas: "Thing: { type: object, properties: { b: { type: boolean } } }"));

        RequestBodyModel body = spec.Operation("PostJsonAsync").Body!;
        Assert.Equal(("body", new TypeRef(TypeKind.Class, Global("PostJsonRequest")), true, "application/json", ContentKind.Json), (body.Name, body.Type, body.IsRequired, body.MediaType, body.Kind));
        Assert.Equal("The thing to store.", body.Documentation);
        Assert.Empty(body.Fields);
        Assert.Single(spec.Type<ObjectModel>("PostJsonRequest").Properties);

        RequestBodyModel optional = spec.Operation("PostOptionalAsync").Body!;
        Assert.False(optional.IsRequired);
        Assert.Equal(Global("Thing"), optional.Type.FullName);
    }

    [Fact]
    public void FormBodyIsOneFieldPerPropertyWithItsEncoding()
    {
        ApiSpec spec = ReadClean(Paths("""
            /form:
              post:
                operationId: postForm
                requestBody:
                  content:
                    application/x-www-form-urlencoded:
                      schema: { type: object, required: [a], properties: { a: { type: string }, b: { type: array, items: { type: integer } } } }
                      encoding: { b: { style: spaceDelimited } }
                responses: { '204': { description: none } }
            """));

        RequestBodyModel body = spec.Operation("PostFormAsync").Body!;
        Assert.Equal((ContentKind.Form, "application/x-www-form-urlencoded"), (body.Kind, body.MediaType));
        Assert.Equal(
            new[]
            {
                ModelFactory.Field("a", "a", new TypeRef(TypeKind.String), required: true),
                ModelFactory.Field("b", "b", new TypeRef(TypeKind.List, Element: new TypeRef(TypeKind.Int64), IsNullable: true), style: "spaceDelimited", explode: false, isStyled: true),
            },
            body.Fields.ToArray());
    }

    [Fact]
    public void AnOptionalBodyThatAllowsNoMemberOnAGetIsNotSent()
    {
        // Stripe declares an empty form body on 239 GETs and DELETEs: sending it only added a Content-Type to a GET.
        const string Empty = "{ type: object, properties: {}, additionalProperties: false }";
        ApiSpec spec = ReadClean(Paths($$"""
            /balance:
              get:
                operationId: getBalance
                requestBody: { content: { application/x-www-form-urlencoded: { schema: {{Empty}} } } }
                responses: { '204': { description: none } }
              delete:
                operationId: deleteBalance
                requestBody: { content: { application/x-www-form-urlencoded: { schema: { type: object, additionalProperties: false, properties: { reason: { type: string } } } } } }
                responses: { '204': { description: none } }
              post:
                operationId: postBalance
                requestBody: { content: { application/x-www-form-urlencoded: { schema: {{Empty}} } } }
                responses: { '204': { description: none } }
            /search:
              get:
                operationId: search
                requestBody: { required: true, content: { application/json: { schema: {{Empty}} } } }
                responses: { '204': { description: none } }
              head:
                operationId: probe
                requestBody: { content: { application/json: { schema: { type: object } } } }
                responses: { '204': { description: none } }
            """));

        Assert.Null(spec.Operation("GetBalanceAsync").Body);

        // A body that can carry a member, a method with body semantics, a required body, a free-form object: kept.
        Assert.Single(spec.Operation("DeleteBalanceAsync").Body!.Fields);
        Assert.NotNull(spec.Operation("PostBalanceAsync").Body);
        Assert.NotNull(spec.Operation("SearchAsync").Body);
        Assert.NotNull(spec.Operation("ProbeAsync").Body);
    }

    [Fact]
    public void MultipartBodyMarksFileFields()
    {
        ApiSpec spec = ReadClean(Paths("""
            /multi:
              post:
                operationId: postMulti
                requestBody:
                  content:
                    multipart/form-data:
                      schema:
                        type: object
                        required: [file]
                        properties:
                          file: { type: string, format: binary }
                          images: { type: array, items: { type: string, contentMediaType: image/png } }
                          note: { type: string }
                      encoding: { note: { contentType: text/csv } }
                responses: { '204': { description: none } }
            """));

        RequestBodyModel body = spec.Operation("PostMultiAsync").Body!;
        Assert.Equal(ContentKind.Multipart, body.Kind);
        BodyFieldModel file = body.Fields.Single(f => f.JsonName == "file");
        Assert.Equal(("@file", new TypeRef(TypeKind.File), true, true), (file.Name, file.Type, file.IsFile, file.IsRequired));
        BodyFieldModel images = body.Fields.Single(f => f.JsonName == "images");
        Assert.True(images.IsFile);
        Assert.Equal(TypeKind.File, images.Type.Element!.Kind);
        BodyFieldModel note = body.Fields.Single(f => f.JsonName == "note");
        Assert.Equal((false, "text/csv"), (note.IsFile, note.ContentType));
    }

    [Theory]
    [InlineData("application/octet-stream", "{ type: string, format: binary }", nameof(ContentKind.Binary), nameof(TypeKind.Stream))]
    [InlineData("text/plain", "{ type: string }", nameof(ContentKind.Text), nameof(TypeKind.String))]
    public void BinaryAndTextBodies(string mediaType, string schema, string kindName, string typeName)
    {
        ContentKind kind = System.Enum.Parse<ContentKind>(kindName);
        TypeKind type = System.Enum.Parse<TypeKind>(typeName);
        ApiSpec spec = ReadClean(Paths($$"""
            /raw:
              put:
                operationId: putRaw
                requestBody: { required: true, content: { {{mediaType}}: { schema: {{schema}} } } }
                responses: { '204': { description: none } }
            """));

        RequestBodyModel body = spec.Operation("PutRawAsync").Body!;
        Assert.Equal((kind, type, mediaType, true), (body.Kind, body.Type.Kind, body.MediaType, body.IsRequired));
    }

    [Fact]
    public void ResponsesKeepDocumentOrderWithCodesRangesAndDefault()
    {
        ApiSpec spec = ReadClean(Paths("""
            /items:
              get:
                operationId: getItems
                responses:
                  '200': { description: ok, content: { application/json: { schema: { type: string } } } }
                  '201': { description: ok, content: { application/json: { schema: { type: integer } } } }
                  '202': { description: accepted }
                  4XX: { description: bad, content: { application/problem+json: { schema: { $ref: '#/components/schemas/Problem' } } } }
                  default: { description: other }
            """, schemas: "Problem: { type: object, properties: { title: { type: string } } }"));

        // Document order in the model; the emitter orders codes, then ranges, then default.
        Assert.Equal(
            new[]
            {
                new ResponseModel("200", new TypeRef(TypeKind.String), ContentKind.Json),
                new ResponseModel("201", new TypeRef(TypeKind.Int64), ContentKind.Json),
                new ResponseModel("202", null, ContentKind.None),
                new ResponseModel("4XX", new TypeRef(TypeKind.Class, Global("Problem")), ContentKind.Json),
                new ResponseModel("default", null, ContentKind.None),
            },
            spec.Operation("GetItemsAsync").Responses.ToArray());
    }

    [Theory]
    [InlineData("application/octet-stream", "{ type: string, format: binary }", nameof(ContentKind.Binary), null)]
    [InlineData("text/plain", "{ type: string }", nameof(ContentKind.Text), null)]
    [InlineData("text/event-stream", "{ $ref: '#/components/schemas/Event' }", nameof(ContentKind.EventStream), "Event")]
    [InlineData("application/x-ndjson", "{ $ref: '#/components/schemas/Event' }", nameof(ContentKind.NdJson), "Event")]
    public void NonJsonResponsesAreReadByKind(string mediaType, string schema, string kindName, string? itemType)
    {
        ContentKind kind = System.Enum.Parse<ContentKind>(kindName);
        ApiSpec spec = ReadClean(Paths($$"""
            /raw:
              get:
                operationId: getRaw
                responses: { '200': { description: ok, content: { {{mediaType}}: { schema: {{schema}} } } } }
            """, schemas: "Event: { type: object, properties: { seq: { type: integer } } }"));

        ResponseModel response = Assert.Single(spec.Operation("GetRawAsync").Responses);
        Assert.Equal(kind, response.Kind);
        Assert.Equal(itemType is null ? null : Global(itemType), response.Type?.FullName);
    }

    [Fact]
    public void SecurityRequirementsComeFromTheOperationOrTheDocument()
    {
        ApiSpec spec = ReadClean(Paths(
            """
            /inherited:
              get:
                operationId: inherited
                responses: { '204': { description: none } }
            /own:
              get:
                operationId: own
                security: [ { Key: [], Basic: [] }, {} ]
                responses: { '204': { description: none } }
            /open:
              get:
                operationId: open
                security: []
                responses: { '204': { description: none } }
            """,
            extra: """
            security: [ { Key: [] } ]
            components:
              securitySchemes:
                Key: { type: apiKey, in: header, name: X-Key }
                Basic: { type: http, scheme: basic }

            """));

        Assert.Equal(new[] { new[] { "Key" } }, spec.Operation("InheritedAsync").Security.Select(a => a.ToArray()));
        Assert.Equal(new[] { new[] { "Basic", "Key" }, System.Array.Empty<string>() }, spec.Operation("OwnAsync").Security.Select(a => a.OrderBy(s => s, System.StringComparer.Ordinal).ToArray()));
        Assert.Empty(spec.Operation("OpenAsync").Security);
    }

    [Fact]
    public void OperationAndPathServersAreKept()
    {
        ApiSpec spec = ReadClean(Paths("""
            /pinned:
              get:
                operationId: pinned
                servers: [ { url: 'http://{host}/op', variables: { host: { default: localhost } } } ]
                responses: { '204': { description: none } }
            /regional:
              servers: [ { url: /v2 } ]
              get:
                operationId: regional
                responses: { '204': { description: none } }
            /plain:
              get:
                operationId: plain
                responses: { '204': { description: none } }
            """));

        ServerModel pinned = spec.Operation("PinnedAsync").Server!;
        Assert.Equal("http://{host}/op", pinned.Url);
        Assert.Equal(("host", "localhost"), (pinned.Variables.Single().Name, pinned.Variables.Single().Default));
        Assert.Equal("/v2", spec.Operation("RegionalAsync").Server!.Url);
        Assert.Null(spec.Operation("PlainAsync").Server);
    }

    private static ParameterModel Parameter(string jsonName, string name, ParameterLocation location, TypeRef type, bool required, string style, bool explode, string? documentation = null)
        => ModelFactory.Parameter(jsonName, name, location, type, required, style, explode, documentation);
}
