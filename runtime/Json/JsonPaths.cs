// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System.Collections.Generic;
using System.ComponentModel;
using System.Text.Json;
using LiveAvatarGen.Runtime.Errors;

namespace LiveAvatarGen.Runtime.Json;

/// <summary>
/// Where a value read by the generated readers went wrong, as a JSON path. The readers themselves keep no path: the
/// places that start reading a document (a response body, a stream item, a webhook body, a <c>JsonSerializer</c>
/// converter) keep a copy of the reader, and only when an <see cref="ApiDataException"/> comes out read the value again
/// up to where the failing reader stopped, counting members and items. The happy path pays one struct copy per
/// document; the generated readers need no try/catch each (74 KB of Stripe's dll and a fourteenth of its compile).
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class JsonPaths
{
    /// <summary>
    /// Reads the value at the reader's current token with <paramref name="read"/>; an <see cref="ApiDataException"/>
    /// leaves with the JSON path of the token the reader was on, relative to this value (<c>$</c>).
    /// </summary>
    public static T Read<T>(ref Utf8JsonReader reader, JsonReadFunc<T> read)
    {
        Utf8JsonReader start = reader;
        try
        {
            return read(ref reader);
        }
        catch (ApiDataException ex)
        {
            throw Locate(ex, start, reader.TokenStartIndex);
        }
    }

    /// <summary>
    /// Gives <paramref name="error"/> the path of the token starting at <paramref name="failedAt"/>, found by reading
    /// from <paramref name="start"/> (a copy of the reader on the value's first token). An exception that already has a
    /// path keeps it: the innermost place that started a read knows it best.
    /// </summary>
    public static ApiDataException Locate(ApiDataException error, Utf8JsonReader start, long failedAt)
    {
        if (error.HasPath)
        {
            return error;
        }

        List<Frame>? frames = null;
        try
        {
            Utf8JsonReader walker = start;
            while (true)
            {
                JsonTokenType token = walker.TokenType;
                Frame? top = frames is { Count: > 0 } ? frames[frames.Count - 1] : null;
                bool isValue = token is not (JsonTokenType.PropertyName or JsonTokenType.EndObject or JsonTokenType.EndArray or JsonTokenType.Comment);
                if (isValue && top is { IsArray: true })
                {
                    top.Index++;
                }
                else if (token == JsonTokenType.PropertyName && top is not null)
                {
                    top.Name = walker.GetString();
                }

                if (walker.TokenStartIndex >= failedAt)
                {
                    // On an object's or array's end the failure is about that object (a required member missing):
                    // its path, not its last member's.
                    if (token is JsonTokenType.EndObject or JsonTokenType.EndArray && frames is { Count: > 0 })
                    {
                        frames.RemoveAt(frames.Count - 1);
                    }

                    break;
                }

                if (token is JsonTokenType.StartObject or JsonTokenType.StartArray)
                {
                    (frames ??= new List<Frame>()).Add(new Frame(token == JsonTokenType.StartArray));
                }
                else if (token is JsonTokenType.EndObject or JsonTokenType.EndArray && frames is { Count: > 0 })
                {
                    frames.RemoveAt(frames.Count - 1);
                }

                if (!walker.Read())
                {
                    break;
                }
            }
        }
        catch (JsonException)
        {
            // The value ended in malformed JSON before the failing token: the path up to there is still right.
        }

        // The exception adds segments in front of its path: innermost first.
        for (int i = (frames?.Count ?? 0) - 1; i >= 0; i--)
        {
            Frame frame = frames![i];
            if (frame.IsArray)
            {
                error.AtIndex(frame.Index);
            }
            else if (frame.Name is { } name)
            {
                error.AtProperty(name);
            }
        }

        return error;
    }

    /// <summary>An object or array the walk is inside: the member name or item index it is at.</summary>
    private sealed class Frame
    {
        public Frame(bool isArray)
        {
            IsArray = isArray;
        }

        public bool IsArray { get; }

        public int Index { get; set; } = -1;

        public string? Name { get; set; }
    }
}
