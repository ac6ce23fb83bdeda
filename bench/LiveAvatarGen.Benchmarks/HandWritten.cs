// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace LiveAvatarGen.Benchmarks;

// What a developer would write by hand for System.Text.Json: the same members and JSON names. Enums stay strings, as the
// generated open enums keep unknown values. No `required` members: with them, System.Text.Json's source-generated
// reader is about 2.6 times slower on the avatar page (measured, .NET 10), so the faster form is the baseline, even
// though it does not check that required members are present, which the generated reader does.

/// <summary>The credits envelope.</summary>
public sealed class CreditsEnvelope
{
    [JsonPropertyName("code")]
    public int Code { get; set; } = 100;

    [JsonPropertyName("data")]
    public CreditsData? Data { get; set; }

    [JsonPropertyName("message")]
    public string? Message { get; set; }
}

/// <summary>UserCreditsSchema.</summary>
public sealed class CreditsData
{
    [JsonPropertyName("credits_left")]
    public string CreditsLeft { get; set; } = null!;
}

/// <summary>The avatar list envelope.</summary>
public sealed class AvatarPageEnvelope
{
    [JsonPropertyName("code")]
    public int Code { get; set; } = 100;

    [JsonPropertyName("data")]
    public AvatarPage? Data { get; set; }

    [JsonPropertyName("message")]
    public string? Message { get; set; }
}

/// <summary>PaginatedResponse[AvatarSchema].</summary>
public sealed class AvatarPage
{
    [JsonPropertyName("count")]
    public long Count { get; set; }

    [JsonPropertyName("next")]
    public string? Next { get; set; }

    [JsonPropertyName("previous")]
    public string? Previous { get; set; }

    [JsonPropertyName("results")]
    public List<Avatar> Results { get; set; } = null!;
}

/// <summary>AvatarSchema.</summary>
public sealed class Avatar
{
    [JsonPropertyName("id")]
    public Guid Id { get; set; }

    [JsonPropertyName("space_id")]
    public string? SpaceId { get; set; }

    [JsonPropertyName("type")]
    public string Type { get; set; } = "VIDEO";

    [JsonPropertyName("status")]
    public string Status { get; set; } = "INIT";

    [JsonPropertyName("name")]
    public string Name { get; set; } = null!;

    [JsonPropertyName("preview_url")]
    public string? PreviewUrl { get; set; }

    [JsonPropertyName("is_expired")]
    public bool IsExpired { get; set; }

    [JsonPropertyName("default_voice")]
    public Voice? DefaultVoice { get; set; }

    [JsonPropertyName("is_1080p")]
    public bool Is1080p { get; set; }

    [JsonPropertyName("created_at")]
    public DateTimeOffset CreatedAt { get; set; }

    [JsonPropertyName("updated_at")]
    public DateTimeOffset UpdatedAt { get; set; }

    [JsonPropertyName("error_message")]
    public string ErrorMessage { get; set; } = null!;
}

/// <summary>DefaultAvatarVoice.</summary>
public sealed class Voice
{
    [JsonPropertyName("id")]
    public string Id { get; set; } = null!;

    [JsonPropertyName("name")]
    public string Name { get; set; } = null!;
}

/// <summary>System.Text.Json's source generator over the hand-written types.</summary>
[JsonSerializable(typeof(CreditsEnvelope))]
[JsonSerializable(typeof(AvatarPageEnvelope))]
public sealed partial class HandWrittenJsonContext : JsonSerializerContext
{
}
