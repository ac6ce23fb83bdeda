// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Constructs.Api;
using LiveAvatarGen.Runtime.Json;
using LiveAvatarGen.Tests.Harness;
using Xunit;

namespace LiveAvatarGen.Tests.Runtime;

/// <summary>
/// On .NET 8 and later with C# 11, generated types implement <see cref="IJsonCodec{TSelf}"/> and their
/// <c>[JsonConverter]</c> names the spec's one converter, an empty subclass of the runtime's
/// <see cref="JsonCodecConverter{T}"/> declared in the consumer's assembly (so the attribute, stored as a type name,
/// does not carry the runtime's assembly name once per type): no converter class per type.
/// A netstandard2.0 or .NET Framework consumer (the runtime's netstandard2.0 build has no static abstract members)
/// keeps a nested <c>JsonConverter</c> per type.
/// </summary>
public sealed class JsonCodecConverterTests
{
    [Theory]
    [InlineData(typeof(Pet))]
    [InlineData(typeof(PetKind))]
    [InlineData(typeof(PetStatus))]
    [InlineData(typeof(AnyAnimal))]
    [InlineData(typeof(Shape))]
    [InlineData(typeof(Circle))]
    [InlineData(typeof(LiveAvatar.Api.CreditsLeft))]
    public void GeneratedTypesNameTheSpecsConverterAndDeclareNoneOfTheirOwn(Type type)
    {
        Type converter = type.GetCustomAttribute<JsonConverterAttribute>()!.ConverterType!;
        Assert.Same(type.Assembly, converter.Assembly);
        Assert.Equal(type.Namespace, converter.Namespace);
        Assert.EndsWith("ClientJsonConverter`1", converter.Name, StringComparison.Ordinal);
        Assert.False(converter.IsPublic);
        Assert.Equal(new[] { type }, converter.GetGenericArguments());
        Assert.Equal(typeof(JsonCodecConverter<>).MakeGenericType(type), converter.BaseType);
        Assert.Contains(typeof(IJsonCodec<>).MakeGenericType(type), type.GetInterfaces());
        Assert.Null(type.GetNestedType("JsonConverter"));
    }

    [Fact]
    public void JsonSerializerReadsAndWritesThroughTheGeneratedReaderAndWriter()
    {
        // Only the generated reader keeps an undeclared member and an unlisted enum value, and only its writer sends them back.
        const string json = "{\"id\":7,\"name\":\"Tom\",\"kind\":\"dragon\",\"extra\":[1,2]}";

        Pet pet = JsonSerializer.Deserialize<Pet>(json)!;

        Assert.Equal((7L, "dragon", false), (pet.Id, pet.Kind.Value, pet.Kind.IsKnown));
        Assert.Equal("[1,2]", pet.AdditionalProperties!["extra"].GetRawText());
        Assert.Equal(json, JsonSerializer.Serialize(pet));
        Assert.Equal("\"bird-of-prey\"", JsonSerializer.Serialize(PetKind.BirdOfPrey));
    }

    [Fact]
    public void AnOptionalGeneratedValueIsWrittenByTheRuntimeOrAsNull()
    {
        // Generated writers pass a nullable generated class or struct straight to these, with no branch of their own.
        System.IO.MemoryStream stream = new();
        using (Utf8JsonWriter writer = new(stream))
        {
            writer.WriteStartArray();
            JsonWrite.ObjectOrNull<Pet>(writer, null);
            JsonWrite.ObjectOrNull(writer, new Pet { Id = 1, Name = "a", Kind = PetKind.BirdOfPrey });
            JsonWrite.ValueOrNull<PetKind>(writer, null);
            JsonWrite.ValueOrNull<PetKind>(writer, PetKind.BirdOfPrey);
            writer.WriteEndArray();
        }

        Assert.Equal("[null,{\"id\":1,\"name\":\"a\",\"kind\":\"bird-of-prey\"},null,\"bird-of-prey\"]", System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    [Fact]
    public void ANetStandardConsumerKeepsANestedConverterPerType()
    {
        const string spec = """
            openapi: 3.1.0
            info: { title: Codec, version: "1" }
            paths:
              /pets:
                get:
                  operationId: getPet
                  responses:
                    "200": { description: ok, content: { application/json: { schema: { $ref: "#/components/schemas/Pet" } } } }
            components:
              schemas:
                Pet: { type: object, properties: { kind: { type: string, enum: [dog, cat] } } }
                CodecClientJsonConverter: { type: object, properties: { name: { type: string } } }
            """;

        foreach (TargetProfile profile in new[] { TargetProfile.NetStandard20CSharp14, TargetProfile.Net10CSharp14 })
        {
            GenerationResult result = GeneratorHarness.Generate("/specs/codec.openapi.yaml", spec, profile);
            Assert.Empty(result.CompilationProblems.Select(d => d.ToString()));
            string pet = result.Sources.Single(s => s.HintName.EndsWith(".Pet.g.cs", StringComparison.Ordinal)).SourceText.ToString();
            bool downlevel = profile == TargetProfile.NetStandard20CSharp14;
            Assert.Equal(downlevel, pet.Contains("[global::System.Text.Json.Serialization.JsonConverter(typeof(Pet.JsonConverter))]", StringComparison.Ordinal));
            Assert.Equal(downlevel, pet.Contains("public sealed class JsonConverter : global::LiveAvatarGen.Runtime.Json.DelegatingJsonConverter<Pet>", StringComparison.Ordinal));
            Assert.Equal(!downlevel, pet.Contains("public sealed partial class Pet : global::LiveAvatarGen.Runtime.Json.IJsonCodec<Pet>", StringComparison.Ordinal));
            Assert.Equal(!downlevel, pet.Contains(".CodecClientJsonConverter<Pet>))]", StringComparison.Ordinal));

            // The converter's name is claimed before the schemas are named: a schema wanting it gets another.
            string[] hints = result.Sources.Select(s => s.HintName).ToArray();
            Assert.Equal(downlevel ? 0 : 1, hints.Count(h => h.EndsWith(".CodecClientJsonConverter.g.cs", StringComparison.Ordinal)));
            Assert.Contains(hints, h => h.EndsWith(".CodecClientJsonConverter2.g.cs", StringComparison.Ordinal));
        }
    }
}
