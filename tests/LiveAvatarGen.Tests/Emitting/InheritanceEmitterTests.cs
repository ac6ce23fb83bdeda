// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System.Linq;
using LiveAvatarGen.Generator.Emitting;
using LiveAvatarGen.Generator.Model;
using TypeKind = LiveAvatarGen.Generator.Model.TypeKind;
using Microsoft.CodeAnalysis;
using Xunit;
using static LiveAvatarGen.Tests.Harness.ModelFactory;

namespace LiveAvatarGen.Tests.Emitting;

/// <summary>ObjectEmitter on hand-built hierarchies: a non-sealed base, sealed derived classes declaring only their own members.</summary>
public sealed class InheritanceEmitterTests
{
    [Fact]
    public void TheBaseIsAConcreteOpenClassAndEachDerivedClassASealedSubclass()
    {
        INamedTypeSymbol vehicle = EmitterHarness.All.Type("Vehicle");
        INamedTypeSymbol car = EmitterHarness.All.Type("Car");

        Assert.False(vehicle.IsSealed);
        Assert.False(vehicle.IsAbstract);
        Assert.True(car.IsSealed);
        Assert.Equal(vehicle, car.BaseType, SymbolEqualityComparer.Default);
        Assert.Equal(vehicle, EmitterHarness.All.Type("Bike").BaseType, SymbolEqualityComparer.Default);
    }

    [Fact]
    public void ADerivedClassDeclaresOnlyItsOwnMembersAndItsTagIsNotCSharpRequired()
    {
        INamedTypeSymbol vehicle = EmitterHarness.All.Type("Vehicle");
        INamedTypeSymbol car = EmitterHarness.All.Type("Car");

        Assert.Equal(new[] { "Doors", "Color", "Engine" }, car.GetMembers().OfType<IPropertySymbol>().Select(p => p.Name));
        Assert.Equal(new[] { "VehicleType", "Wheels", "Owner", "AdditionalProperties" }, vehicle.GetMembers().OfType<IPropertySymbol>().Select(p => p.Name));
        Assert.True(car.Property("Doors").IsRequired);
        Assert.True(vehicle.Property("Owner").IsRequired);

        // Each derived class sets the tag in its constructor, so the tag cannot be C# required.
        Assert.False(vehicle.Property("VehicleType").IsRequired);
        Assert.Contains(car.Constructors, c => c.Parameters.Length == 0 && c.DeclaredAccessibility == Accessibility.Public);
    }

    [Fact]
    public void ReadersHideWritersOverloadAndConvertersHide()
    {
        INamedTypeSymbol car = EmitterHarness.All.Type("Car");

        Assert.Equal("Car", car.Method("ReadJson").ReturnType.Display());
        Assert.Equal(new[] { "Utf8JsonWriter", "Car" }, car.Method("WriteJson").Parameters.Select(p => p.Type.Display()));
        // Each converter forwards through the runtime's one converter class, closed over its own type.
        Assert.Equal("DelegatingJsonConverter<Car>", car.GetTypeMembers("JsonConverter").Single().BaseType!.Display());
        Assert.Equal("JsonConverter<Car>", car.GetTypeMembers("JsonConverter").Single().BaseType!.BaseType!.Display());
        Assert.Equal("DelegatingJsonConverter<Vehicle>", EmitterHarness.All.Type("Vehicle").GetTypeMembers("JsonConverter").Single().BaseType!.Display());
    }

    [Fact]
    public void TheBaseDispatchesOnEveryTagAndWritesTheRuntimeClass()
    {
        string source = EmitterSamples.EmitType(EmitterSamples.Vehicle);

        Assert.Contains("FindString(ref peek, \"vehicle_type\"u8)", source, System.StringComparison.Ordinal);
        Assert.Contains("if (peek.ValueTextEquals(\"car\"u8) || peek.ValueTextEquals(\"automobile\"u8))", source, System.StringComparison.Ordinal);
        Assert.Contains("return global::Test.Api.Bike.ReadJson(ref reader);", source, System.StringComparison.Ordinal);
        Assert.Contains("if (value is global::Test.Api.Car derived1)", source, System.StringComparison.Ordinal);
        Assert.Contains("public string VehicleType { get; init; } = \"Vehicle\";", source, System.StringComparison.Ordinal);
    }

    [Fact]
    public void TriStateFlagsSpanTheBaseAndTheDerivedClassOverSeveralWords()
    {
        PropertyModel[] baseMembers = Enumerable.Range(0, 70).Select(i => Property("b" + i, "B" + i, Of(TypeKind.String, nullable: true))).Prepend(Property("kind", "Kind", Of(TypeKind.String), required: true)).ToArray();
        ObjectModel wide = BaseObject("Wide", "kind", "Wide", new[] { ("WideChild", new[] { "child" }) }, baseMembers);
        ObjectModel child = DerivedObject("WideChild", wide, "child", Enumerable.Range(0, 70).Select(i => Property("d" + i, "D" + i, Of(TypeKind.Int64, nullable: true))).ToArray());

        string childSource = ObjectEmitter.Emit(child, EmitterSamples.Facts);
        EmitterHarness.Compile(ObjectEmitter.Emit(wide, EmitterSamples.Facts), childSource);

        // 32 flags to a word: the base's 70 members take words 0 to 2; the child shares word 2 and adds words 3 and 4.
        Assert.DoesNotContain("int _set2;", childSource, System.StringComparison.Ordinal);
        Assert.Contains("private int _set3;", childSource, System.StringComparison.Ordinal);
        Assert.Contains("private int _set4;", childSource, System.StringComparison.Ordinal);
        Assert.Contains("_set2 |= 1 << 6;", childSource, System.StringComparison.Ordinal);
    }

    [Fact]
    public void AnOptionalTagAndNoRequiredMembersStillCompileClean()
    {
        CompilationFacts old = EmitterSamples.Facts with { HasRequiredMembers = false };
        ObjectModel root = BaseObject("Root", "kind", "Root", new[] { ("Leaf", new[] { "leaf" }) }, Property("kind", "Kind", Of(TypeKind.String, nullable: true)), Property("id", "Id", Of(TypeKind.String), required: true));
        ObjectModel leaf = DerivedObject("Leaf", root, "leaf", Property("name", "Name", Of(TypeKind.String), required: true));

        Compilation compilation = EmitterHarness.Compile(ObjectEmitter.Emit(root, old), ObjectEmitter.Emit(leaf, old));

        Assert.False(compilation.Type("Leaf").Property("Name").IsRequired);
    }
}
