// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.Globalization;
using System.Text;

namespace LiveAvatarGen.Benchmarks;

/// <summary>The response bodies the benchmarks parse: what the LiveAvatar API sends, built deterministically.</summary>
public static class Payloads
{
    /// <summary>How many avatars the list response holds.</summary>
    public const int AvatarCount = 500;

    /// <summary><c>GET /v1/users/credits</c>.</summary>
    public static byte[] Credits { get; } = Encoding.UTF8.GetBytes("{\"code\":100,\"data\":{\"credits_left\":\"1234.50\"},\"message\":\"Success\"}");

    /// <summary><c>GET /v1/avatars</c> with <see cref="AvatarCount"/> avatars.</summary>
    public static byte[] AvatarList { get; } = BuildAvatarList(AvatarCount);

    private static byte[] BuildAvatarList(int count)
    {
        StringBuilder json = new();
        json.Append("{\"code\":100,\"data\":{\"count\":").Append(count.ToString(CultureInfo.InvariantCulture))
            .Append(",\"next\":\"https://api.liveavatar.com/v1/avatars?page=2\",\"previous\":null,\"results\":[");
        DateTimeOffset start = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
        for (int i = 0; i < count; i++)
        {
            if (i > 0)
            {
                json.Append(',');
            }

            Guid id = new(i, (short)(i % 7), (short)(i % 13), 1, 2, 3, 4, 5, 6, 7, 8);
            string created = start.AddMinutes(i * 37).ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);
            string updated = start.AddMinutes(i * 41).ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);
            json.Append("{\"id\":\"").Append(id.ToString("D")).Append('"')
                .Append(",\"space_id\":").Append(i % 3 == 0 ? "null" : "\"space-" + (i % 5).ToString(CultureInfo.InvariantCulture) + "\"")
                .Append(",\"type\":\"").Append(i % 2 == 0 ? "VIDEO" : "IMAGE").Append('"')
                .Append(",\"status\":\"").Append((i % 4) switch { 0 => "ACTIVE", 1 => "INIT", 2 => "DEPLOYING", _ => "FAILED" }).Append('"')
                .Append(",\"name\":\"Avatar number ").Append(i.ToString(CultureInfo.InvariantCulture)).Append('"')
                .Append(",\"preview_url\":\"https://files.liveavatar.com/previews/").Append(id.ToString("N")).Append(".mp4\"")
                .Append(",\"is_expired\":").Append(i % 10 == 0 ? "true" : "false")
                .Append(",\"default_voice\":").Append(i % 2 == 0 ? "{\"id\":\"voice-" + (i % 9).ToString(CultureInfo.InvariantCulture) + "\",\"name\":\"Narrator\"}" : "null")
                .Append(",\"is_1080p\":").Append(i % 3 == 0 ? "true" : "false")
                .Append(",\"created_at\":\"").Append(created).Append('"')
                .Append(",\"updated_at\":\"").Append(updated).Append('"')
                .Append(",\"error_message\":\"\"}");
        }

        json.Append("]},\"message\":\"Success\"}");
        return Encoding.UTF8.GetBytes(json.ToString());
    }
}
