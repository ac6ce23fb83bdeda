// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System.Text;
using System.Text.Json;
using LiveAvatar.Api;
using LiveAvatarGen.Runtime.Errors;
using LiveAvatarGen.Runtime.Validation;
using LiveAvatarGen.Runtime.Json;
using Xunit;

namespace LiveAvatarGen.Tests.Runtime;

/// <summary>Validated numbers generated from the LiveAvatar spec's bounds.</summary>
public sealed class NumberTypeTests
{
    [Fact]
    public void MinimumAndMaximumAreInclusive()
    {
        Assert.Equal(1, new PageSize(1).Value);
        Assert.Equal(100, new PageSize(100).Value);
        Assert.Throws<ApiValidationException>(() => new PageSize(0));
        Assert.Throws<ApiValidationException>(() => new PageSize(101));
        Assert.False(PageSize.TryCreate(101, out _));
    }

    [Fact]
    public void ExclusiveMinimumExcludesTheBound()
    {
        Assert.Throws<ApiValidationException>(() => new MaxSessionDuration(0));
        Assert.Equal(1, new MaxSessionDuration(1).Value);
    }

    [Fact]
    public void FloatingBoundsAreChecked()
    {
        Assert.Equal(0.8, new Speed(0.8).Value);
        ApiValidationException ex = Assert.Throws<ApiValidationException>(() => new Speed(1.25));
        Assert.Contains("at most 1.2", ex.Message, System.StringComparison.Ordinal);
        Assert.Throws<ApiValidationException>(() => new Speed(double.NaN));
    }

    [Fact]
    public void ImplicitConversionKeepsCallSitesPlain()
    {
        Page page = 3;
        long raw = page;

        Assert.Equal(3, raw);
    }

    [Fact]
    public void OutOfRangeValueInAResponseNamesItsPath()
    {
        ApiValidationException ex = Assert.Throws<ApiValidationException>(() => Read("{\"provider\":\"elevenLabs\",\"speed\":5}"));

        Assert.Equal("$.speed", ex.JsonPath);
    }

    private static ElevenLabsVoiceSettings Read(string json)
    {
        Utf8JsonReader reader = new(Encoding.UTF8.GetBytes(json));
        reader.Read();
        return JsonPaths.Read(ref reader, ElevenLabsVoiceSettings.ReadJson);
    }

    [Theory]
    [InlineData(0.3, 0.1, true)]
    [InlineData(0.35, 0.1, false)]
    [InlineData(10, 2.5, true)]
    public void MultipleOfUsesDecimalArithmetic(double value, double step, bool ok)
    {
        Assert.Equal(ok, NumberRules.FindBrokenRule(value, null, null, null, null, step) is null);
    }
}
