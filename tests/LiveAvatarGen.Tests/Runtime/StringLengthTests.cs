// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using LiveAvatarGen.Runtime.Errors;
using LiveAvatarGen.Runtime.Validation;
using Xunit;

namespace LiveAvatarGen.Tests.Runtime;

/// <summary>
/// Length rules count code points (JSON Schema), not UTF-16 units. Most values pass on their UTF-16 length alone; the
/// ones near a limit with surrogate pairs are counted, and must come out the same.
/// </summary>
public sealed class StringLengthTests
{
    private const string Emoji = "\U0001F600"; // one code point, two UTF-16 units

    [Theory]
    [InlineData("ab", -1, 2)]
    [InlineData(Emoji + Emoji, -1, 2)] // four units, two code points: within a maximum of 2
    [InlineData(Emoji + "a", 2, -1)] // three units, two code points: meets a minimum of 2
    [InlineData("", 0, 0)]
    [InlineData("abc", 3, 3)]
    [InlineData(Emoji + Emoji + Emoji, 3, 3)]
    public void ValuesWithinTheRulesPass(string value, int min, int max)
        => StringRules.CheckLength(value, "name", min, max);

    [Theory]
    [InlineData("abc", -1, 2, "at most 2")]
    [InlineData(Emoji + Emoji + Emoji, -1, 2, "at most 2")]
    [InlineData(Emoji, 2, -1, "at least 2")] // two units, one code point: short of a minimum of 2
    [InlineData("a", 2, -1, "at least 2")]
    [InlineData(Emoji + Emoji, 3, -1, "at least 3")]
    public void ValuesOutsideTheRulesAreRefusedWithTheRule(string value, int min, int max, string rule)
    {
        ApiValidationException error = Assert.Throws<ApiValidationException>(() => StringRules.CheckLength(value, "name", min, max));
        Assert.Contains(rule, error.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void NullPasses() => StringRules.CheckLength(null, "name", 1, 2);
}
