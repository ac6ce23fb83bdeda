// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System.ComponentModel;
using System.Text.Json;

namespace LiveAvatarGen.Runtime.Json;

/// <summary>Reads one JSON value at the reader's current token. Generated types expose a static method of this shape.</summary>
/// <typeparam name="T">The value's type.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public delegate T JsonReadFunc<out T>(ref Utf8JsonReader reader);

/// <summary>Writes one value as JSON. Generated types expose a static method of this shape.</summary>
/// <typeparam name="T">The value's type.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public delegate void JsonWriteAction<in T>(Utf8JsonWriter writer, T value);
