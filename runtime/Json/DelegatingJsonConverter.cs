// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace LiveAvatarGen.Runtime.Json;

/// <summary>
/// The System.Text.Json converter of a generated type, forwarding to its generated reader and writer. Each generated
/// type declares a one-line subclass (an attribute needs a closed type with a parameterless constructor), so the
/// forwarding is written once here rather than in every type.
/// </summary>
/// <typeparam name="T">The generated type.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class DelegatingJsonConverter<T> : JsonConverter<T>
{
    private readonly JsonReadFunc<T> _read;
    private readonly JsonWriteAction<T> _write;

    /// <summary>Creates the converter from the type's reader and writer.</summary>
    protected DelegatingJsonConverter(JsonReadFunc<T> read, JsonWriteAction<T> write)
    {
        _read = read ?? throw new ArgumentNullException(nameof(read));
        _write = write ?? throw new ArgumentNullException(nameof(write));
    }

    /// <inheritdoc />
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => JsonPaths.Read(ref reader, _read);

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => _write(writer, value);
}
