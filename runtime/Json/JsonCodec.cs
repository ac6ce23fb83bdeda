// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

#if NET7_0_OR_GREATER
using System;
using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace LiveAvatarGen.Runtime.Json;

/// <summary>
/// A generated type's reader and writer, as static members the runtime can call for any such type. Generated types
/// implement it where the consumer's framework and language have static abstract members (.NET 7 and C# 11), and name
/// <see cref="JsonCodecConverter{T}"/> in their <c>[JsonConverter]</c> attribute instead of declaring a converter
/// class each.
/// </summary>
/// <typeparam name="TSelf">The generated type.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IJsonCodec<TSelf>
    where TSelf : IJsonCodec<TSelf>
{
    /// <summary>Reads a value at the reader's current token.</summary>
    static abstract TSelf ReadJson(ref Utf8JsonReader reader);

    /// <summary>Writes the value.</summary>
    static abstract void WriteJson(Utf8JsonWriter writer, TSelf value);
}

/// <summary>
/// The System.Text.Json converter of every generated type that implements <see cref="IJsonCodec{TSelf}"/>. Each spec
/// declares an empty subclass in its own assembly and names that in its types' <c>[JsonConverter]</c> attributes: an
/// attribute stores its <c>typeof</c> argument as a name, and one naming this assembly carries its full name, once per
/// generated type.
/// </summary>
/// <typeparam name="T">The generated type.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class JsonCodecConverter<T> : JsonConverter<T>
    where T : IJsonCodec<T>
{
    /// <inheritdoc />
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => JsonPaths.Read(ref reader, JsonCodecReader<T>.Read);

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => T.WriteJson(writer, value);
}

/// <summary>
/// The argument of the private constructor a generated reader creates an object with when the object has
/// <c>required</c> members: that constructor is marked <c>[SetsRequiredMembers]</c>, so the reader can fill each field
/// straight from the JSON and then check that every required member was present, instead of reading into a local per
/// member and building the object in an initializer at the end (a declaration and a copy per member: 2% of Stripe's
/// generated characters). A type of its own so the constructor's signature cannot clash with one the consumer declares.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct JsonReading
{
}

/// <summary>
/// A generated open enum backed by a string: the runtime builds its <c>KnownValues</c> from its name table with the
/// enum's own conversion from string, so the enum declares no array of its members (13 bytes of IL per value: 48 KB
/// of Stripe's dll).
/// </summary>
/// <typeparam name="TSelf">The enum.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IOpenEnum<TSelf>
    where TSelf : IOpenEnum<TSelf>
{
    /// <summary>Wraps a wire value.</summary>
    static abstract implicit operator TSelf(string value);
}

/// <summary>
/// The delegate reading a generated type, made once for the app: generated code passes it where a collection, a
/// response or a union reads values of the type. A method group there would make the compiler cache a delegate in a
/// nested class of every type naming it, a class, a field and a lazy creation each (35 KB of Stripe's dll).
/// </summary>
/// <typeparam name="T">The generated type.</typeparam>
/// <remarks>Apart from <see cref="JsonCodecWriter{T}"/>: an app that only reads a type keeps no writer of it.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class JsonCodecReader<T>
    where T : IJsonCodec<T>
{
    /// <summary>Reads the type: its <c>ReadJson</c>.</summary>
    public static readonly JsonReadFunc<T> Read = T.ReadJson;
}

/// <summary>The delegate writing a generated type, made once for the app: see <see cref="JsonCodecReader{T}"/>.</summary>
/// <typeparam name="T">The generated type.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class JsonCodecWriter<T>
    where T : IJsonCodec<T>
{
    /// <summary>Writes the type: its <c>WriteJson</c>.</summary>
    public static readonly JsonWriteAction<T> Write = T.WriteJson;
}
#endif
