// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System.Text;
using System.Text.Json;
using LiveAvatar.Api;
using LiveAvatarGen.Runtime.Errors;
using Xunit;

namespace LiveAvatarGen.Tests.Runtime;

/// <summary>Open enums read a listed value as its static member (no string allocated) and still keep any other.</summary>
public sealed class OpenEnumReadTests
{
    private static AvatarTypeEnum Read(string json)
    {
        Utf8JsonReader reader = new(Encoding.UTF8.GetBytes(json));
        reader.Read();
        return AvatarTypeEnum.ReadJson(ref reader);
    }

    [Fact]
    public void AListedValueIsTheStaticMemberItself()
    {
        AvatarTypeEnum value = Read("\"IMAGE\"");

        Assert.Equal(AvatarTypeEnum.IMAGE, value);
        Assert.Same(AvatarTypeEnum.IMAGE.Value, value.Value);
    }

    [Fact]
    public void TheKnownValuesAreTheStaticMembersInTheSpecsOrder()
    {
        // The array is declared after the fields it lists: static fields are initialized in the order they are written.
        Assert.Equal(new[] { AvatarTypeEnum.IMAGE, AvatarTypeEnum.VIDEO }, AvatarTypeEnum.KnownValues);
        Assert.All(AvatarTypeEnum.KnownValues, value => Assert.True(value.IsKnown));
        Assert.Same(AvatarTypeEnum.VIDEO.Value, AvatarTypeEnum.KnownValues[1].Value);
    }

    [Fact]
    public void AnEscapedListedValueIsRecognised()
    {
        AvatarTypeEnum value = Read("\"\\u0049MAGE\"");

        Assert.Same(AvatarTypeEnum.IMAGE.Value, value.Value);
    }

    [Theory]
    [InlineData("\"HOLOGRAM\"", "HOLOGRAM")]
    [InlineData("\"image\"", "image")]
    [InlineData("\"IMAGES\"", "IMAGES")]
    [InlineData("\"\"", "")]
    public void AnyOtherStringIsKept(string json, string expected)
    {
        AvatarTypeEnum value = Read(json);

        Assert.Equal(expected, value.Value);
        Assert.False(value.IsKnown);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("null")]
    [InlineData("{}")]
    public void ANonStringIsAFormatError(string json)
    {
        Assert.Throws<ApiResponseFormatException>(() => Read(json));
    }
}
