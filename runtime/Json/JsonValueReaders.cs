// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System.Collections.Generic;
using System.Text.Json;

namespace LiveAvatarGen.Runtime.Json;

/// <summary>
/// How one value is read, as a struct: a generic method constrained to it is specialised per reader, so the runtime
/// reads a list or map of lists from the item's reader alone, without a lambda or a closure allocated per call.
/// </summary>
internal interface IJsonValueReader<out T>
{
    T Read(ref Utf8JsonReader reader);
}

/// <summary>A value read by a generated or runtime reader.</summary>
internal readonly struct ReadWith<T> : IJsonValueReader<T>
{
    private readonly JsonReadFunc<T> _read;

    public ReadWith(JsonReadFunc<T> read) => _read = read;

    public T Read(ref Utf8JsonReader reader) => _read(ref reader);
}

/// <summary>An array, each item read by the item's reader.</summary>
internal readonly struct ReadList<T> : IJsonValueReader<IReadOnlyList<T>>
{
    private readonly JsonReadFunc<T> _readItem;

    public ReadList(JsonReadFunc<T> readItem) => _readItem = readItem;

    public IReadOnlyList<T> Read(ref Utf8JsonReader reader) => JsonRead.List(ref reader, _readItem);
}

/// <summary>An object with arbitrary keys, each value read by the value's reader.</summary>
internal readonly struct ReadMap<T> : IJsonValueReader<IReadOnlyDictionary<string, T>>
{
    private readonly JsonReadFunc<T> _readValue;

    public ReadMap(JsonReadFunc<T> readValue) => _readValue = readValue;

    public IReadOnlyDictionary<string, T> Read(ref Utf8JsonReader reader) => JsonRead.Map(ref reader, _readValue);
}
