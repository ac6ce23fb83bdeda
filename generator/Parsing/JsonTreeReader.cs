// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.Buffers;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace LiveAvatarGen.Generator.Parsing;

/// <summary>
/// Builds the <see cref="JsonNode"/> tree of JSON spec text in one pass of <see cref="Utf8JsonReader"/>, for
/// Microsoft.OpenApi's reader to read as it reads the tree it parses itself. Its own parse gives nodes over a
/// <see cref="JsonDocument"/> that each become a dictionary, and each string a new string, when the reader first touches
/// them; built ahead, objects are filled once and strings made once. Measured on the Adyen and Twilio specs: 13 to 20%
/// of reading them.
/// </summary>
/// <remarks>
/// Strings become string values, and numbers keep their exact JSON text as the reader's own parse keeps it. The same
/// document comes out (tests compare both readers' documents on every JSON spec we hold). Anything the reader's parse
/// would refuse or treat differently (a syntax error, comments, depth over 64, a duplicate key) gives null, and the
/// caller hands the text to that reader, which reports it as before.
/// </remarks>
internal static class JsonTreeReader
{
    /// <summary>The document's tree, or null when the text is not plain JSON with an object at its root.</summary>
    public static JsonNode? Read(string text)
    {
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text.Substring(1);
        }

        byte[] buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetByteCount(text));
        try
        {
            int count = Encoding.UTF8.GetBytes(text, 0, text.Length, buffer, 0);
            return Build(new ReadOnlySpan<byte>(buffer, 0, count));
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException or InvalidOperationException)
        {
            // Malformed JSON or a duplicate key: the reader's own parse reports it.
            return null;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static JsonObject? Build(ReadOnlySpan<byte> utf8)
    {
        Utf8JsonReader reader = new(utf8, new JsonReaderOptions { MaxDepth = 64 });
        string?[] seen = new string?[SeenSlots];
        Stack<JsonNode> open = new();
        string? name = null;
        JsonNode? root = null;
        while (reader.Read())
        {
            JsonNode? value;
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    name = Text(ref reader, seen);
                    continue;
                case JsonTokenType.EndObject:
                case JsonTokenType.EndArray:
                    open.Pop();
                    continue;
                case JsonTokenType.StartObject:
                    value = new JsonObject();
                    break;
                case JsonTokenType.StartArray:
                    value = new JsonArray();
                    break;
                case JsonTokenType.String:
                    value = JsonValue.Create(Text(ref reader, seen));
                    break;
                case JsonTokenType.Number:
                    // Over a JsonElement, as the reader's own parse gives it: the number's text and every conversion.
                    value = JsonNode.Parse(reader.ValueSpan);
                    break;
                case JsonTokenType.True:
                    value = JsonValue.Create(true);
                    break;
                case JsonTokenType.False:
                    value = JsonValue.Create(false);
                    break;
                default:
                    value = null;
                    break;
            }

            if (open.Count == 0)
            {
                root = value;
            }
            else if (open.Peek() is JsonObject members)
            {
                // Add throws on a duplicate key, which Read turns into null.
                members.Add(name!, value);
            }
            else
            {
                ((JsonArray)open.Peek()).Add(value);
            }

            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                open.Push(value!);
            }
        }

        return root as JsonObject;
    }

    /// <summary>Slots in the table of strings already made; a power of two.</summary>
    private const int SeenSlots = 1024;

    /// <summary>Only short strings repeat: member names, type names, <c>$ref</c> targets.</summary>
    private const int SeenMaxBytes = 48;

    /// <summary>
    /// The token's string, the one already made when a short ASCII string was seen before in its slot: member names and
    /// many values ("type", "string", "description") repeat thousands of times in a spec.
    /// </summary>
    private static string Text(ref Utf8JsonReader reader, string?[] seen)
    {
        ReadOnlySpan<byte> raw = reader.ValueSpan;
        if (reader.ValueIsEscaped || raw.Length > SeenMaxBytes)
        {
            return reader.GetString()!;
        }

        uint hash = 2166136261;
        foreach (byte b in raw)
        {
            if (b >= 0x80)
            {
                return reader.GetString()!;
            }

            hash = (hash ^ b) * 16777619;
        }

        int slot = (int)(hash & (SeenSlots - 1));
        string? known = seen[slot];
        if (known is not null && IsSameAscii(known, raw))
        {
            return known;
        }

        return seen[slot] = reader.GetString()!;
    }

    private static bool IsSameAscii(string text, ReadOnlySpan<byte> ascii)
    {
        if (text.Length != ascii.Length)
        {
            return false;
        }

        for (int i = 0; i < ascii.Length; i++)
        {
            if (text[i] != ascii[i])
            {
                return false;
            }
        }

        return true;
    }
}
