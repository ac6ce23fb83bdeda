// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System.Linq;
using LiveAvatarGen.Generator.Infrastructure;
using LiveAvatarGen.Generator.Model;
using Xunit;
using static LiveAvatarGen.Tests.Parsing.ParserHarness;

namespace LiveAvatarGen.Tests.Parsing;

/// <summary>allOf of one referenced base with a discriminator → a base class and derived classes; every other allOf is flattened.</summary>
public sealed class InheritanceParsingTests
{
    private const string Pet = """
        Pet:
          type: object
          required: [petType, name]
          properties:
            petType: { type: string }
            name: { type: string }
            age: { type: integer }
          discriminator:
            propertyName: petType
            mapping: { cat: '#/components/schemas/Cat', kitty: '#/components/schemas/Cat' }
        """;

    private const string CatAndDog = """
        Cat:
          description: A cat.
          allOf:
            - $ref: '#/components/schemas/Pet'
            - type: object
              required: [meows]
              properties:
                meows: { type: boolean }
                name: { type: integer }
        Dog:
          allOf:
            - $ref: '#/components/schemas/Pet'
          properties:
            barks: { type: integer }
        """;

    private static TypeRef String => new(TypeKind.String);

    [Fact]
    public void TheBaseKnowsItsDerivedClassesAndTheirTags()
    {
        ApiSpec spec = ReadClean(Schemas(Pet + "\n" + CatAndDog));

        ObjectModel pet = spec.Type<ObjectModel>("Pet");
        Assert.Equal(
            new HierarchyModel("petType", "Pet", null, 0, new[] { Derived("Cat", "cat", "kitty"), Derived("Dog", "Dog") }.ToEquatableArray()),
            pet.Hierarchy);
        Assert.Equal(new[] { "petType", "name", "age" }, pet.Properties.Select(p => p.JsonName));
        Assert.Equal(String, pet.Property("petType").Type);
        Assert.True(pet.Property("petType").IsRequired);
    }

    [Fact]
    public void ADerivedClassListsTheBasesMembersFirstAndKeepsThemAsTheBaseDeclares()
    {
        ApiSpec spec = ReadClean(Schemas(Pet + "\n" + CatAndDog));

        ObjectModel pet = spec.Type<ObjectModel>("Pet");
        ObjectModel cat = spec.Type<ObjectModel>("Cat");
        ObjectModel dog = spec.Type<ObjectModel>("Dog");
        Assert.Equal(new HierarchyModel("petType", "cat", new TypeRef(TypeKind.Class, Global("Pet")), 3, EquatableArray<DerivedClassModel>.Empty), cat.Hierarchy);
        Assert.Equal(pet.Properties.ToArray(), cat.Properties.Take(3).ToArray());

        // Cat restates name as an integer: the base's declaration stays, so a Cat is still a Pet.
        Assert.Equal(new[] { "petType", "name", "age", "meows" }, cat.Properties.Select(p => p.JsonName));
        Assert.Equal(String, cat.Property("name").Type);
        Assert.True(cat.Property("meows").IsRequired);
        Assert.Equal("A cat.", cat.Documentation);
        Assert.Equal(pet.AdditionalPropertiesName, cat.AdditionalPropertiesName);

        // Own properties beside the allOf count too; the implicit mapping names Dog after its component.
        Assert.Equal(new[] { "petType", "name", "age", "barks" }, dog.Properties.Select(p => p.JsonName));
        Assert.Equal("Dog", dog.Hierarchy!.Tag);
    }

    [Fact]
    public void ABaseThatListsItsChildrenInOneOfIsTheBaseClassNotAUnion()
    {
        ApiSpec spec = ReadClean(Schemas("""
            Pet:
              type: object
              required: [petType]
              properties:
                petType: { type: string, enum: [Cat, Dog] }
              oneOf: [ { $ref: '#/components/schemas/Cat' }, { $ref: '#/components/schemas/Dog' } ]
              discriminator: { propertyName: petType }
            """ + "\n" + CatAndDog));

        ObjectModel pet = spec.Type<ObjectModel>("Pet");
        Assert.True(pet.Hierarchy!.IsBase);
        Assert.Equal(new[] { "Cat", "Dog" }, pet.Hierarchy.Derived.Select(d => d.Tags.Single()));

        // The tag is a string member: the derived classes are its values, so no enum type is generated for it.
        Assert.Equal(String, pet.Property("petType").Type);
        Assert.DoesNotContain(spec.Types, t => t is EnumModel or UnionModel);
    }

    [Fact]
    public void AnUndeclaredDiscriminatorBecomesAStringMemberOfTheBase()
    {
        ApiSpec spec = ReadClean(Schemas("""
            Event:
              type: object
              required: [kind]
              properties: { id: { type: string } }
              discriminator: { propertyName: kind }
            Click:
              allOf: [ { $ref: '#/components/schemas/Event' }, { properties: { x: { type: integer } } } ]
            """));

        ObjectModel @event = spec.Type<ObjectModel>("Event");
        Assert.Equal(String, @event.Property("kind").Type);
        Assert.True(@event.Property("kind").IsRequired);
        Assert.Equal(new[] { "id", "kind", "x" }, spec.Type<ObjectModel>("Click").Properties.Select(p => p.JsonName));
    }

    [Fact]
    public void ADerivedMemberNeverTakesANameTheBaseDeclares()
    {
        ApiSpec spec = ReadClean(Schemas("""
            Base:
              type: object
              required: [kind]
              properties: { kind: { type: string }, Kind: { type: integer } }
              discriminator: { propertyName: kind }
            Derived:
              allOf:
                - $ref: '#/components/schemas/Base'
                - properties: { KIND: { type: string }, additional_properties: { type: string }, base: { type: string } }
            """));

        ObjectModel derived = spec.Type<ObjectModel>("Derived");
        string[] names = derived.Properties.Select(p => p.Name).Append(derived.AdditionalPropertiesName).ToArray();
        Assert.Equal(names.Length, names.Distinct(System.StringComparer.Ordinal).Count());
        Assert.Equal(new[] { "Kind", "Kind2", "KIND", "AdditionalProperties2", "Base2" }, derived.Properties.Select(p => p.Name));
    }

    [Fact]
    public void OtherAllOfShapesStayFlattened()
    {
        ApiSpec spec = ReadClean(Schemas(Pet + "\n" + """
            Stamps:
              type: object
              properties: { created: { type: string } }
            TwoRefs:
              allOf: [ { $ref: '#/components/schemas/Pet' }, { $ref: '#/components/schemas/Stamps' } ]
            Plain:
              type: object
              properties: { id: { type: integer } }
            OfPlain:
              allOf: [ { $ref: '#/components/schemas/Plain' }, { properties: { more: { type: string } } } ]
            """));

        Assert.Null(spec.Type<ObjectModel>("TwoRefs").Hierarchy);
        Assert.Equal(new[] { "petType", "name", "age", "created" }, spec.Type<ObjectModel>("TwoRefs").Properties.Select(p => p.JsonName));
        Assert.Null(spec.Type<ObjectModel>("OfPlain").Hierarchy);
        Assert.Equal(new[] { "id", "more" }, spec.Type<ObjectModel>("OfPlain").Properties.Select(p => p.JsonName));

        // A base nobody derives from is a plain sealed class.
        Assert.Null(spec.Type<ObjectModel>("Pet").Hierarchy);
    }

    [Fact]
    public void AOneOfOfDerivedClassesElsewhereStaysAUnion()
    {
        ApiSpec spec = ReadClean(Schemas(Pet + "\n" + CatAndDog + "\n" + """
            AnyPet:
              oneOf: [ { $ref: '#/components/schemas/Cat' }, { $ref: '#/components/schemas/Dog' } ]
              discriminator: { propertyName: petType }
            """));

        UnionModel any = spec.Type<UnionModel>("AnyPet");
        Assert.Equal(new[] { "Cat", "Dog" }, any.Variants.Select(v => v.Name));
        Assert.NotNull(spec.Type<ObjectModel>("Cat").Hierarchy);
    }

    [Fact]
    public void ATagTwoDerivedClassesClaimSelectsTheFirstInOrdinalOrder()
    {
        ApiSpec spec = ReadClean(Schemas("""
            Base:
              type: object
              required: [kind]
              properties: { kind: { type: string } }
              discriminator: { propertyName: kind, mapping: { B: '#/components/schemas/A' } }
            A:
              allOf: [ { $ref: '#/components/schemas/Base' } ]
            B:
              allOf: [ { $ref: '#/components/schemas/Base' } ]
            """));

        Assert.Equal(new[] { Derived("A", "B"), new DerivedClassModel(new TypeRef(TypeKind.Class, Global("B")), EquatableArray<string>.Empty) }, spec.Type<ObjectModel>("Base").Hierarchy!.Derived.ToArray());
        Assert.Equal("B", spec.Type<ObjectModel>("B").Hierarchy!.Tag);
    }

    private static DerivedClassModel Derived(string name, params string[] tags) => new(new TypeRef(TypeKind.Class, Global(name)), tags.ToEquatableArray());
}
