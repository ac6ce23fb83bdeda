// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using BenchmarkDotNet.Attributes;
using LiveAvatar.Api;
using LiveAvatarGen.Runtime.Http;

namespace LiveAvatarGen.Benchmarks;

/// <summary>Options for reflection-based System.Text.Json, built once as an application would.</summary>
internal static class ReflectionJson
{
    public static JsonSerializerOptions Options { get; } = new() { TypeInfoResolver = new DefaultJsonTypeInfoResolver() };
}

/// <summary>
/// Parsing the credits envelope from UTF-8 bytes. The generated side goes through <see cref="ApiResponseData.ReadJson{T}"/>,
/// exactly as the client does (depth limit, trailing-content check), and validates <c>credits_left</c> against its pattern.
/// </summary>
[MemoryDiagnoser]
public class CreditsParseBenchmarks
{
    private readonly byte[] _body = Payloads.Credits;

    [Benchmark(Baseline = true, Description = "STJ source-gen")]
    public CreditsEnvelope? SourceGenerated() => JsonSerializer.Deserialize(_body, HandWrittenJsonContext.Default.CreditsEnvelope);

    [Benchmark(Description = "STJ reflection")]
    public CreditsEnvelope? Reflection() => JsonSerializer.Deserialize<CreditsEnvelope>(_body, ReflectionJson.Options);

    [Benchmark(Description = "LiveAvatarGen")]
    public ApiEnvelope<UserCreditsSchema> Generated() => new ApiResponseData(200, _body, "application/json", null)
        .ReadJson(static (ref Utf8JsonReader reader) => ApiEnvelope<UserCreditsSchema>.ReadJson(ref reader, UserCreditsSchema.ReadJson));
}

/// <summary>Parsing <c>GET /v1/avatars</c>: <see cref="Payloads.AvatarCount"/> avatars in the paginated envelope.</summary>
[MemoryDiagnoser]
public class AvatarListParseBenchmarks
{
    private readonly byte[] _body = Payloads.AvatarList;

    [Benchmark(Baseline = true, Description = "STJ source-gen")]
    public AvatarPageEnvelope? SourceGenerated() => JsonSerializer.Deserialize(_body, HandWrittenJsonContext.Default.AvatarPageEnvelope);

    [Benchmark(Description = "STJ reflection")]
    public AvatarPageEnvelope? Reflection() => JsonSerializer.Deserialize<AvatarPageEnvelope>(_body, ReflectionJson.Options);

    [Benchmark(Description = "LiveAvatarGen")]
    public ApiEnvelope<PaginatedResponse<AvatarSchema>> Generated() => new ApiResponseData(200, _body, "application/json", null)
        .ReadJson(static (ref Utf8JsonReader reader) => ApiEnvelope<PaginatedResponse<AvatarSchema>>.ReadJson(ref reader, static (ref Utf8JsonReader r) => PaginatedResponse<AvatarSchema>.ReadJson(ref r, AvatarSchema.ReadJson)));
}
