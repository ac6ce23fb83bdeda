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

    private static void AssertCompilesClean(string spec, TargetProfile profile)
    {
        GenerationResult result = GeneratorHarness.Generate("/specs/test.openapi.yaml", spec, profile, withHttpClientFactory: true);

        Assert.Empty(result.GeneratorExceptions);
        Assert.NotEmpty(result.Sources);
        string[] problems = result.CompilationProblems.Select(d => d.ToString()).ToArray();
        Assert.True(problems.Length == 0, problems.Length + " problems:\n" + string.Join("\n", problems.Take(20)));
    }
}
