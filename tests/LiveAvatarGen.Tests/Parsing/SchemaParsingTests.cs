// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.Linq;
using LiveAvatarGen.Generator.Infrastructure;
using LiveAvatarGen.Generator.Model;
using Xunit;
using static LiveAvatarGen.Tests.Parsing.ParserHarness;

namespace LiveAvatarGen.Tests.Parsing;

/// <summary>Schemas → <see cref="TypeModel"/> records and <see cref="TypeRef"/>s, without Roslyn.</summary>
public sealed class SchemaParsingTests
{
    private const string OtherSchemas = """
        Other:
          type: object
          properties:
            x: { type: integer }
        NullableOther:
          type: [object, "null"]
          properties:
            y: { type: integer }
        """;

    [Fact]
    public void ObjectMembersKeepRequiredOptionalAndNullable()
    {
        ApiSpec spec = ReadClean(Schemas("""
            Thing:
              type: object
              description: A thing.
              required: [id, name, maybe]
              properties:
                id: { type: integer, format: int64 }
                name: { type: string, description: Its name. }
                maybe: { type: [string, "null"] }
                note: { type: string, nullable: true }
                count: { type: integer, format: int32, default: 3 }
                kind: { type: string, const: fixed }
                ro: { type: string, readOnly: true }
                wo: { type: string, writeOnly: true }
                old: { type: string, deprecated: true }
            """));

        ObjectModel thing = spec.Type<ObjectModel>("Thing");
        Assert.Equal("A thing.", thing.Documentation);
        Assert.Equal(new[] { "id", "name", "maybe", "note", "count", "kind", "ro", "wo", "old" }, thing.Properties.Select(p => p.JsonName));

        // Required, not nullable: a plain value.
        PropertyModel id = thing.Property("id");
        Assert.Equal(("Id", new TypeRef(TypeKind.Int64), true), (id.Name, id.Type, id.IsRequired));
        Assert.Equal("Its name.", thing.Property("name").Documentation);

        // Required but nullable: must be present, may be null.
        PropertyModel maybe = thing.Property("maybe");
        Assert.Equal((new TypeRef(TypeKind.String, IsNullable: true), true), (maybe.Type, maybe.IsRequired));

        // Optional members are nullable (absent reads as null); the default is documentation only.
        Assert.Equal((new TypeRef(TypeKind.String, IsNullable: true), false), (thing.Property("note").Type, thing.Property("note").IsRequired));
        PropertyModel count = thing.Property("count");
        Assert.Equal((new TypeRef(TypeKind.Int32, IsNullable: true), false, "3"), (count.Type, count.IsRequired, count.DefaultJson));

        Assert.Equal("\"fixed\"", thing.Property("kind").ConstJson);
        Assert.Equal(PropertyAccess.ReadOnly, thing.Property("ro").Access);
        Assert.Equal(PropertyAccess.WriteOnly, thing.Property("wo").Access);
        Assert.True(thing.Property("old").IsDeprecated);
        Assert.False(thing.Property("name").IsDeprecated);
    }

    [Fact]
    public void BuiltInFormatsMapToTheirTypes()
    {
        ApiSpec spec = ReadClean(Schemas("""
            Formats:
              type: object
              required: [when, day, uid, bytes, tags, map, anything, flag, big, small, ratio, money]
              properties:
                when: { type: string, format: date-time }
                day: { type: string, format: date }
                uid: { type: string, format: uuid }
                bytes: { type: string, format: byte }
                tags: { type: array, items: { type: string } }
                map: { type: object, additionalProperties: { type: integer } }
                anything: {}
                flag: { type: boolean }
                big: { type: integer }
                small: { type: integer, format: int32 }
                ratio: { type: number }
                money: { type: number, format: decimal }
            """));

        ObjectModel formats = spec.Type<ObjectModel>("Formats");
        Assert.Equal(new TypeRef(TypeKind.DateTimeOffset), formats.Property("when").Type);
        Assert.Equal(new TypeRef(TypeKind.Date), formats.Property("day").Type);
        Assert.Equal(new TypeRef(TypeKind.Guid), formats.Property("uid").Type);
        Assert.Equal(new TypeRef(TypeKind.Bytes), formats.Property("bytes").Type);
        Assert.Equal(new TypeRef(TypeKind.List, Element: new TypeRef(TypeKind.String)), formats.Property("tags").Type);
        Assert.Equal(new TypeRef(TypeKind.Map, Element: new TypeRef(TypeKind.Int64)), formats.Property("map").Type);
        Assert.Equal(TypeKind.Any, formats.Property("anything").Type.Kind);
        Assert.Equal(new TypeRef(TypeKind.Boolean), formats.Property("flag").Type);
        Assert.Equal(new TypeRef(TypeKind.Int64), formats.Property("big").Type);
        Assert.Equal(new TypeRef(TypeKind.Int32), formats.Property("small").Type);
        Assert.Equal(new TypeRef(TypeKind.Double), formats.Property("ratio").Type);
        Assert.Equal(new TypeRef(TypeKind.Decimal), formats.Property("money").Type);
    }

    [Fact]
    public void ReferencesResolveByNameAndCarryTheTargetsNullability()
    {
        ApiSpec spec = ReadClean(Schemas("""
            Thing:
              type: object
              required: [other, nullable_ref]
              properties:
                other: { $ref: '#/components/schemas/Other' }
                other_or_null: { anyOf: [ { $ref: '#/components/schemas/Other' }, { type: 'null' } ] }
                nullable_ref: { $ref: '#/components/schemas/NullableOther' }
                list_of_nullable: { type: array, items: { $ref: '#/components/schemas/NullableOther' } }
            """ + "\n" + OtherSchemas));

        ObjectModel thing = spec.Type<ObjectModel>("Thing");
        TypeRef other = new(TypeKind.Class, Global("Other"));
        Assert.Equal(other, thing.Property("other").Type);
        Assert.Equal(other.AsNullable(), thing.Property("other_or_null").Type);

        // A component that admits null makes every reference to it nullable, required or not, list items included.
        TypeRef nullableOther = new(TypeKind.Class, Global("NullableOther"), IsNullable: true);
        Assert.Equal(nullableOther, thing.Property("nullable_ref").Type);
        Assert.True(thing.Property("nullable_ref").IsRequired);
        Assert.Equal(nullableOther, thing.Property("list_of_nullable").Type.Element);
        Assert.Single(spec.Type<ObjectModel>("NullableOther").Properties);
    }

    [Fact]
    public void AllOfWithOneMeaningfulPartIsThatPartsType()
    {
        ApiSpec spec = ReadClean(Schemas("""
            Thing:
              type: object
              properties:
                annotated: { allOf: [ { $ref: '#/components/schemas/Other' } ], description: Just documented. }
                titled: { allOf: [ { $ref: '#/components/schemas/Other' }, { title: T, deprecated: true } ] }
            """ + "\n" + OtherSchemas));

        ObjectModel thing = spec.Type<ObjectModel>("Thing");
        TypeRef other = new(TypeKind.Class, Global("Other"), IsNullable: true);
        Assert.Equal(other, thing.Property("annotated").Type);
        Assert.Equal("Just documented.", thing.Property("annotated").Documentation);
        Assert.Equal(other, thing.Property("titled").Type);
        Assert.DoesNotContain(spec.Types, t => t.Name.StartsWith("ThingAnnotated", System.StringComparison.Ordinal) || t.Name.StartsWith("ThingTitled", System.StringComparison.Ordinal));
    }

    [Fact]
    public void AllOfWithSeveralMeaningfulPartsIsOneFlattenedClass()
    {
        ApiSpec spec = ReadClean(Schemas("""
            Animal:
              type: object
              required: [animal_type]
              properties:
                animal_type: { type: string }
                name: { type: string }
            Cat:
              allOf:
                - $ref: '#/components/schemas/Animal'
                - type: object
                  required: [meows]
                  properties:
                    meows: { type: boolean }
            """));

        ObjectModel cat = spec.Type<ObjectModel>("Cat");
        Assert.Equal(new[] { "animal_type", "name", "meows" }, cat.Properties.Select(p => p.JsonName));
        Assert.True(cat.Property("animal_type").IsRequired);
        Assert.False(cat.Property("name").IsRequired);
        Assert.Equal(new TypeRef(TypeKind.Boolean), cat.Property("meows").Type);
    }

    [Fact]
    public void OneOfWithDiscriminatorIsAUnionWithItsMapping()
    {
        ApiSpec spec = ReadClean(Schemas("""
            Cat:
              type: object
              required: [kind]
              properties: { kind: { type: string }, meows: { type: boolean } }
            Dog:
              type: object
              required: [kind]
              properties: { kind: { type: string }, barks: { type: boolean } }
            Pet:
              description: A cat or a dog.
              oneOf: [ { $ref: '#/components/schemas/Cat' }, { $ref: '#/components/schemas/Dog' } ]
              discriminator: { propertyName: kind, mapping: { cat: '#/components/schemas/Cat', dog: '#/components/schemas/Dog' } }
            """));

        UnionModel pet = spec.Type<UnionModel>("Pet");
        Assert.Equal("kind", pet.Discriminator);
        Assert.Equal("A cat or a dog.", pet.Documentation);
        Assert.Equal(
            new[] { new UnionVariantModel("Cat", new TypeRef(TypeKind.Class, Global("Cat")), new[] { "cat" }.ToEquatableArray()), new UnionVariantModel("Dog", new TypeRef(TypeKind.Class, Global("Dog")), new[] { "dog" }.ToEquatableArray()) },
            pet.Variants.ToArray());
    }

    [Fact]
    public void OneOfWithoutDiscriminatorAndTypeArraysAreUnionsOfTheirVariants()
    {
        ApiSpec spec = ReadClean(Schemas("""
            Thing:
              type: object
              properties:
                either: { oneOf: [ { type: string }, { type: integer } ] }
                mixed: { type: [string, integer] }
                only_one: { oneOf: [ { type: string }, { type: 'null' } ] }
            """));

        ObjectModel thing = spec.Type<ObjectModel>("Thing");
        UnionModel either = spec.Type<UnionModel>("ThingEither");
        Assert.Null(either.Discriminator);
        Assert.Equal(new[] { ("String", TypeKind.String), ("Int64", TypeKind.Int64) }, either.Variants.Select(v => (v.Name, v.Type.Kind)));
        Assert.All(either.Variants, v => Assert.Empty(v.DiscriminatorValues));
        Assert.Equal(new TypeRef(TypeKind.Class, Global("ThingEither"), IsNullable: true), thing.Property("either").Type);
        Assert.Equal(TypeKind.Class, thing.Property("mixed").Type.Kind);

        // One real alternative plus null is that alternative, nullable: no union.
        Assert.Equal(new TypeRef(TypeKind.String, IsNullable: true), thing.Property("only_one").Type);
    }

    [Fact]
    public void StringAndIntegerEnumsAreOpenEnums()
    {
        ApiSpec spec = ReadClean(Schemas("""
            Colour:
              type: string
              enum: [red, dark-green]
            Level:
              type: integer
              enum: [1, 2]
            Thing:
              type: object
              properties:
                colour: { $ref: '#/components/schemas/Colour' }
                inline: { type: string, enum: [a, b] }
            """));

        EnumModel colour = spec.Type<EnumModel>("Colour");
        Assert.False(colour.IsInteger);
        Assert.Equal(new[] { new EnumMemberModel("Red", "red"), new EnumMemberModel("DarkGreen", "dark-green") }, colour.Members.ToArray());

        EnumModel level = spec.Type<EnumModel>("Level");
        Assert.True(level.IsInteger);
        Assert.Equal(new[] { "1", "2" }, level.Members.Select(m => m.Value));

        ObjectModel thing = spec.Type<ObjectModel>("Thing");
        Assert.Equal(new TypeRef(TypeKind.Struct, Global("Colour"), IsNullable: true), thing.Property("colour").Type);
        Assert.Equal(new TypeRef(TypeKind.Struct, Global("ThingInline"), IsNullable: true), thing.Property("inline").Type);
        Assert.False(spec.Type<EnumModel>("ThingInline").IsInteger);
    }

    [Fact]
    public void ConstrainedStringsAreValueTypes()
    {
        ApiSpec spec = ReadClean(Schemas("""
            Country:
              type: string
              pattern: '^[A-Z]{3}$'
            Short:
              type: string
              minLength: 1
              maxLength: 5
            Thing:
              type: object
              required: [code]
              properties:
                code: { $ref: '#/components/schemas/Country' }
                plain: { type: string, minLength: 0 }
            """));

        ValueTypeModel code = spec.Type<ValueTypeModel>("Country");
        Assert.Equal("^[A-Z]{3}$", code.SpecPattern);
        Assert.Equal("^[A-Z]{3}\\z", code.Pattern);
        Assert.Equal((-1, -1, false), (code.MinLength, code.MaxLength, code.IsDecimalString));

        ValueTypeModel shortText = spec.Type<ValueTypeModel>("Short");
        Assert.Equal((null, 1, 5), (shortText.Pattern, shortText.MinLength, shortText.MaxLength));

        ObjectModel thing = spec.Type<ObjectModel>("Thing");
        Assert.Equal(new TypeRef(TypeKind.Struct, Global("Country")), thing.Property("code").Type);

        // minLength 0 constrains nothing: a plain string.
        Assert.Equal(new TypeRef(TypeKind.String, IsNullable: true), thing.Property("plain").Type);
    }

    [Fact]
    public void AnInlineStringWithOnlyLengthRulesIsAStringCarryingThem()
    {
        // Stripe writes maxLength 5000 on nearly every string: a type each would be 1,500 types of noise. A pattern
        // still makes a type, and so does a named component, which the spec's author chose to name.
        ApiSpec spec = ReadClean(Schemas("""
            Short:
              type: string
              maxLength: 5
            Thing:
              type: object
              required: [name]
              properties:
                name: { type: string, minLength: 1, maxLength: 20 }
                note: { type: string, maxLength: 5000, nullable: true }
                code: { type: string, pattern: '^[A-Z]+$', maxLength: 3 }
                short: { $ref: '#/components/schemas/Short' }
                tags: { type: array, items: { type: string, maxLength: 10 } }
            """));

        ObjectModel thing = spec.Type<ObjectModel>("Thing");
        Assert.Equal(new TypeRef(TypeKind.String, Length: new LengthRule(1, 20)), thing.Property("name").Type);
        Assert.Equal(new TypeRef(TypeKind.String, IsNullable: true, Length: new LengthRule(-1, 5000)), thing.Property("note").Type);
        Assert.Equal(new TypeRef(TypeKind.Struct, Global("ThingCode"), IsNullable: true), thing.Property("code").Type);
        Assert.Equal((-1, 3), (spec.Type<ValueTypeModel>("ThingCode").MinLength, spec.Type<ValueTypeModel>("ThingCode").MaxLength));
        Assert.Equal(new TypeRef(TypeKind.Struct, Global("Short"), IsNullable: true), thing.Property("short").Type);
        Assert.Equal(new TypeRef(TypeKind.String, Length: new LengthRule(-1, 10)), thing.Property("tags").Type.Element);
        Assert.Equal(new[] { "Short", "Thing", "ThingCode" }, spec.Types.Select(t => t.Name).OrderBy(n => n, StringComparer.Ordinal));
    }

    [Fact]
    public void TypeNamesTheGeneratedMembersUseGetASuffix()
    {
        // Generated types declare members such as Code, Value and Data: a type of that name would clash with them (CS0542).
        ApiSpec spec = ReadClean(Schemas("Code: { type: string, pattern: '^[0-9]+$' }"));

        Assert.Equal("Code2", Assert.Single(spec.Types).Name);
    }

    [Fact]
    public void PydanticDecimalPatternIsADecimalString()
    {
        ApiSpec spec = ReadClean(Schemas("""
            Amount:
              type: string
              pattern: '^(?!^[-+.]*$)[+-]?0*\d*\.?\d*$'
            """));

        Assert.True(spec.Type<ValueTypeModel>("Amount").IsDecimalString);
    }

    [Fact]
    public void BoundedNumbersAreNumberTypes()
    {
        ApiSpec spec = ReadClean(Schemas("""
            Percent:
              type: integer
              format: int32
              minimum: 0
              maximum: 100
            Ratio:
              type: number
              exclusiveMinimum: 0
              exclusiveMaximum: 1.5
              multipleOf: 0.25
            """));

        NumberTypeModel percent = spec.Type<NumberTypeModel>("Percent");
        Assert.Equal((TypeKind.Int32, "0", "100", (string?)null, (string?)null, (string?)null), (percent.Underlying, percent.Minimum, percent.Maximum, percent.ExclusiveMinimum, percent.ExclusiveMaximum, percent.MultipleOf));

        NumberTypeModel ratio = spec.Type<NumberTypeModel>("Ratio");
        Assert.Equal((TypeKind.Double, (string?)null, (string?)null, "0", "1.5", "0.25"), (ratio.Underlying, ratio.Minimum, ratio.Maximum, ratio.ExclusiveMinimum, ratio.ExclusiveMaximum, ratio.MultipleOf));
    }

    [Fact]
    public void EnvelopeShapedSchemasBecomeOneGenericEnvelope()
    {
        ApiSpec spec = ReadClean(Schemas("""
            Response_Other_:
              type: object
              properties:
                code: { type: integer, default: 1000 }
                data: { $ref: '#/components/schemas/Other' }
                message: { type: string }
            Response_Code_:
              type: object
              properties:
                code: { type: integer, default: 1000 }
                data: { type: string }
                message: { type: string }
            Holder:
              type: object
              required: [wrapped]
              properties:
                wrapped: { $ref: '#/components/schemas/Response_Other_' }
            Other:
              type: object
              properties:
                x: { type: integer }
            """));

        EnvelopeModel envelope = Assert.Single(spec.Types.OfType<EnvelopeModel>());
        Assert.Equal(("ApiEnvelope", 1000), (envelope.Name, envelope.DefaultCode));
        Assert.DoesNotContain(spec.Types, t => t.Name.StartsWith("Response", System.StringComparison.Ordinal));

        TypeRef wrapped = spec.Type<ObjectModel>("Holder").Property("wrapped").Type;
        Assert.Equal(TypeKind.Generic, wrapped.Kind);
        Assert.Equal(new TypeRef(TypeKind.Class, Global("Other")), wrapped.Element);
    }

    [Fact]
    public void AnObjectWithAnExtraMemberIsNotAnEnvelope()
    {
        ApiSpec spec = ReadClean(Schemas("""
            Almost:
              type: object
              properties:
                code: { type: integer }
                data: { type: string }
                message: { type: string }
                extra: { type: string }
            """));

        Assert.Empty(spec.Types.OfType<EnvelopeModel>());
        Assert.Equal(4, spec.Type<ObjectModel>("Almost").Properties.Count);
    }

    [Fact]
    public void UndeclaredRequiredMemberIsKeptAsRawJson()
    {
        ApiSpec spec = ReadClean(Schemas("""
            Thing:
              type: object
              required: [id, ghost]
              properties:
                id: { type: string }
            """));

        PropertyModel ghost = spec.Type<ObjectModel>("Thing").Property("ghost");
        Assert.True(ghost.IsRequired);
        Assert.Equal(TypeKind.Any, ghost.Type.Kind);
    }
}
