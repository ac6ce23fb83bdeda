// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace LiveAvatarGen.Runtime.Json;

/// <summary>
/// A fixed list of names (an object's member names, an open enum's values) found by the UTF-8 text of the reader's
/// current token with one hash probe. A generated type holds one: its reader switches on the index, where it would
/// otherwise compare the token with every name in turn (one comparison per member or value, 600 for a list of time
/// zones), and the names are spelled once, not once per comparison; its writer writes them pre-escaped.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class JsonNameTable
{
    private readonly string[] _names;
    private readonly byte[][] _utf8;

    // Chained hash buckets over the UTF-8 bytes: _buckets[hash & _mask] and _next[i] hold an index plus one (0 ends).
    private readonly int[] _buckets;
    private readonly int[] _next;
    private readonly int _mask;
    private Dictionary<string, int>? _byText;
    private JsonEncodedText[]? _encoded;

    /// <summary>Builds the table; a name's index is its position in <paramref name="names"/>.</summary>
    public JsonNameTable(params string[] names)
    {
        _names = names ?? throw new ArgumentNullException(nameof(names));
        _utf8 = new byte[names.Length][];
        int size = 4;
        while (size < names.Length * 2)
        {
            size *= 2;
        }

        _buckets = new int[size];
        _next = new int[names.Length];
        _mask = size - 1;

        // Added last to first so that each chain lists its names in order: with a name given twice, the first wins.
        for (int i = names.Length - 1; i >= 0; i--)
        {
            byte[] utf8 = Encoding.UTF8.GetBytes(names[i]);
            _utf8[i] = utf8;
            int bucket = Hash(utf8) & _mask;
            _next[i] = _buckets[bucket];
            _buckets[bucket] = i + 1;
        }
    }

    /// <summary>How many names the table holds.</summary>
    public int Count => _names.Length;

    /// <summary>The name at <paramref name="index"/>.</summary>
    public string this[int index] => _names[index];

#if NET7_0_OR_GREATER
    /// <summary>Every name as an open enum's value, in order: the enum's <c>KnownValues</c>.</summary>
    /// <typeparam name="TEnum">The enum, which converts from its wire value.</typeparam>
    public TEnum[] Values<TEnum>()
        where TEnum : IOpenEnum<TEnum>
    {
        TEnum[] values = new TEnum[_names.Length];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = _names[i];
        }

        return values;
    }
#endif

    /// <summary>
    /// The name at <paramref name="index"/>, escaped for JSON once: a generated writer writes member names with it, so
    /// the writer neither checks nor escapes them on every write, and the assembly holds no UTF-8 copy of each name.
    /// </summary>
    public JsonEncodedText Encoded(int index)
    {
        // Built on the first write: most types are only ever read. Two threads racing build equal arrays.
        JsonEncodedText[] encoded = _encoded ??= Encode(_names);
        return encoded[index];
    }

    /// <summary>
    /// The error for the first required member not read: the members at the set bits of <paramref name="required"/>
    /// (indexes into this table, in order) were counted in <paramref name="seen"/>, bit <c>k</c> for the <c>k</c>-th of
    /// them. A reader of up to 32 members names them so, instead of spelling their names again in an array.
    /// </summary>
    public Errors.ApiResponseFormatException MissingProperty(int seen, string typeName, int required)
    {
        int k = 0;
        int last = 0;
        for (int index = 0; index < 32 && index < _names.Length; index++)
        {
            if ((required & (1 << index)) == 0)
            {
                continue;
            }

            last = index;
            if ((seen & (1 << k)) == 0)
            {
                return JsonRead.MissingProperty(_names[index], typeName);
            }

            k++;
        }

        return JsonRead.MissingProperty(_names[last], typeName);
    }

    /// <summary>
    /// Writes the name at <paramref name="index"/> as the next property name, escaped once (<see cref="Encoded"/>): a
    /// generated writer's one call per member, where two calls per member were 30 KB of Stripe's dll.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void WriteName(Utf8JsonWriter writer, int index) => writer.WritePropertyName(Encoded(index));

    /// <summary>
    /// The index of the reader's current string value, escapes resolved; -1 when the table does not hold it or the
    /// token is not a string.
    /// </summary>
    public int IndexOf(ref Utf8JsonReader reader)
    {
        return reader.TokenType == JsonTokenType.String ? IndexOfText(ref reader) : -1;
    }

    /// <summary>The index of <paramref name="text"/>, compared ordinally; -1 when the table does not hold it.</summary>
    public int IndexOf(string text)
    {
        // Built on first use: generated readers meet escaped names rarely, and only open enums' IsKnown asks by string.
        Dictionary<string, int> byText = _byText ??= ByText(_names);
        return text is not null && byText.TryGetValue(text, out int index) ? index : -1;
    }

    /// <summary>The index of the UTF-8 <paramref name="text"/>; -1 when the table does not hold it.</summary>
    public int IndexOf(ReadOnlySpan<byte> text)
    {
        int entry = _buckets[Hash(text) & _mask];
        while (entry != 0)
        {
            if (text.SequenceEqual(_utf8[entry - 1]))
            {
                return entry - 1;
            }

            entry = _next[entry - 1];
        }

        return -1;
    }

    /// <summary>
    /// For a generated reader at a property name: the member's index, with <paramref name="property"/> set to its name
    /// and the reader moved to its value; -1 for a member the table does not hold, the reader left at the name.
    /// <paramref name="next"/> is the index to try first, and is set to the one after a member found: objects usually
    /// arrive with their members in the spec's order, and then one comparison finds each.
    /// </summary>
    public int ReadMember(ref Utf8JsonReader reader, ref int next, out string? property)
    {
        int index;
        if (reader.HasValueSequence || reader.ValueIsEscaped)
        {
            index = IndexOf(reader.GetString()!);
        }
        else
        {
            ReadOnlySpan<byte> text = reader.ValueSpan;
            byte[][] utf8 = _utf8;
            int guess = next;
            index = (uint)guess < (uint)utf8.Length && text.SequenceEqual(utf8[guess]) ? guess : IndexOf(text);
        }

        if (index < 0)
        {
            property = null;
            return -1;
        }

        next = index + 1;
        property = _names[index];
        reader.Read();
        return index;
    }

    // The text of a property name or string token.
    private int IndexOfText(ref Utf8JsonReader reader)
    {
        return reader.HasValueSequence || reader.ValueIsEscaped ? IndexOf(reader.GetString()!) : IndexOf(reader.ValueSpan);
    }

    // Length and three bytes: names of one object or enum rarely agree on all four, and a chain settles those that do.
    private static int Hash(ReadOnlySpan<byte> text)
    {
        int length = text.Length;
        if (length == 0)
        {
            return 0;
        }

        int hash = (((((length * 31) + text[0]) * 31) + text[length >> 1]) * 31) + text[length - 1];
        return hash ^ (hash >> 9);
    }

    private static JsonEncodedText[] Encode(string[] names)
    {
        JsonEncodedText[] encoded = new JsonEncodedText[names.Length];
        for (int i = 0; i < names.Length; i++)
        {
            encoded[i] = JsonEncodedText.Encode(names[i]);
        }

        return encoded;
    }

    private static Dictionary<string, int> ByText(string[] names)
    {
        Dictionary<string, int> byText = new(names.Length, StringComparer.Ordinal);
        for (int i = names.Length - 1; i >= 0; i--)
        {
            byText[names[i]] = i;
        }

        return byText;
    }
}
