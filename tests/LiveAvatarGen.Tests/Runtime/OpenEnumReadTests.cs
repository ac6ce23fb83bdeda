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
        // Built once from the name table through the enum's conversion from string (IOpenEnum): no array of members
        // in the enum itself; equal to the members and holding the same strings.
        Assert.Equal(new[] { AvatarTypeEnum.IMAGE, AvatarTypeEnum.VIDEO }, AvatarTypeEnum.KnownValues);
        Assert.Same(AvatarTypeEnum.KnownValues, AvatarTypeEnum.KnownValues);
        Assert.Contains(typeof(LiveAvatarGen.Runtime.Json.IOpenEnum<AvatarTypeEnum>), typeof(AvatarTypeEnum).GetInterfaces());
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
