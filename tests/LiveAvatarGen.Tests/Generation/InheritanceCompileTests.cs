// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System.Linq;
using LiveAvatarGen.Tests.Harness;
using Microsoft.CodeAnalysis;
using Xunit;

namespace LiveAvatarGen.Tests.Generation;

/// <summary>A spec with class hierarchies in awkward places compiles with zero warnings, for a net8/C# 12 consumer and today's.</summary>
public sealed class InheritanceCompileTests
{
    private const string Spec = """
        openapi: 3.0.3
        info: { title: Zoo, version: "1" }
        paths:
          /pets:
            get:
              operationId: listPets
              responses:
                "200": { description: ok, content: { application/json: { schema: { type: array, items: { $ref: "#/components/schemas/Pet" } } } } }
            post:
              operationId: addCat
              requestBody: { required: true, content: { application/json: { schema: { $ref: "#/components/schemas/Cat" } } } }
              responses:
                "200": { description: ok, content: { application/json: { schema: { $ref: "#/components/schemas/AnyPet" } } } }
          /cats:
            put:
              operationId: putCats
              requestBody: { required: true, content: { application/json: { schema: { type: array, items: { $ref: "#/components/schemas/Cat" } } } } }
              responses:
                "200": { description: ok, content: { application/json: { schema: { type: object, additionalProperties: { $ref: "#/components/schemas/Cat" } } } } }
        components:
          schemas:
            Pet:
              type: object
              required: [pet_type, cat]
              properties:
                pet_type: { type: string, enum: [Cat, Dog] }
                cat: { type: string }
                friends: { type: array, items: { $ref: "#/components/schemas/Pet" } }
                nullable_note: { type: string, nullable: true }
              discriminator: { propertyName: pet_type }
              oneOf: [ { $ref: "#/components/schemas/Cat" }, { $ref: "#/components/schemas/Dog" } ]
            Cat:
              allOf:
                - $ref: "#/components/schemas/Pet"
                - type: object
                  required: [lives]
                  properties:
                    lives: { type: integer }
                    additional_properties: { type: string }
                    pet: { type: string }
                    best_friend: { $ref: "#/components/schemas/Pet" }
            Dog:
              allOf: [ { $ref: "#/components/schemas/Pet" } ]
              deprecated: true
            AnyPet:
              oneOf: [ { $ref: "#/components/schemas/Cat" }, { $ref: "#/components/schemas/Dog" } ]
              discriminator: { propertyName: pet_type }
        """;

    [Theory]
    [InlineData(TargetProfile.Net8CSharp12)]
    [InlineData(TargetProfile.Net10CSharp14)]
    public void HierarchiesCompileWithZeroWarnings(TargetProfile profile)
    {
        GenerationResult result = GeneratorHarness.Generate("/specs/zoo.openapi.yaml", Spec, profile, withHttpClientFactory: true);

        Assert.Empty(result.GeneratorExceptions);
        Assert.Empty(result.GeneratorDiagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).Select(d => d.ToString()));
        Assert.Empty(result.CompilationProblems.Select(d => d.ToString()));
        INamedTypeSymbol pet = result.Output.GetTypeByMetadataName("Test.Api.Pet")!;
        Assert.Equal(pet, result.Output.GetTypeByMetadataName("Test.Api.Cat")!.BaseType, SymbolEqualityComparer.Default);
        Assert.Equal(pet, result.Output.GetTypeByMetadataName("Test.Api.Dog")!.BaseType, SymbolEqualityComparer.Default);
    }
}
