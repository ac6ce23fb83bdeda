// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LiveAvatar.Sample;

/// <summary>
/// A local stand-in for api.liveavatar.com on loopback, answering the credits operation as the spec describes,
/// so the sample runs with no API key and no network.
/// </summary>
internal sealed class StandInServer : IAsyncDisposable
{
    /// <summary>The key the stand-in accepts.</summary>
    public const string ApiKey = "stand-in-key";

    private readonly WebApplication _app;

    private StandInServer(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public static async Task<StandInServer> StartAsync()
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        WebApplication app = builder.Build();
        app.MapGet("/v1/users/credits", (HttpContext context) =>
        {
            if (context.Request.Headers["X-API-KEY"] != ApiKey)
            {
                return Results.Text("{\"detail\":\"Invalid API key\"}", "application/json", statusCode: StatusCodes.Status401Unauthorized);
            }

            // The 200 envelope of the spec: {code, data: UserCreditsSchema, message}.
            return Results.Text("{\"code\":100,\"data\":{\"credits_left\":\"1250.75\"},\"message\":\"Success\"}", "application/json");
        });
        await app.StartAsync().ConfigureAwait(false);
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new StandInServer(app, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
