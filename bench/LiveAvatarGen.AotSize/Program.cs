// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.Net.Http;
using System.Threading.Tasks;
using LiveAvatarGen.AotSize;
using LiveAvatarGen.Runtime.Http;
using Stripe.Api;
#if AOT_SIZE_DI
using Microsoft.Extensions.DependencyInjection;
#endif

// Calls exactly one of Stripe's 468 operations, GET /v1/balance, against a loopback stand-in (no network here), so
// the NativeAOT binary holds what that one call needs and whatever else the generated client roots.
await using LoopbackStandIn standIn = LoopbackStandIn.Start();
Uri baseAddress = standIn.BaseAddress;

#if AOT_SIZE_DI
ServiceCollection services = new();
services.AddStripeClient(configure: options =>
{
    options.BaseAddress = baseAddress;
    options.BearerAuth = "sk_test_aot";
});
await using ServiceProvider provider = services.BuildServiceProvider();
IStripeClient client = provider.GetRequiredService<IStripeClient>();
#else
using HttpClient http = ApiHttp.CreateClient();
StripeClient client = new(http, new StripeClientOptions { BaseAddress = baseAddress, BearerAuth = "sk_test_aot" });
#endif

Balance balance = await client.GetBalanceAsync();
Console.WriteLine($"GET /v1/balance: livemode {balance.Livemode}, {balance.Available.Count} available, {balance.Pending.Count} pending");
return 0;
