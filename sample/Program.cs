// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.Collections.Generic;
using System.Globalization;
using LiveAvatar.Api;
using LiveAvatar.Sample;
using LiveAvatarGen.Runtime.Errors;
using LiveAvatarGen.Runtime.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

// The client below is generated at build time from ../openapi.json; no code here was written for the endpoint.
string? apiKey = Environment.GetEnvironmentVariable("LIVEAVATAR_API_KEY");
string? baseUrl = Environment.GetEnvironmentVariable("LIVEAVATAR_BASE_URL");
StandInServer? standIn = null;
if (string.IsNullOrEmpty(apiKey))
{
    standIn = await StandInServer.StartAsync();
    apiKey = StandInServer.ApiKey;
    baseUrl = standIn.BaseAddress.ToString();
    Console.WriteLine($"LIVEAVATAR_API_KEY is not set: calling a local stand-in server at {baseUrl}");
}

try
{
    // The client comes from dependency injection through IHttpClientFactory, its options from configuration
    // (here in memory; appsettings.json or environment variables work the same), all of it NativeAOT-safe.
    IConfiguration configuration = new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["LiveAvatar:APIKeyHeader"] = apiKey,
            ["LiveAvatar:BaseAddress"] = baseUrl,
            ["LiveAvatar:Timeout"] = "00:00:30",
        })
        .Build();
    ServiceCollection services = new();
    services.AddLiveAvatarClient(configuration.GetSection("LiveAvatar"));
    await using ServiceProvider provider = services.BuildServiceProvider();
    ILiveAvatarClient client = provider.GetRequiredService<ILiveAvatarClient>();

    ApiEnvelope<UserCreditsSchema> response = await client.Users.GetUserCreditsAsync();
    UserCreditsSchema credits = response.GetDataOrThrow();
    string asDecimal = credits.CreditsLeft.TryGetDecimal(out decimal value) ? value.ToString(CultureInfo.InvariantCulture) : "(beyond decimal)";
    Console.WriteLine($"Credit balance: {credits.CreditsLeft} (decimal {asDecimal}; envelope code {response.Code}, message \"{response.Message}\")");

    // Operations are grouped by the spec's tags (client.Users, client.Avatar, ...). Auto-paging: the avatars arrive
    // one by one, the next page fetched only when the previous one is consumed.
    int count = 0;
    await foreach (AvatarSchema avatar in client.Avatar.ListUserAvatarsAllAsync(pageSize: 2))
    {
        count++;
        Console.WriteLine($"Avatar {count}: {avatar.Name}");
    }

    if (standIn is not null)
    {
        // A PATCH sends only what is set, and null clears a field: here the name stays, the default voice is cleared.
        // (Against the real API this would change an avatar, so the sample does it against the stand-in only.)
        ApiResponse<ApiEnvelope<AvatarSchema>> patched = await client.Avatar.UpdateAvatarWithResponseAsync(
            "00000000-0000-0000-0000-000000000003",
            new UpdateAvatarSchema { DefaultVoiceId = null });
        Console.WriteLine($"PATCH sent {patched.Headers.GetValue("X-Received-Body")}: HTTP {patched.StatusCode}, avatar \"{patched.Value.GetDataOrThrow().Name}\"");
    }

    return 0;
}
catch (ApiException ex)
{
    Console.Error.WriteLine($"The API refused the call: HTTP {ex.StatusCode}: {ex.ResponseBody}");
    return 1;
}
catch (ApiValidationException ex)
{
    Console.Error.WriteLine($"The API answered with an invalid value: {ex.Message}");
    return 1;
}
finally
{
    if (standIn is not null)
    {
        await standIn.DisposeAsync();
    }
}
