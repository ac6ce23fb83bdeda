// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.Collections.Generic;
using System.Text;
using System.Text.RegularExpressions;
using Credits.Api;
using LiveAvatarGen.Runtime.Errors;
using LiveAvatarGen.Runtime.Validation;
using Xunit;

namespace LiveAvatarGen.Tests.Runtime;

/// <summary>The hand-written check for pydantic's decimal pattern agrees with the regex it replaces, and ECMA-262's <c>$</c> is kept.</summary>
public sealed class PatternTests
{
    private static IEnumerable<string> AllStrings(string alphabet, int maxLength)
    {
        List<string> current = new() { string.Empty };
        yield return string.Empty;
        for (int length = 1; length <= maxLength; length++)
        {
            List<string> next = new();
            foreach (string prefix in current)
            {
                foreach (char c in alphabet)
                {
                    string s = prefix + c;
                    next.Add(s);
                    yield return s;
                }
            }

            current = next;
        }
    }

    [Fact]
    public void DecimalStringCheckAgreesWithTheRegexOnEveryShortString()
    {
        Regex reference = new(ApiRegex.DecimalStringPattern, RegexOptions.CultureInvariant);
        Regex created = ApiRegex.Create(ApiRegex.DecimalStringPattern);
        int checkedCount = 0;
        foreach (string s in AllStrings("01+-.a \n\u0663\uFF11", 5))
        {
            Assert.True(reference.IsMatch(s) == DecimalText.IsDecimalString(s), $"disagree on \"{s}\"");
            Assert.Equal(reference.IsMatch(s), ApiRegex.IsMatch(created, s));
            checkedCount++;
        }

        Assert.True(checkedCount > 100_000);
    }

    [Theory]
    [InlineData("12.50\n")]
    [InlineData("1\n")]
    [InlineData("\n")]
    public void ATrailingNewlineIsRefusedAsEcma262Means(string value)
    {
        Assert.Throws<ApiValidationException>(() => new CreditsLeft(value));
        Assert.False(CreditsLeft.TryCreate(value, out _));
    }

    [Fact]
    public void OtherPatternsStillUseTheRegexWithItsTimeout()
    {
        Regex regex = ApiRegex.Create("^[a-z]+\\z");

        Assert.Equal(ApiRegex.MatchTimeout, regex.MatchTimeout);
        Assert.True(ApiRegex.IsMatch(regex, "abc"));
        Assert.False(ApiRegex.IsMatch(regex, "abc\n"));
    }

    [Fact]
    public void LongDecimalStringsAreCheckedWithoutARegex()
    {
        string value = new StringBuilder().Append('7', 1_000_000).ToString();

        Assert.True(CreditsLeft.TryCreate(value, out CreditsLeft credits));
        Assert.False(CreditsLeft.TryCreate(value + "x", out _));
        Assert.Equal(1_000_000, credits.Value.Length);
    }
}
