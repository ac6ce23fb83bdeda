// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System.Linq;
using LiveAvatarGen.Generator.Emitting;
using Microsoft.CodeAnalysis;
using Xunit;
using static LiveAvatarGen.Tests.Harness.ModelFactory;

namespace LiveAvatarGen.Tests.Emitting;

/// <summary>ObjectEmitter on hand-built models: the members a model asks for, with their types and nullability.</summary>
public sealed class ObjectEmitterTests
{
    [Fact]
    public void EverySampleFileCompilesTogetherWithZeroWarnings() => Assert.NotNull(EmitterHarness.All);

    [Fact]
    public void PropertiesHaveTheModelsTypesNullabilityAndRequiredness()
    {
        INamedTypeSymbol pet = EmitterHarness.All.Type("Pet");

        Assert.True(pet.IsSealed);
        Assert.Equal(TypeKind.Class, pet.TypeKind);
        Assert.Equal(
            new[]
            {
                ("Id", "long", true), ("Name", "PetName", true), ("Nickname", "string?", true), ("Kind", "PetKind?", false), ("Status", "PetStatus?", false),
                ("Tags", "IReadOnlyList<string>?", false), ("Attributes", "IReadOnlyDictionary<string, long>?", false), ("Owner", "Owner?", false),
                ("Born", "DateOnly?", false), ("Weight", "Weight?", false), ("Count", "int?", false), ("Type", "string", false),
                ("LegacyCode", "string?", false), ("Secret", "string?", false), ("Created", "DateTimeOffset", false), ("Extra", "JsonElement?", false),
            },
            EmitterSamples.Pet.Properties.Select(p => pet.Property(p.Name)).Select(p => (p.Name, p.Type.Display(), p.IsRequired)));

        // Every property is init-only: models are built once.
        Assert.All(pet.GetMembers().OfType<IPropertySymbol>(), p => Assert.True(p.SetMethod?.IsInitOnly, p.Name));
        Assert.Contains(pet.Property("LegacyCode").GetAttributes(), a => a.AttributeClass?.Name == "ObsoleteAttribute");
    }

    [Fact]
    public void WithoutRequiredMembersRequiredReferencesStartAsDefault()
    {
        string source = ObjectEmitter.Emit(Object("Plain", Property("name", "Name", Of(Generator.Model.TypeKind.String), required: true)), EmitterSamples.Facts with { HasRequiredMembers = false });

        IPropertySymbol name = EmitterHarness.Compile(source).Type("Plain").Property("Name");
        Assert.False(name.IsRequired);
        Assert.Contains("= default!;", source, System.StringComparison.Ordinal);
    }

    [Fact]
    public void ReadAndWriteAndTheConverterAreGenerated()
    {
        INamedTypeSymbol pet = EmitterHarness.All.Type("Pet");

        Assert.Equal("Pet", pet.Method("ReadJson").ReturnType.Display());
        Assert.True(pet.Method("ReadJson").IsStatic);
        Assert.Equal(new[] { "Utf8JsonWriter", "Pet" }, pet.Method("WriteJson").Parameters.Select(p => p.Type.Display()));
        Assert.Equal("DelegatingJsonConverter<Pet>", pet.GetTypeMembers("JsonConverter").Single().BaseType!.Display());
        Assert.Equal("JsonConverter<Pet>", pet.GetTypeMembers("JsonConverter").Single().BaseType!.BaseType!.Display());
    }
}

/// <summary>EnumEmitter: open enums over strings and integers.</summary>
public sealed class EnumEmitterTests
{
    [Fact]
    public void StringEnumIsAStructWithItsKnownValues()
    {
        INamedTypeSymbol kind = EmitterHarness.All.Type("PetKind");

        Assert.True(kind.IsValueType);
        Assert.True(kind.IsReadOnly);
        // The design guidelines' predefined instances: public static readonly fields, no getter per value.
        IFieldSymbol[] values = EmitterSamples.PetKind.Members.Select(m => kind.GetMembers(m.Name).OfType<IFieldSymbol>().Single()).ToArray();
        Assert.Equal(new[] { "Dog", "Cat", "BirdOfPrey" }, values.Select(f => f.Name));
        Assert.All(values, f => Assert.True(f.IsStatic && f.IsReadOnly && f.DeclaredAccessibility == Accessibility.Public && SymbolEqualityComparer.Default.Equals(f.Type, kind)));
        Assert.Equal("string", kind.Property("Value").Type.Display());
        Assert.Equal("IReadOnlyList<PetKind>", kind.Property("KnownValues").Type.Display());
        Assert.Contains(kind.GetMembers("op_Implicit").OfType<IMethodSymbol>(), m => m.Parameters.Single().Type.SpecialType == SpecialType.System_String);
    }

    [Fact]
    public void IntegerEnumWrapsALong()
    {
        INamedTypeSymbol status = EmitterHarness.All.Type("PetStatus");

        Assert.Equal("long", status.Property("Value").Type.Display());
        Assert.True(status.GetMembers("Value1").OfType<IFieldSymbol>().Single() is { IsStatic: true, IsReadOnly: true });
        Assert.Contains(status.GetMembers("op_Implicit").OfType<IMethodSymbol>(), m => m.Parameters.Single().Type.SpecialType == SpecialType.System_Int64);
    }
}

/// <summary>ObjectEmitter on nested collections: no lambda where the runtime has a method for the shape.</summary>
public sealed class NestedCollectionEmitterTests
{
    [Fact]
    public void MapsOfListsAndListsOfListsAreReadAndWrittenWithTheItemsMethodGroup()
    {
        // A lambda's closure class, once constructed, makes NativeAOT keep the object's converter (reader and writer).
        string source = EmitterSamples.EmitType(EmitterSamples.Catalog);

        Assert.Contains("JsonRead.MapOfLists<string>(ref reader, global::LiveAvatarGen.Runtime.Json.JsonRead.String)", source, System.StringComparison.Ordinal);
        Assert.Contains("JsonWrite.MapOfLists<string>(writer, value.Sections, global::LiveAvatarGen.Runtime.Json.JsonWrite.String);", source, System.StringComparison.Ordinal);
        Assert.Contains("JsonRead.MapOfLists<global::Test.Api.Owner>(ref reader, global::Test.Api.Owner.ReadJson)", source, System.StringComparison.Ordinal);
        Assert.Contains("JsonWrite.MapOfLists<global::Test.Api.Owner>(writer, value._p", source, System.StringComparison.Ordinal);
        Assert.DoesNotContain("WriteNullValue", source, System.StringComparison.Ordinal); // the runtime writes a null collection
        Assert.Contains("JsonRead.ListOfLists<global::Test.Api.Owner>(ref reader, global::Test.Api.Owner.ReadJson)", source, System.StringComparison.Ordinal);
        Assert.Contains("JsonWrite.ListOfLists<global::Test.Api.Owner>(writer, value.Pages, global::Test.Api.Owner.WriteJson);", source, System.StringComparison.Ordinal);

        // A map of lists of lists has no method group for its values (lists of lists): reading and writing it keep a
        // lambda each, which hand the inner lists to ListOfLists.
        Assert.Equal(2, source.Split('\n').Count(line => line.Contains("static (", System.StringComparison.Ordinal)));
        Assert.Equal("IReadOnlyDictionary<string, IReadOnlyList<string>>", EmitterHarness.All.Type("Catalog").Property("Sections").Type.Display());
    }
}

/// <summary>UnionEmitter: raw JSON kept, one accessor and one factory per variant.</summary>
public sealed class UnionEmitterTests
{
    [Theory]
    [InlineData("AnyParty", "Pet", "Owner")]
    [InlineData("TextOrNumber", "String", "Int64")]
    public void EachVariantHasAnAccessorAndAFactory(string union, string first, string second)
    {
        INamedTypeSymbol type = EmitterHarness.All.Type(union);

        Assert.Equal(TypeKind.Class, type.TypeKind);
        foreach (string variant in new[] { first, second })
        {
            Assert.NotEmpty(type.GetMembers("As" + variant));
            Assert.True(type.Method("From" + variant).IsStatic);
        }

        Assert.Equal(union, type.Method("ReadJson").ReturnType.Display());
    }

    [Fact]
    public void ListAndMapVariantsAreReadWithTheirItemsMethodGroupNotALambda()
    {
        // A lambda's closure class, once constructed, makes NativeAOT keep the union's converter (reader and writer).
        string source = EmitterSamples.EmitType(EmitterSamples.TagsOrCounts);

        Assert.Contains("JsonUnion.TryReadList<string>(Raw, global::LiveAvatarGen.Runtime.Json.JsonRead.String, out global::System.Collections.Generic.IReadOnlyList<string> read)", source, System.StringComparison.Ordinal);
        Assert.Contains("JsonUnion.TryReadMap<long>(Raw, global::LiveAvatarGen.Runtime.Json.JsonRead.Int64, out global::System.Collections.Generic.IReadOnlyDictionary<string, long> read)", source, System.StringComparison.Ordinal);
        Assert.Contains("JsonUnion.TryReadList<global::Test.Api.Pet>(Raw, global::Test.Api.Pet.ReadJson, out", source, System.StringComparison.Ordinal);

        // A list of lists has no method group for its items: it keeps the lambda.
        Assert.Single(source.Split('\n'), line => line.Contains("static (ref", System.StringComparison.Ordinal));
        Assert.NotEmpty(EmitterHarness.All.Type("TagsOrCounts").GetMembers("AsTags"));
    }
}

/// <summary>ValueTypeEmitter and NumberTypeEmitter: validated structs.</summary>
public sealed class ValueTypeEmitterTests
{
    [Fact]
    public void ValidatedStringHasTryCreateAndConversions()
    {
        INamedTypeSymbol name = EmitterHarness.All.Type("PetName");

        Assert.True(name.IsValueType);
        Assert.Equal("string", name.Property("Value").Type.Display());
        Assert.Equal(new[] { "string?", "PetName" }, name.Method("TryCreate").Parameters.Select(p => p.Type.Display()));
        Assert.Contains(name.GetMembers("op_Implicit").OfType<IMethodSymbol>(), m => m.ReturnType.SpecialType == SpecialType.System_String);
        Assert.Contains(name.GetMembers("op_Explicit").OfType<IMethodSymbol>(), m => m.ReturnType.Name == "PetName");
        Assert.Empty(name.GetMembers("ToDecimal"));
    }

    [Fact]
    public void DecimalStringAlsoConvertsToAndFromDecimal()
    {
        INamedTypeSymbol credits = EmitterHarness.All.Type("CreditsLeft");

        Assert.Equal("decimal", credits.Method("ToDecimal").ReturnType.Display());
        Assert.Equal("decimal", credits.Method("FromDecimal").Parameters.Single().Type.Display());
    }

    [Theory]
    [InlineData("Weight", "double")]
    [InlineData("Percent", "int")]
    public void BoundedNumberWrapsItsUnderlyingType(string name, string underlying)
    {
        INamedTypeSymbol number = EmitterHarness.All.Type(name);

        Assert.True(number.IsValueType);
        Assert.Equal(underlying, number.Property("Value").Type.Display());
        Assert.Equal(new[] { underlying, name }, number.Method("TryCreate").Parameters.Select(p => p.Type.Display()));
        Assert.Contains(number.GetMembers("op_Implicit").OfType<IMethodSymbol>(), m => m.ReturnType.Display() == underlying);
    }
}

/// <summary>EnvelopeEmitter: the generic <c>{code, data, message}</c> envelope.</summary>
public sealed class EnvelopeEmitterTests
{
    [Fact]
    public void EnvelopeIsGenericOverItsData()
    {
        INamedTypeSymbol envelope = Assert.Single(EmitterHarness.All.GetSymbolsWithName("ApiEnvelope", SymbolFilter.Type).OfType<INamedTypeSymbol>());

        Assert.Equal("TData", Assert.Single(envelope.TypeParameters).Name);
        Assert.Equal("TData?", envelope.Property("Data").Type.Display());
        Assert.Equal("string?", envelope.Property("Message").Type.Display());
        Assert.Equal(2, envelope.Method("ReadJson").Parameters.Length);
        Assert.NotEmpty(envelope.GetMembers("GetDataOrThrow"));
    }
}
