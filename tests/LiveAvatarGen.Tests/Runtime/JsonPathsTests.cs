// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using Constructs.Api;
using LiveAvatar.Api;
using LiveAvatarGen.Runtime.Errors;
using LiveAvatarGen.Runtime.Json;
using Xunit;

namespace LiveAvatarGen.Tests.Runtime;

/// <summary>
/// The generated readers keep no JSON path; the place that starts reading a document finds where a failure happened by
/// reading the value again up to where the failing reader stopped. These pin that walk: members, items, keys that
/// need quoting, skipped members before the failure, and a required member missing from an item (the item's path).
/// </summary>
public sealed class JsonPathsTests
{
    private static T Read<T>(string json, JsonReadFunc<T> read)
    {
        Utf8JsonReader reader = new(Encoding.UTF8.GetBytes(json));
        reader.Read();
        return JsonPaths.Read(ref reader, read);
    }

    private static List<UserCreditsSchema> ReadCreditsList(ref Utf8JsonReader reader) => JsonRead.List(ref reader, UserCreditsSchema.ReadJson);

    private static Dictionary<string, IReadOnlyList<long>> ReadMapOfLists(ref Utf8JsonReader reader) => JsonRead.MapOfLists(ref reader, JsonRead.Int64);

    [Theory]
    [InlineData("{\"credits_left\":5}", "$.credits_left")]
    [InlineData("{\"other\":{\"deep\":[1,{\"credits_left\":5}]},\"credits_left\":5}", "$.credits_left")]
    [InlineData("[]", "$")]
    public void AMemberThatFailsIsNamedAfterTheMembersSkippedBeforeIt(string json, string path)
    {
        ApiDataException error = Assert.ThrowsAny<ApiDataException>(() => Read(json, UserCreditsSchema.ReadJson));

        Assert.Equal(path, error.JsonPath);
    }

    [Fact]
    public void AnItemMissingARequiredMemberIsNamedByItsIndex()
    {
        ApiDataException error = Assert.ThrowsAny<ApiDataException>(() => Read("[{\"credits_left\":\"1\"},{\"credits_left\":\"2\",\"x\":[{}]},{\"x\":{}}]", ReadCreditsList));

        Assert.Equal("$[2]", error.JsonPath);
        Assert.Contains("credits_left", error.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void AKeyThatIsNotAPlainNameIsQuoted()
    {
        ApiDataException error = Assert.ThrowsAny<ApiDataException>(() => Read("{\"a\":[1],\"it's b\":[1,2,\"x\"]}", ReadMapOfLists));

        Assert.Equal("$['it\\'s b'][2]", error.JsonPath);
    }

    [Fact]
    public void JsonSerializerGetsThePathInsideTheGeneratedValue()
    {
        // The converter starts the read of each generated value: the path is relative to that value.
        ApiDataException error = Assert.ThrowsAny<ApiDataException>(() => JsonSerializer.Deserialize<List<Pet>>("[{\"id\":1,\"name\":\"a\",\"kind\":\"dog\"},{\"name\":\"b\",\"id\":\"two\",\"kind\":\"cat\"}]"));

        Assert.Equal("$.id", error.JsonPath);
    }

    [Fact]
    public void AnExceptionThatHasAPathKeepsIt()
    {
        ApiResponseFormatException error = new("inner");
        error.AtProperty("inner");
        Utf8JsonReader start = new(Encoding.UTF8.GetBytes("{\"outer\":{\"inner\":1}}"));
        start.Read();

        Assert.Same(error, JsonPaths.Locate(error, start, 20));
        Assert.Equal("$.inner", error.JsonPath);
    }
}
