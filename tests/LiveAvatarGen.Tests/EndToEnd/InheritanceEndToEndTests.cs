// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using Constructs.Api;
using LiveAvatarGen.Runtime.Errors;
using LiveAvatarGen.Tests.Harness;
using Xunit;

namespace LiveAvatarGen.Tests.EndToEnd;

/// <summary>
/// The class hierarchy of Specs/constructs.openapi.yaml (<c>Shape</c> with a discriminator; <c>Circle</c> and <c>Square</c>
/// are allOf it) against loopback Kestrel: the base reads the class its tag names and writes the runtime class.
/// </summary>
public sealed class InheritanceEndToEndTests
{
    private static ConstructsClient Client(HttpClient http, LoopbackServer server) => new(http, new ConstructsClientOptions { BaseAddress = server.BaseAddress });

    [Fact]
    public async Task ReadingTheBaseReturnsTheDerivedClassItsTagNames()
    {
        // The tag is not the first member, and "round" is the mapping's second value for Circle.
        await using LoopbackServer server = await LoopbackServer.StartAsync(LoopbackServer.Json("{\"label\":\"big\",\"radius\":2.5,\"shape_type\":\"round\",\"extra\":1}"));
        using HttpClient http = new();

        Shape shape = await Client(http, server).EchoShapeAsync(new Square { Side = 3 });

        Circle circle = Assert.IsType<Circle>(shape);
        Assert.Equal(2.5, circle.Radius);
        Assert.Equal("big", circle.Label);
        Assert.Equal("round", circle.ShapeType);
        Assert.Equal(1, circle.AdditionalProperties!["extra"].GetInt32());
        Assert.Equal("{\"shape_type\":\"Square\",\"side\":3}", Assert.Single(server.Requests).Body);
    }

    [Fact]
    public async Task TheImplicitMappingSelectsByComponentName()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(LoopbackServer.Json("{\"shape_type\":\"Square\",\"side\":4}"));
        using HttpClient http = new();

        Shape shape = await Client(http, server).EchoShapeAsync(new Shape { ShapeType = "Square" });

        Assert.Equal(4, Assert.IsType<Square>(shape).Side);
    }

    [Fact]
    public async Task AnUnknownTagKeepsTheBaseAndWritesItBackUnchanged()
    {
        const string Json = "{\"shape_type\":\"hexagon\",\"label\":null,\"sides\":6,\"nested\":{\"a\":[1,\"x\"]}}";
        await using LoopbackServer server = await LoopbackServer.StartAsync(LoopbackServer.Json(Json));
        using HttpClient http = new();
        ConstructsClient client = Client(http, server);

        Shape shape = await client.EchoShapeAsync(new Shape { ShapeType = "hexagon" });
        await client.EchoShapeAsync(shape);

        Assert.Equal(typeof(Shape), shape.GetType());
        Assert.Equal("hexagon", shape.ShapeType);
        Assert.Null(shape.Label);
        Assert.Equal(new[] { "sides", "nested" }, shape.AdditionalProperties!.Keys);
        Assert.Equal(Json, server.Requests[1].Body);
    }

    [Fact]
    public async Task AMissingRequiredTagIsRefusedLikeAnyRequiredMember()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(LoopbackServer.Json("{\"radius\":1}"));
        using HttpClient http = new();

        ApiResponseFormatException ex = await Assert.ThrowsAsync<ApiResponseFormatException>(() => Client(http, server).EchoShapeAsync(new Circle { Radius = 1 }));

        Assert.Contains("shape_type", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADerivedValueSentAsTheBaseCarriesItsTagAndItsMembers()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(LoopbackServer.Json("{\"shape_type\":\"circle\",\"radius\":1}"));
        using HttpClient http = new();
        Shape sent = new Circle { Label = "c", Radius = 1.5, Note = null };

        await Client(http, server).EchoShapeAsync(sent);

        Assert.Equal("{\"shape_type\":\"circle\",\"label\":\"c\",\"radius\":1.5,\"note\":null}", Assert.Single(server.Requests).Body);
    }

    [Fact]
    public void JsonSerializerUsesTheHierarchyToo()
    {
        Shape read = JsonSerializer.Deserialize<Shape>("{\"shape_type\":\"circle\",\"radius\":2}")!;
        string written = JsonSerializer.Serialize<Shape>(new Square { Side = 1, AdditionalProperties = new System.Collections.Generic.Dictionary<string, JsonElement> { ["x"] = JsonSerializer.SerializeToElement(true) } });

        Assert.Equal(2, Assert.IsType<Circle>(read).Radius);
        Assert.Equal("{\"shape_type\":\"Square\",\"side\":1,\"x\":true}", written);
    }

    [Fact]
    public void ADerivedClassDeclaresOnlyItsOwnMembers()
    {
        Assert.Equal(typeof(Shape), typeof(Circle).BaseType);
        Assert.True(typeof(Circle).IsSealed);
        Assert.False(typeof(Shape).IsSealed);
        Assert.Equal(typeof(Shape), typeof(Circle).GetProperty(nameof(Circle.Label))!.DeclaringType);
        Assert.Equal(typeof(Shape), typeof(Circle).GetProperty(nameof(Circle.AdditionalProperties))!.DeclaringType);
        Assert.Equal(typeof(Circle), typeof(Circle).GetProperty(nameof(Circle.Radius))!.DeclaringType);
    }
}
