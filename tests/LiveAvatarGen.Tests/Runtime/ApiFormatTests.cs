// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.Globalization;
using LiveAvatarGen.Runtime.Http;
using Xunit;

namespace LiveAvatarGen.Tests.Runtime;

/// <summary>
/// Optional parameters and form fields go straight to <c>ApiFormat.Value</c>: each nullable overload gives null for
/// null, which the request and the forms leave out, and otherwise the same text as the non-nullable one.
/// </summary>
public sealed class ApiFormatTests
{
    [Fact]
    public void EachNullableOverloadGivesNullForNull()
    {
        Assert.Null(ApiFormat.Value((bool?)null));
        Assert.Null(ApiFormat.Value((int?)null));
        Assert.Null(ApiFormat.Value((long?)null));
        Assert.Null(ApiFormat.Value((double?)null));
        Assert.Null(ApiFormat.Value((float?)null));
        Assert.Null(ApiFormat.Value((decimal?)null));
        Assert.Null(ApiFormat.Value((Guid?)null));
        Assert.Null(ApiFormat.Value((DateTimeOffset?)null));
    }

    [Fact]
    public void EachNullableOverloadFormatsAValueAsTheNonNullableOneDoes()
    {
        CultureInfo previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = new CultureInfo("de-DE");
        try
        {
            Guid id = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e");
            DateTimeOffset at = new(2026, 12, 1, 3, 4, 5, TimeSpan.FromHours(1));
            Assert.Equal(
                new[] { "true", "-7", "9007199254740993", "0.1", "1.5", "12.50", "0f8fad5b-d9cb-469f-a165-70867728950e", "2026-12-01T03:04:05.0000000+01:00" },
                new[] { ApiFormat.Value((bool?)true), ApiFormat.Value((int?)-7), ApiFormat.Value((long?)9007199254740993), ApiFormat.Value((double?)0.1), ApiFormat.Value((float?)1.5f), ApiFormat.Value((decimal?)12.50m), ApiFormat.Value((Guid?)id), ApiFormat.Value((DateTimeOffset?)at) });
            Assert.Equal(
                new[] { ApiFormat.Value(true), ApiFormat.Value(-7), ApiFormat.Value(9007199254740993), ApiFormat.Value(0.1), ApiFormat.Value(1.5f), ApiFormat.Value(12.50m), ApiFormat.Value(id), ApiFormat.Value(at) },
                new[] { ApiFormat.Value((bool?)true), ApiFormat.Value((int?)-7), ApiFormat.Value((long?)9007199254740993), ApiFormat.Value((double?)0.1), ApiFormat.Value((float?)1.5f), ApiFormat.Value((decimal?)12.50m), ApiFormat.Value((Guid?)id), ApiFormat.Value((DateTimeOffset?)at) });
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }
}
