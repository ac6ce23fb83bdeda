// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

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
    public static bool TryRead<T>(JsonElement raw, JsonReadFunc<T> read, out T value)
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
            value = read(ref reader);
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
