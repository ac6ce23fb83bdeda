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
/// A local stand-in for api.liveavatar.com on loopback, answering the operations the sample calls (credits, the
/// paged avatar list, an avatar PATCH) as the spec describes, so the sample runs with no API key and no network.
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

        // The avatars, five of them, two to a page: GET pages them as the spec's PaginatedResponse does.
        app.MapGet("/v1/avatars", (HttpContext context) =>
        {
            int page = int.TryParse(context.Request.Query["page"], out int p) ? p : 1;
            int size = int.TryParse(context.Request.Query["page_size"], out int s) ? s : 20;
            string[] avatars = Enumerable.Range(1, 5).Skip((page - 1) * size).Take(size).Select(Avatar).ToArray();
            string next = page * size < 5 ? "\"/v1/avatars?page=" + (page + 1) + "&page_size=" + size + "\"" : "null";
            return Results.Text("{\"code\":100,\"data\":{\"count\":5,\"next\":" + next + ",\"previous\":null,\"results\":[" + string.Join(",", avatars) + "]},\"message\":\"Success\"}", "application/json");
        });

        // PATCH answers with the avatar as updated, and shows what it received: only the members the caller set.
        app.MapPatch("/v1/avatars/{avatar_id}", async (HttpContext context, string avatar_id) =>
        {
            string body = await new System.IO.StreamReader(context.Request.Body).ReadToEndAsync().ConfigureAwait(false);
            context.Response.Headers["X-Received-Body"] = body;
            return Results.Text("{\"code\":100,\"data\":" + Avatar(3) + ",\"message\":\"Success\"}", "application/json");
        });
        await app.StartAsync().ConfigureAwait(false);
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new StandInServer(app, new Uri(address));
    }

    private static string Avatar(int n) =>
        "{\"id\":\"00000000-0000-0000-0000-00000000000" + n + "\",\"name\":\"Avatar " + n + "\",\"default_voice\":null,\"created_at\":\"2026-01-01T00:00:00Z\",\"updated_at\":\"2026-01-01T00:00:00Z\",\"error_message\":\"\"}";

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
