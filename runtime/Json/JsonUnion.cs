// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System.Collections.Generic;
using System.ComponentModel;
using System.Text;
using System.Text.Json;
using LiveAvatarGen.Runtime.Errors;

namespace LiveAvatarGen.Runtime.Json;

/// <summary>Reads a union's variants from the raw JSON it keeps.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class JsonUnion
{
    /// <summary>Tries to read <paramref name="raw"/> as one variant; false when it does not have that shape.</summary>
    public static bool TryRead<T>(JsonElement raw, JsonReadFunc<T> read, out T value) => TryReadWith(raw, new ReadWith<T>(read), out value);

    /// <summary>
    /// Tries a list variant, its items read by <paramref name="readItem"/>. The generated union passes a method group
    /// here instead of a lambda reading the list: a lambda's closure class, once constructed, makes NativeAOT keep the
    /// union's converter, and with it its reader and writer, for any app that asks for the variant.
    /// </summary>
    public static bool TryReadList<T>(JsonElement raw, JsonReadFunc<T> readItem, out IReadOnlyList<T> value)
        => TryReadWith(raw, new ReadList<T>(readItem), out value);

    /// <summary>Tries a map variant, its values read by <paramref name="readValue"/>; see <see cref="TryReadList{T}"/>.</summary>
    public static bool TryReadMap<T>(JsonElement raw, JsonReadFunc<T> readValue, out IReadOnlyDictionary<string, T> value)
        => TryReadWith(raw, new ReadMap<T>(readValue), out value);

    private static bool TryReadWith<T, TReader>(JsonElement raw, TReader read, out T value)
        where TReader : struct, IJsonValueReader<T>
    {
        value = default!;
        if (raw.ValueKind == JsonValueKind.Undefined)
        {
            return false;
        }

        byte[] utf8 = Encoding.UTF8.GetBytes(raw.GetRawText());
        try
        {
            Utf8JsonReader reader = new(utf8);
            reader.Read();
            value = read.Read(ref reader);
            return true;
        }
        catch (ApiDataException)
        {
            return false;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
