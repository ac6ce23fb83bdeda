// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.Globalization;
using System.Text.Json;

namespace LiveAvatarGen.Runtime.Http;

/// <summary>
/// The members of an RFC 6749 token response (section 5.1) or error response (section 5.2), read without reflection.
/// Unknown members are skipped; nothing here decides whether the answer is acceptable.
/// </summary>
internal sealed class OAuth2TokenResponse
{
    public string? AccessToken { get; private set; }

    public string? TokenType { get; private set; }

    /// <summary>Seconds the token lives; null when absent. Some servers send it as a string, which is accepted.</summary>
    public double? ExpiresIn { get; private set; }

    public string? Error { get; private set; }

    public string? ErrorDescription { get; private set; }

    /// <summary>Reads the body as a JSON object.</summary>
    /// <exception cref="JsonException">The body is not a JSON object, or a known member has the wrong type.</exception>
    public static OAuth2TokenResponse Read(ReadOnlySpan<byte> body)
    {
        Utf8JsonReader reader = new(body, new JsonReaderOptions { MaxDepth = 64 });
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("The body is not a JSON object.");
        }

        OAuth2TokenResponse response = new();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("access_token"u8))
            {
                response.AccessToken = ReadString(ref reader, "access_token");
            }
            else if (reader.ValueTextEquals("token_type"u8))
            {
                response.TokenType = ReadString(ref reader, "token_type");
            }
            else if (reader.ValueTextEquals("expires_in"u8))
            {
                response.ExpiresIn = ReadSeconds(ref reader);
            }
            else if (reader.ValueTextEquals("error"u8))
            {
                response.Error = ReadString(ref reader, "error");
            }
            else if (reader.ValueTextEquals("error_description"u8))
            {
                response.ErrorDescription = ReadString(ref reader, "error_description");
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        if (reader.TokenType != JsonTokenType.EndObject)
        {
            throw new JsonException("The body is not a JSON object.");
        }

        return response;
    }

    private static string? ReadString(ref Utf8JsonReader reader, string name)
    {
        reader.Read();
        return reader.TokenType switch
        {
            JsonTokenType.String => reader.GetString(),
            JsonTokenType.Null => null,
            _ => throw new JsonException("'" + name + "' is not a string."),
        };
    }

    private static double? ReadSeconds(ref Utf8JsonReader reader)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetDouble(out double number))
        {
            return number;
        }

        // "NaN" and "Infinity" parse as doubles but are no lifetime.
        if (reader.TokenType == JsonTokenType.String && double.TryParse(reader.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out double parsed) && !double.IsNaN(parsed) && !double.IsInfinity(parsed))
        {
            return parsed;
        }

        return reader.TokenType == JsonTokenType.Null ? null : throw new JsonException("'expires_in' is not a number of seconds.");
    }
}
