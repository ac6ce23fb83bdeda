// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System.Collections.Generic;
using System.Text.Json;
using LiveAvatarGen.Runtime.Json;
using Xunit;

namespace LiveAvatarGen.Tests.Runtime;

/// <summary>A union tries its variants on the JSON it kept; list and map variants take their items' reader.</summary>
public sealed class JsonUnionTests
{
    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement.Clone();

    [Fact]
    public void AListVariantReadsEachItemWithTheItemsReader()
    {
        Assert.True(JsonUnion.TryReadList(Json("[\"a\", \"b\"]"), JsonRead.String, out IReadOnlyList<string> tags));
        Assert.Equal(new[] { "a", "b" }, tags);

        Assert.False(JsonUnion.TryReadList(Json("{\"a\": 1}"), JsonRead.String, out _));
        Assert.False(JsonUnion.TryReadList(Json("[1, 2]"), JsonRead.String, out _));
        Assert.False(JsonUnion.TryReadList(default, JsonRead.String, out _));
    }

    [Fact]
    public void AMapVariantReadsEachValueWithTheValuesReader()
    {
        Assert.True(JsonUnion.TryReadMap(Json("{\"a\": 1, \"b\": 2}"), JsonRead.Int64, out IReadOnlyDictionary<string, long> counts));
        Assert.Equal(2L, counts["b"]);

        Assert.False(JsonUnion.TryReadMap(Json("[1]"), JsonRead.Int64, out _));
        Assert.False(JsonUnion.TryReadMap(Json("{\"a\": \"x\"}"), JsonRead.Int64, out _));
    }

    [Fact]
    public void AWholeVariantStillReadsThroughItsOwnReader()
    {
        Assert.True(JsonUnion.TryRead(Json("42"), JsonRead.Int64, out long number));
        Assert.Equal(42L, number);
        Assert.False(JsonUnion.TryRead(Json("\"42\""), JsonRead.Int64, out _));
    }
}
