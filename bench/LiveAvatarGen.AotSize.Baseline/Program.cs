// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

#if AOT_SIZE_HTTP
using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using LiveAvatarGen.AotSize;

// GET /v1/balance by hand: what an app pays for HttpClient and System.Text.Json's reader without a generated client.
await using LoopbackStandIn standIn = LoopbackStandIn.Start();
using HttpClient http = new() { BaseAddress = standIn.BaseAddress };
using HttpRequestMessage request = new(HttpMethod.Get, "v1/balance");
request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "sk_test_aot");
using HttpResponseMessage response = await http.SendAsync(request);
response.EnsureSuccessStatusCode();
byte[] body = await response.Content.ReadAsByteArrayAsync();
Utf8JsonReader reader = new(body);
bool livemode = false;
while (reader.Read())
{
    if (reader.CurrentDepth == 1 && reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals("livemode"u8))
    {
        reader.Read();
        livemode = reader.GetBoolean();
    }
}

Console.WriteLine($"GET /v1/balance by hand: livemode {livemode}");
#else
System.Console.WriteLine("Hello, NativeAOT");
#endif
