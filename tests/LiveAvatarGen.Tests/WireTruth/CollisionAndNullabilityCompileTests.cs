// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System.Linq;
using LiveAvatarGen.Tests.Harness;
using Xunit;

namespace LiveAvatarGen.Tests.WireTruth;

/// <summary>
/// Names and nullability that real specs use and that broke the build of the generated client (issue 9, classes 6
/// and 7): they must compile with zero warnings, for a net8.0/C# 12 consumer and a net10.0/C# 14 one.
/// </summary>
public sealed class CollisionAndNullabilityCompileTests
{
    /// <summary>Parameters named like the generated method's locals, schemes named like the options' members.</summary>
    private const string CollidingNames = """
        openapi: 3.1.0
        info: { title: Collide, version: "1" }
        paths:
          /upload/{content}:
            post:
              operationId: scheme_foo
              security: [{ foo_security: [] }, { setting: [] }, { applySettings: [] }, { applyCredentialSettings: [] }]
              parameters:
                - { name: content, in: path, required: true, schema: { type: string } }
                - { name: response, in: query, schema: { type: string } }
                - { name: status, in: query, schema: { type: string } }
                - { name: body, in: header, schema: { type: string } }
                - { name: options, in: query, schema: { type: string } }
                - { name: core, in: query, schema: { type: string } }
                - { name: _core, in: query, schema: { type: string } }
                - { name: data, in: query, schema: { type: string } }
                - { name: http, in: query, schema: { type: string } }
                - { name: value, in: query, schema: { type: string } }
                - { name: writer, in: query, schema: { type: string } }
                - { name: reader, in: query, schema: { type: string } }
                - { name: v0, in: query, schema: { type: string } }
                - { name: r0, in: query, schema: { type: string } }
                - { name: __response, in: query, schema: { type: string } }
              requestBody:
                required: true
                content:
                  application/json:
                    schema: { $ref: "#/components/schemas/Payload" }
              responses:
                "200": { description: ok, content: { application/json: { schema: { $ref: "#/components/schemas/Payload" } } } }
                "422": { description: bad, content: { application/json: { schema: { $ref: "#/components/schemas/Payload" } } } }
          /form:
            post:
              operationId: sendForm
              parameters:
                - { name: content, in: query, schema: { type: string } }
                - { name: form, in: query, schema: { type: string } }
                - { name: multipart, in: query, schema: { type: string } }
              requestBody:
                content:
                  multipart/form-data:
                    schema:
                      type: object
                      properties:
                        content: { type: string }
                        file: { type: string, format: binary }
                        files: { type: array, items: { type: string, format: binary } }
              responses:
                "204": { description: ok }
          /handlers:
            get:
              operationId: handleGetThing
              parameters:
                - { name: cancellationToken, in: query, schema: { type: string } }
                - { name: request, in: query, schema: { type: string } }
              responses:
                "200": { description: ok, content: { application/json: { schema: { $ref: "#/components/schemas/ReadJson" } } } }
            post:
              operationId: getThing
              responses:
                "200": { description: ok, content: { application/json: { schema: { $ref: "#/components/schemas/JsonConverter" } } } }
            put:
              operationId: readJson
              requestBody:
                required: true
                content:
                  application/json:
                    schema: { $ref: "#/components/schemas/Raw" }
              responses:
                "200": { description: ok, content: { application/json: { schema: { $ref: "#/components/schemas/IsKnown" } } } }
            delete:
              operationId: options
              responses:
                "204": { description: ok }
        components:
          securitySchemes:
            foo_security: { type: apiKey, in: header, name: X-Foo }
            setting: { type: apiKey, in: header, name: X-Setting }
            applySettings: { type: http, scheme: bearer }
            applyCredentialSettings: { type: apiKey, in: query, name: key }
          schemas:
            Payload:
              type: object
              properties:
                setting: { type: string }
                readJson: { type: string }
                writer: { type: string }
                reader: { type: string }
                property: { type: string }
                value: { type: string }
            ReadJson:
              type: object
              properties:
                ReadJson: { type: string }
                WriteJson: { type: string }
                JsonConverter: { type: string }
                Raw: { type: string }
                IsKnown: { type: string }
                Value: { type: string }
                p0: { type: string }
                has0: { type: string }
                property: { type: string }
              required: [ReadJson, p0]
            JsonConverter:
              oneOf:
                - $ref: "#/components/schemas/ReadJson"
                - $ref: "#/components/schemas/Raw"
            Raw:
              type: object
              properties:
                Raw: { type: string }
                AsReadJson: { type: string }
            IsKnown:
              type: string
              enum: [IsKnown, Value, KnownValues, ReadJson, raw]
            Setting:
              type: string
              pattern: "^[a-z]+$"
            Code:
              type: object
              properties:
                code: { type: integer }
                data: { $ref: "#/components/schemas/Setting" }
                message: { type: string }
        """;

    /// <summary>FastAPI's nullable required path parameters, nullable required and optional bodies, nullable items.</summary>
    private const string NullableShapes = """
        openapi: 3.1.0
        info: { title: Nullable, version: "1" }
        paths:
          /things/{thing_id}/{other}:
            put:
              operationId: putThing
              parameters:
                - { name: thing_id, in: path, required: true, schema: { anyOf: [{ type: string }, { type: "null" }] } }
                - { name: other, in: path, required: true, schema: { type: [integer, "null"] } }
                - { name: q, in: query, required: true, schema: { anyOf: [{ type: string }, { type: "null" }] } }
                - { name: h, in: header, required: true, schema: { anyOf: [{ type: integer }, { type: "null" }] } }
              requestBody:
                required: true
                content:
                  application/json:
                    schema: { anyOf: [{ type: array, items: { type: string } }, { type: "null" }] }
              responses:
                "204": { description: ok }
          /lists:
            post:
              operationId: postLists
              requestBody:
                content:
                  application/json:
                    schema: { type: array, items: { anyOf: [{ $ref: "#/components/schemas/Item" }, { type: "null" }] } }
              responses:
                "200": { description: ok, content: { application/json: { schema: { $ref: "#/components/schemas/NullableItem" } } } }
          /maybe:
            post:
              operationId: postMaybe
              requestBody:
                required: true
                content:
                  application/json:
                    schema: { $ref: "#/components/schemas/NullableItem" }
              responses:
                "200": { description: ok, content: { application/json: { schema: { type: array, items: { $ref: "#/components/schemas/NullableItem" } } } } }
        components:
          schemas:
            Item:
              type: object
              properties: { id: { type: string } }
            NullableItem:
              type: [object, "null"]
              required: [id]
              properties:
                id: { type: string }
                map: { type: object, additionalProperties: { $ref: "#/components/schemas/NullableItem" } }
        """;

    [Theory]
    [InlineData(TargetProfile.Net8CSharp12)]
    [InlineData(TargetProfile.Net10CSharp14)]
    public void CollidingNamesCompileClean(TargetProfile profile) => AssertCompilesClean(CollidingNames, profile);

    [Theory]
    [InlineData(TargetProfile.Net8CSharp12)]
    [InlineData(TargetProfile.Net10CSharp14)]
    public void NullableShapesCompileClean(TargetProfile profile) => AssertCompilesClean(NullableShapes, profile);

    /// <summary>
    /// Every member and local the emitters declare (their own lists, so the spec grows with them), plus the names the
    /// client's code uses, as a schema, a property, a parameter, a security scheme and an operation each.
    /// </summary>
    [Theory]
    [InlineData(TargetProfile.Net8CSharp12)]
    [InlineData(TargetProfile.Net10CSharp14)]
    public void EveryGeneratedNameUsedAsASpecNameCompilesClean(TargetProfile profile)
    {
        string[] names = LiveAvatarGen.Generator.Emitting.ObjectEmitter.Members
            .Concat(LiveAvatarGen.Generator.Emitting.EnumEmitter.Members)
            .Concat(LiveAvatarGen.Generator.Emitting.UnionEmitter.Members)
            .Concat(LiveAvatarGen.Generator.Emitting.ValueTypeEmitter.Members)
            .Concat(LiveAvatarGen.Generator.Emitting.NumberTypeEmitter.Members)
            .Concat(LiveAvatarGen.Generator.Emitting.EnvelopeEmitter.Members)
            .Concat(LiveAvatarGen.Generator.Emitting.OptionsEmitter.InheritedMembers)
            .Concat(LiveAvatarGen.Generator.Emitting.ClientEmitter.Members)
            .Concat(LiveAvatarGen.Generator.Emitting.ClientEmitter.MethodLocals)
            .Concat(LiveAvatarGen.Generator.Emitting.ClientEmitter.GroupMembers)
            .Concat(LiveAvatarGen.Generator.Emitting.ResponseHeadersEmitter.Members)
            .Concat(LiveAvatarGen.Generator.Emitting.EmitterCommon.ObjectMembers)
            .Concat(new[] { "GetThingWithResponse", "HandleGetThingWithResponse", "CreateGetThingRequest", "GetThingResponseHeaders", "EveryNameClient", "IEveryNameClient", "opened", "HandleGetThing", "HandleGetThingError", "response", "status", "content", "body", "_parts", "_file", "_fieldValue", "__body", "s_security0", "s_scheme_Key", "s_server_GetThing", "s_operation_GetThing", "p0", "has0", "property", "writer", "reader", "value", "r0", "w1", "item1", "v0" })
            .Distinct(System.StringComparer.Ordinal)
            .OrderBy(n => n, System.StringComparer.Ordinal)
            .ToArray();
        System.Text.Json.Nodes.JsonObject properties = new();
        System.Text.Json.Nodes.JsonArray parameters = new();
        System.Text.Json.Nodes.JsonObject schemas = new();
        System.Text.Json.Nodes.JsonObject schemes = new();
        System.Text.Json.Nodes.JsonArray security = new();
        System.Text.Json.Nodes.JsonObject paths = new();

        // And a declared response header each: a property of the operation's typed headers class.
        System.Text.Json.Nodes.JsonObject headers = new();
        foreach (string name in names)
        {
            headers["X-" + name] = System.Text.Json.Nodes.JsonNode.Parse("{\"schema\":{\"type\":\"integer\"}}");
            headers[name] = System.Text.Json.Nodes.JsonNode.Parse("{\"schema\":{\"type\":\"string\"}}");
        }

        foreach (string name in names)
        {
            properties[name] = new System.Text.Json.Nodes.JsonObject { ["type"] = "string" };
            parameters.Add(new System.Text.Json.Nodes.JsonObject { ["name"] = name, ["in"] = "query", ["schema"] = new System.Text.Json.Nodes.JsonObject { ["type"] = "string" } });
            schemes[name] = new System.Text.Json.Nodes.JsonObject { ["type"] = "apiKey", ["in"] = "header", ["name"] = "X-" + name.Trim('_') };
            security.Add(new System.Text.Json.Nodes.JsonObject { [name] = new System.Text.Json.Nodes.JsonArray() });
            paths["/ops/" + name.Trim('_')] = new System.Text.Json.Nodes.JsonObject
            {
                ["post"] = new System.Text.Json.Nodes.JsonObject
                {
                    ["operationId"] = name,

                    // Each name is also a tag: a sub-client's property on the client, and its class and interface.
                    ["tags"] = new System.Text.Json.Nodes.JsonArray(name),
                    ["requestBody"] = System.Text.Json.Nodes.JsonNode.Parse("{\"content\":{\"application/json\":{\"schema\":{\"$ref\":\"#/components/schemas/" + name + "\"}}}}"),
                    ["responses"] = System.Text.Json.Nodes.JsonNode.Parse("{\"200\":{\"description\":\"ok\",\"content\":{\"application/json\":{\"schema\":{\"$ref\":\"#/components/schemas/" + name + "\"}}}}}"),
                },
            };
        }

        foreach (string name in names)
        {
            schemas[name] = new System.Text.Json.Nodes.JsonObject { ["type"] = "object", ["properties"] = properties.DeepClone(), ["required"] = new System.Text.Json.Nodes.JsonArray(names.Take(3).Select(n => (System.Text.Json.Nodes.JsonNode?)n).ToArray()) };
        }

        schemas["Enum"] = new System.Text.Json.Nodes.JsonObject { ["type"] = "string", ["enum"] = new System.Text.Json.Nodes.JsonArray(names.Select(n => (System.Text.Json.Nodes.JsonNode?)n).ToArray()) };
        paths["/all/{Value}"] = new System.Text.Json.Nodes.JsonObject
        {
            ["get"] = new System.Text.Json.Nodes.JsonObject
            {
                ["operationId"] = "getThing",
                ["security"] = security,
                ["parameters"] = new System.Text.Json.Nodes.JsonArray(parameters.Select(p => p!.DeepClone()).Append(System.Text.Json.Nodes.JsonNode.Parse("{\"name\":\"Value\",\"in\":\"path\",\"required\":true,\"schema\":{\"type\":\"string\"}}")).ToArray()),
                ["responses"] = System.Text.Json.Nodes.JsonNode.Parse("{\"200\":{\"description\":\"ok\",\"headers\":" + headers.ToJsonString() + ",\"content\":{\"application/json\":{\"schema\":{\"$ref\":\"#/components/schemas/Enum\"}}}}}"),
            },
        };
        System.Text.Json.Nodes.JsonObject spec = new()
        {
            ["openapi"] = "3.1.0",
            ["info"] = new System.Text.Json.Nodes.JsonObject { ["title"] = "Every name", ["version"] = "1" },
            ["paths"] = paths,
            ["components"] = new System.Text.Json.Nodes.JsonObject { ["schemas"] = schemas, ["securitySchemes"] = schemes },
        };

        GenerationResult result = GeneratorHarness.Generate("/specs/names.openapi.json", spec.ToJsonString(), profile, withHttpClientFactory: true);

        Assert.Empty(result.GeneratorExceptions);
        Assert.True(result.Sources.Count > names.Length, "every schema and operation generated");
        string[] problems = result.CompilationProblems.Select(d => d.ToString()).ToArray();
        Assert.True(problems.Length == 0, problems.Length + " problems:\n" + string.Join("\n", problems.Take(20)));
    }

    private static void AssertCompilesClean(string spec, TargetProfile profile)
    {
        GenerationResult result = GeneratorHarness.Generate("/specs/test.openapi.yaml", spec, profile, withHttpClientFactory: true);

        Assert.Empty(result.GeneratorExceptions);
        Assert.NotEmpty(result.Sources);
        string[] problems = result.CompilationProblems.Select(d => d.ToString()).ToArray();
        Assert.True(problems.Length == 0, problems.Length + " problems:\n" + string.Join("\n", problems.Take(20)));
    }
}
