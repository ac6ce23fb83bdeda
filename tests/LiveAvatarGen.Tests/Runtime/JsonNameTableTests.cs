// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json;
using LiveAvatar.Api;
using LiveAvatarGen.Runtime.Errors;
using LiveAvatarGen.Runtime.Json;
using Xunit;

namespace LiveAvatarGen.Tests.Runtime;

/// <summary>
/// The table generated readers find member names and open-enum values in: every name at its own index, by its raw or
/// escaped UTF-8 text, and nothing else.
/// </summary>
public sealed class JsonNameTableTests
{
    private static Utf8JsonReader At(string json)
    {
        Utf8JsonReader reader = new(Encoding.UTF8.GetBytes(json));
        reader.Read();
        return reader;
    }

    [Fact]
    public void EveryNameIsFoundAtItsIndexEvenWhenAllShareOneBucket()
    {
        // Same length and the same first, middle and last byte: one hash for all, so one chain of a thousand.
        string[] names = Enumerable.Range(0, 1000).Select(i => "n" + i.ToString("D3", CultureInfo.InvariantCulture) + "x" + (999 - i).ToString("D3", CultureInfo.InvariantCulture) + "n").ToArray();
        JsonNameTable table = new(names);

        Assert.Equal(1000, table.Count);
        for (int i = 0; i < names.Length; i++)
        {
            Assert.Equal(i, table.IndexOf(Encoding.UTF8.GetBytes(names[i])));
            Assert.Equal(i, table.IndexOf(names[i]));
            Assert.Equal(names[i], table[i]);
        }
    }

    [Theory]
    [InlineData("create")]
    [InlineData("createds")]
    [InlineData("Created")]
    [InlineData("")]
    [InlineData("url ")]
    public void ATextNotListedIsMinusOne(string text)
    {
        JsonNameTable table = new("created", "expires_at", "object", "url");

        Assert.Equal(-1, table.IndexOf(Encoding.UTF8.GetBytes(text)));
        Assert.Equal(-1, table.IndexOf(text));
    }

    [Fact]
    public void AnEmptyNameAndNonAsciiNamesAreNamesLikeAnyOther()
    {
        JsonNameTable table = new(string.Empty, "é", "日本", "😀");

        Assert.Equal(0, table.IndexOf(Utf8(string.Empty)));
        Assert.Equal(2, table.IndexOf(Utf8("日本")));
        Assert.Equal(3, table.IndexOf("😀"));
        Utf8JsonReader escaped = At("\"\\u00e9\"");
        Assert.Equal(1, table.IndexOf(ref escaped));
    }

    [Fact]
    public void ANameGivenTwiceIsFoundAtItsFirstIndex()
    {
        JsonNameTable table = new("a", "b", "a");

        Assert.Equal(0, table.IndexOf(Utf8("a")));
        Assert.Equal(0, table.IndexOf("a"));
    }

    [Fact]
    public void AStringValueIsFoundRawOrEscapedAndOtherTokensAreNot()
    {
        JsonNameTable table = new("IMAGE", "VIDEO");
        Utf8JsonReader raw = At("\"VIDEO\"");
        Utf8JsonReader escaped = At("\"\\u0056IDEO\"");
        Utf8JsonReader number = At("1");
        Utf8JsonReader name = At("{\"VIDEO\":1}");
        name.Read();

        Assert.Equal(1, table.IndexOf(ref raw));
        Assert.Equal(1, table.IndexOf(ref escaped));
        Assert.Equal(-1, table.IndexOf(ref number));
        Assert.Equal(-1, table.IndexOf(ref name));
        Assert.Equal(-1, table.IndexOf((string)null!));
    }

    [Fact]
    public void AListedMemberNamesItselfAndMovesToItsValue()
    {
        JsonNameTable table = new("created", "url", "id");
        Utf8JsonReader reader = At("{\"\\u0075rl\":\"x\",\"other\":2,\"created\":1,\"url\":\"y\"}");
        int next = 0;

        Assert.True(JsonRead.NextProperty(ref reader));
        Assert.Equal(1, table.ReadMember(ref reader, ref next, out string? property));
        Assert.Equal("url", property);
        Assert.Equal(2, next);
        Assert.Equal(JsonTokenType.String, reader.TokenType);

        Assert.True(JsonRead.NextProperty(ref reader));
        Assert.Equal(-1, table.ReadMember(ref reader, ref next, out property));
        Assert.Null(property);
        Assert.Equal(2, next);
        Assert.Equal(JsonTokenType.PropertyName, reader.TokenType);
        Assert.True(reader.ValueTextEquals("other"u8));
        reader.Skip();

        // The guess (2, "id") is wrong both times: the table still finds the member, out of order.
        Assert.True(JsonRead.NextProperty(ref reader));
        Assert.Equal(0, table.ReadMember(ref reader, ref next, out property));
        Assert.Equal("created", property);
        reader.Skip();
        Assert.True(JsonRead.NextProperty(ref reader));
        Assert.Equal(1, table.ReadMember(ref reader, ref next, out property));
        Assert.Equal(2, next);

        // A guess past the end is no guess.
        int past = 3;
        Utf8JsonReader last = At("{\"id\":1}");
        Assert.True(JsonRead.NextProperty(ref last));
        Assert.Equal(2, table.ReadMember(ref last, ref past, out property));
        Assert.Equal("id", property);
    }

    [Fact]
    public void EncodedNamesAreWrittenEscapedAndReadBackAsTheSameNames()
    {
        JsonNameTable table = new("plain", "quo\"te", "back\\slash", "größe", "<tag>");
        using System.IO.MemoryStream stream = new();
        using (Utf8JsonWriter writer = new(stream))
        {
            writer.WriteStartObject();
            for (int i = 0; i < table.Count; i++)
            {
                writer.WritePropertyName(table.Encoded(i));
                writer.WriteNumberValue(i);
            }

            writer.WriteEndObject();
        }

        using JsonDocument written = JsonDocument.Parse(stream.ToArray());
        Assert.Equal(new[] { "plain", "quo\"te", "back\\slash", "größe", "<tag>" }, written.RootElement.EnumerateObject().Select(p => p.Name));
        Utf8JsonReader reader = new(stream.ToArray());
        reader.Read();
        int next = 0;
        while (JsonRead.NextProperty(ref reader))
        {
            int expected = next;
            Assert.Equal(expected, table.ReadMember(ref reader, ref next, out _));
        }
    }

    [Fact]
    public void AGeneratedReaderFindsAnEscapedMemberNameAndKeepsAnUnknownOne()
    {
        Utf8JsonReader reader = At("{\"\\u0063redits_left\":\"5\",\"extra\":[1]}");

        UserCreditsSchema schema = UserCreditsSchema.ReadJson(ref reader);

        Assert.Equal(5m, schema.CreditsLeft.ToDecimal());
        Assert.Equal("[1]", schema.AdditionalProperties!["extra"].GetRawText());
    }

    [Fact]
    public void AGeneratedReaderStillNamesTheMemberThatFailed()
    {
        ApiResponseFormatException ex = Assert.Throws<ApiResponseFormatException>(() => ReadCredits("{\"other\":1,\"credits_left\":5}"));

        Assert.Equal("$.credits_left", ex.JsonPath);

        // The reader itself keeps no path: the place that starts reading a document finds it.
        ApiResponseFormatException direct = Assert.Throws<ApiResponseFormatException>(() =>
        {
            Utf8JsonReader reader = At("{\"credits_left\":5}");
            UserCreditsSchema.ReadJson(ref reader);
        });
        Assert.Equal("$", direct.JsonPath);
    }

    [Theory]
    [InlineData(0, "b")]
    [InlineData(1, "d")]
    [InlineData(2, "b")]
    public void TheTableNamesTheFirstRequiredMemberNotSeen(int seen, string missing)
    {
        // Required members b and d (table indexes 1 and 3): bit 0 of `seen` counts b, bit 1 counts d.
        JsonNameTable table = new("a", "b", "c", "d");

        ApiResponseFormatException error = table.MissingProperty(seen, "Thing", 0b1010);

        Assert.Equal($"Required property '{missing}' of Thing is missing.", error.Detail);
    }

    private static UserCreditsSchema ReadCredits(string json)
    {
        Utf8JsonReader reader = At(json);
        return JsonPaths.Read(ref reader, UserCreditsSchema.ReadJson);
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
