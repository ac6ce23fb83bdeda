// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;
using LiveAvatarGen.Runtime.Errors;
using LiveAvatarGen.Runtime.Json;
using Xunit;

namespace LiveAvatarGen.Tests.Runtime;

/// <summary>The runtime calls every generated object uses to keep and write back the members its schema does not declare.</summary>
public sealed class UndeclaredMemberTests
{
    [Fact]
    public void MembersAreKeptInOrderAndWrittenBackUnchanged()
    {
        Utf8JsonReader reader = new(Encoding.UTF8.GetBytes("""{"b":{"x":[1,2]},"a":null,"c":"é"}"""));
        reader.Read();
        Dictionary<string, JsonElement>? members = null;
        string property = string.Empty;
        while (JsonRead.NextProperty(ref reader))
        {
            JsonRead.Member(ref reader, ref members, out property);
        }

        Assert.Equal("c", property);
        Assert.Equal(new[] { "b", "a", "c" }, members!.Keys);

        using MemoryStream stream = new();
        using (Utf8JsonWriter writer = new(stream))
        {
            writer.WriteStartObject();
            JsonWrite.Members(writer, members);
            JsonWrite.Members(writer, (IEnumerable<KeyValuePair<string, JsonElement>>?)null);
            writer.WriteEndObject();
        }

        Assert.Equal("""{"b":{"x":[1,2]},"a":null,"c":"\u00E9"}""", Encoding.UTF8.GetString(stream.ToArray()));
    }

    [Fact]
    public void TypedMemberNamesTheMemberBeforeItsValueIsRead()
    {
        // Generated readers locate an error by the property variable; it must already name the failing member.
        Utf8JsonReader reader = new(Encoding.UTF8.GetBytes("""{"ok":1,"bad":"x"}"""));
        reader.Read();
        Dictionary<string, long>? members = null;
        string? property = null;
        ApiDataException? error = null;
        try
        {
            while (JsonRead.NextProperty(ref reader))
            {
                JsonRead.Member(ref reader, ref members, out property, JsonRead.Int64);
            }
        }
        catch (ApiDataException ex)
        {
            error = ex;
        }

        Assert.NotNull(error);
        Assert.Equal("bad", property);
        Assert.Equal(1L, members!["ok"]);
    }
}
