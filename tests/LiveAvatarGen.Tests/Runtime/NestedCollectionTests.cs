// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;
using LiveAvatarGen.Runtime.Errors;
using LiveAvatarGen.Runtime.Json;
using Xunit;

namespace LiveAvatarGen.Tests.Runtime;

/// <summary>Maps of lists and lists of lists read and written from the items' reader and writer alone (no lambda in generated code).</summary>
public sealed class NestedCollectionTests
{
    private static Dictionary<string, IReadOnlyList<long>> Read(string json)
    {
        Utf8JsonReader reader = new(Encoding.UTF8.GetBytes(json));
        reader.Read();
        return JsonPaths.Read(ref reader, static (ref Utf8JsonReader r) => JsonRead.MapOfLists(ref r, JsonRead.Int64));
    }

    [Fact]
    public void AMapOfListsReadsEveryListInTheDocumentsOrder()
    {
        Dictionary<string, IReadOnlyList<long>> map = Read("{\"b\": [1, 2], \"a\": [], \"c\": [3]}");

        Assert.Equal(new[] { "b", "a", "c" }, map.Keys);
        Assert.Equal(new long[] { 1, 2 }, map["b"]);
        Assert.Empty(map["a"]);
    }

    [Fact]
    public void ABadItemNamesItsKeyAndIndex()
    {
        ApiDataException error = Assert.ThrowsAny<ApiDataException>(() => Read("{\"ok\": [1], \"bad\": [1, \"x\"]}"));

        Assert.Equal("$.bad[1]", error.JsonPath);
        Assert.Contains("(at $.bad[1])", error.Message, System.StringComparison.Ordinal);
        Assert.ThrowsAny<ApiDataException>(() => Read("{\"a\": 1}"));
        Assert.ThrowsAny<ApiDataException>(() => Read("[[1]]"));
    }

    [Fact]
    public void AMapOfListsWritesWhatItReads()
    {
        Dictionary<string, IReadOnlyList<long>> map = Read("{\"b\":[1,2],\"a\":[]}");
        using MemoryStream stream = new();
        using (Utf8JsonWriter writer = new(stream))
        {
            JsonWrite.MapOfLists(writer, map, JsonWrite.Int64);
        }

        Assert.Equal("{\"b\":[1,2],\"a\":[]}", Encoding.UTF8.GetString(stream.ToArray()));
    }

    [Fact]
    public void AListOfListsReadsWritesAndLocatesABadItem()
    {
        Utf8JsonReader reader = new(Encoding.UTF8.GetBytes("[[1, 2], [], [3]]"));
        reader.Read();
        List<IReadOnlyList<long>> lists = JsonRead.ListOfLists(ref reader, JsonRead.Int64);

        Assert.Equal(3, lists.Count);
        Assert.Equal(new long[] { 1, 2 }, lists[0]);
        Assert.Empty(lists[1]);

        using MemoryStream stream = new();
        using (Utf8JsonWriter writer = new(stream))
        {
            JsonWrite.ListOfLists(writer, lists, JsonWrite.Int64);
        }

        Assert.Equal("[[1,2],[],[3]]", Encoding.UTF8.GetString(stream.ToArray()));

        ApiDataException error = Assert.ThrowsAny<ApiDataException>(() =>
        {
            Utf8JsonReader bad = new(Encoding.UTF8.GetBytes("[[1], [2, \"x\"]]"));
            bad.Read();
            JsonPaths.Read(ref bad, static (ref Utf8JsonReader r) => JsonRead.ListOfLists(ref r, JsonRead.Int64));
        });
        Assert.Equal("$[1][1]", error.JsonPath);
        Assert.ThrowsAny<ApiDataException>(() =>
        {
            Utf8JsonReader flat = new(Encoding.UTF8.GetBytes("[1]"));
            flat.Read();
            JsonRead.ListOfLists(ref flat, JsonRead.Int64);
        });
    }

    [Fact]
    public void ANullCollectionIsWrittenAsNull()
    {
        // Generated writers pass an optional collection straight to the runtime, which writes JSON null for null.
        MemoryStream stream = new();
        using (Utf8JsonWriter writer = new(stream))
        {
            writer.WriteStartArray();
            JsonWrite.List<long>(writer, null, JsonWrite.Int64);
            JsonWrite.Map<long>(writer, null, JsonWrite.Int64);
            JsonWrite.ListOfLists<long>(writer, null, JsonWrite.Int64);
            JsonWrite.MapOfLists<long>(writer, null, JsonWrite.Int64);
            JsonWrite.List<long>(writer, new long[] { 1 }, JsonWrite.Int64);
            writer.WriteEndArray();
        }

        Assert.Equal("[null,null,null,null,[1]]", Encoding.UTF8.GetString(stream.ToArray()));
    }
}
