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
    public static bool TryRead<T>(JsonElement raw, JsonReadFunc<T> read, out T value) => TryReadWith(raw, new Whole<T>(read), out value);

    /// <summary>
    /// Tries a list variant, its items read by <paramref name="readItem"/>. The generated union passes a method group
    /// here instead of a lambda reading the list: a lambda's closure class, once constructed, makes NativeAOT keep the
    /// union's converter, and with it its reader and writer, for any app that asks for the variant.
    /// </summary>
    public static bool TryReadList<T>(JsonElement raw, JsonReadFunc<T> readItem, out IReadOnlyList<T> value)
        => TryReadWith(raw, new ListOf<T>(readItem), out value);

    /// <summary>Tries a map variant, its values read by <paramref name="readValue"/>; see <see cref="TryReadList{T}"/>.</summary>
    public static bool TryReadMap<T>(JsonElement raw, JsonReadFunc<T> readValue, out IReadOnlyDictionary<string, T> value)
        => TryReadWith(raw, new MapOf<T>(readValue), out value);

    private static bool TryReadWith<T, TReader>(JsonElement raw, TReader read, out T value)
        where TReader : struct, IVariantReader<T>
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

    /// <summary>How a variant is read: a struct, so each use is its own specialised code, with no allocation.</summary>
    private interface IVariantReader<out T>
    {
        T Read(ref Utf8JsonReader reader);
    }

    private readonly struct Whole<T> : IVariantReader<T>
    {
        private readonly JsonReadFunc<T> _read;

        public Whole(JsonReadFunc<T> read) => _read = read;

        public T Read(ref Utf8JsonReader reader) => _read(ref reader);
    }

    private readonly struct ListOf<T> : IVariantReader<IReadOnlyList<T>>
    {
        private readonly JsonReadFunc<T> _readItem;

        public ListOf(JsonReadFunc<T> readItem) => _readItem = readItem;

        public IReadOnlyList<T> Read(ref Utf8JsonReader reader) => JsonRead.List(ref reader, _readItem);
    }

    private readonly struct MapOf<T> : IVariantReader<IReadOnlyDictionary<string, T>>
    {
        private readonly JsonReadFunc<T> _readValue;

        public MapOf(JsonReadFunc<T> readValue) => _readValue = readValue;

        public IReadOnlyDictionary<string, T> Read(ref Utf8JsonReader reader) => JsonRead.Map(ref reader, _readValue);
    }
}
