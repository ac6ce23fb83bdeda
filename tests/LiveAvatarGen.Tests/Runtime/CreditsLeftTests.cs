// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.Text;
using System.Text.Json;
using Credits.Api;
using LiveAvatarGen.Runtime.Errors;
using Xunit;

namespace LiveAvatarGen.Tests.Runtime;

/// <summary>The generated CreditsLeft value type: pydantic's decimal-string pattern, checked and converted exactly.</summary>
public sealed class CreditsLeftTests
{
    private const string SixtyDigits = "123456789012345678901234567890123456789012345678901234567890";

    [Theory]
    [InlineData("12.50", "12.50")]
    [InlineData("-0", "0")]
    [InlineData("+.5", "0.5")]
    [InlineData("007", "7")]
    [InlineData("0.0000000000000000000000000001", "0.0000000000000000000000000001")]
    [InlineData("79228162514264337593543950335", "79228162514264337593543950335")]
    public void ValidValuesConvertExactly(string text, string expectedDecimal)
    {
        CreditsLeft credits = new(text);

        Assert.Equal(text, credits.Value);
        Assert.Equal(text, credits.ToString());
        Assert.Equal(decimal.Parse(expectedDecimal, System.Globalization.CultureInfo.InvariantCulture), credits.ToDecimal());
    }

    [Theory]
    [InlineData("")]
    [InlineData(".")]
    [InlineData("1e5")]
    [InlineData(" 1")]
    [InlineData("abc")]
    [InlineData("１２")]
    [InlineData("+")]
    [InlineData("1.2.3")]
    public void InvalidValuesAreRefusedWithATypedException(string text)
    {
        ApiValidationException ex = Assert.Throws<ApiValidationException>(() => new CreditsLeft(text));

        Assert.Equal("CreditsLeft", ex.TypeName);
        Assert.Contains("pattern", ex.Rule, StringComparison.Ordinal);
        Assert.False(CreditsLeft.TryCreate(text, out _));
    }

    [Fact]
    public void NullIsRefusedWithATypedException()
    {
        Assert.Throws<ApiValidationException>(() => new CreditsLeft(null!));
        Assert.False(CreditsLeft.TryCreate(null, out _));
    }

    [Fact]
    public void SixtyDigitNumberKeepsItsTextButRefusesDecimalConversionClearly()
    {
        CreditsLeft credits = new(SixtyDigits);

        Assert.Equal(SixtyDigits, credits.Value);
        Assert.False(credits.TryGetDecimal(out _));
        ApiValidationException ex = Assert.Throws<ApiValidationException>(() => credits.ToDecimal());
        Assert.Contains("System.Decimal", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TooManyFractionDigitsAreRefusedNotRounded()
    {
        CreditsLeft credits = new("0." + new string('1', 40));

        Assert.False(credits.TryGetDecimal(out _));
    }

    [Fact]
    public void TrailingZerosBeyondDecimalScaleAreDroppedExactly()
    {
        CreditsLeft credits = new("1." + new string('0', 40));

        Assert.Equal(1m, credits.ToDecimal());
    }

    [Fact]
    public void FromDecimalKeepsTheScale()
    {
        Assert.Equal("12.50", CreditsLeft.FromDecimal(12.50m).Value);
        Assert.Equal("-3", CreditsLeft.FromDecimal(-3m).Value);
    }

    [Fact]
    public void LongInvalidValueIsShortenedInTheMessage()
    {
        string hostile = new string('x', 100_000);

        ApiValidationException ex = Assert.Throws<ApiValidationException>(() => new CreditsLeft(hostile));

        Assert.True(ex.Message.Length < 400, ex.Message);
        Assert.Contains("100000 chars", ex.ShownValue, StringComparison.Ordinal);
    }

    [Fact]
    public void JsonRoundTripKeepsTheOriginalText()
    {
        byte[] json = Encoding.UTF8.GetBytes("{\"credits_left\":\"007.10\"}");
        Utf8JsonReader reader = new(json);
        reader.Read();

        UserCreditsSchema schema = UserCreditsSchema.ReadJson(ref reader);
        using System.IO.MemoryStream stream = new();
        using (Utf8JsonWriter writer = new(stream))
        {
            UserCreditsSchema.WriteJson(writer, schema);
        }

        Assert.Equal("{\"credits_left\":\"007.10\"}", Encoding.UTF8.GetString(stream.ToArray()));
        Assert.Equal(7.10m, schema.CreditsLeft.ToDecimal());
    }

    [Fact]
    public void JsonSerializerUsesTheGeneratedConverter()
    {
        UserCreditsSchema schema = JsonSerializer.Deserialize<UserCreditsSchema>("{\"credits_left\":\"5\"}")!;

        Assert.Equal("5", schema.CreditsLeft.Value);
        Assert.Equal("{\"credits_left\":\"5\"}", JsonSerializer.Serialize(schema));
    }
}
