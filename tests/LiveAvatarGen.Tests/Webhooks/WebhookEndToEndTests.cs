// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using HeaderHooks.Api;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Webhooks.Api;
using Xunit;

namespace LiveAvatarGen.Tests.Webhooks;

/// <summary>
/// A real Kestrel app on loopback maps the generated <c>Map...Webhooks</c> endpoint (emitted because this project
/// references ASP.NET Core); webhooks are POSTed to it and the typed handlers see the payloads.
/// </summary>
public sealed class WebhookEndToEndTests
{
    private static readonly HttpClient Http = new();

    /// <summary>Starts a slim web app on 127.0.0.1 with a port the OS picks; <paramref name="map"/> adds the endpoints.</summary>
    private static async Task<(WebApplication App, Uri BaseAddress)> StartAsync(Action<IEndpointRouteBuilder> map)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        WebApplication app = builder.Build();
        map(app);
        await app.StartAsync();
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return (app, new Uri(address));
    }

    private static Task<HttpResponseMessage> PostAsync(Uri address, string json, string? eventHeader = null)
    {
        HttpRequestMessage request = new(HttpMethod.Post, address) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (eventHeader is not null)
        {
            request.Headers.Add("X-Hook-Event", eventHeader);
        }

        return Http.SendAsync(request);
    }

    [Fact]
    public async Task EventsNamedInTheRouteReachTheirTypedHandlers()
    {
        ConcurrentQueue<string> seen = new();
        PetHooksWebhookHandlers handlers = new()
        {
            PetCreated = (pet, _) =>
            {
                seen.Enqueue("created " + pet.Id + " " + pet.Name);
                return Task.CompletedTask;
            },
            PetDeleted = (deleted, _) =>
            {
                seen.Enqueue("deleted " + deleted.Id + " " + deleted.Reason);
                return Task.CompletedTask;
            },
            Ping = _ =>
            {
                seen.Enqueue("ping");
                return Task.CompletedTask;
            },
        };
        (WebApplication app, Uri baseAddress) = await StartAsync(endpoints => endpoints.MapPetHooksWebhooks("/hooks/{event}", handlers));
        await using (app)
        {
            HttpResponseMessage created = await PostAsync(new Uri(baseAddress, "/hooks/pet.created"), """{"id":7,"name":"Rex"}""");
            HttpResponseMessage deleted = await PostAsync(new Uri(baseAddress, "/hooks/pet.deleted"), """{"id":7,"reason":"adopted"}""");
            HttpResponseMessage ping = await Http.PostAsync(new Uri(baseAddress, "/hooks/ping"), content: null);

            Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK), (created.StatusCode, deleted.StatusCode, ping.StatusCode));
            Assert.Equal(new[] { "created 7 Rex", "deleted 7 adopted", "ping" }, seen);
        }
    }

    [Fact]
    public async Task UnknownEventsMalformedBodiesAndOtherMethodsAreAnsweredNotCrashedOn()
    {
        int calls = 0;
        PetHooksWebhookHandlers handlers = new()
        {
            PetCreated = (_, _) =>
            {
                calls++;
                return Task.CompletedTask;
            },
        };
        (WebApplication app, Uri baseAddress) = await StartAsync(endpoints => endpoints.MapPetHooksWebhooks("/hooks/{event}", handlers));
        await using (app)
        {
            HttpResponseMessage unknown = await PostAsync(new Uri(baseAddress, "/hooks/pet.renamed"), "{}");
            HttpResponseMessage malformed = await PostAsync(new Uri(baseAddress, "/hooks/pet.created"), """{"id":"seven","name":"Rex"}""");
            HttpResponseMessage truncated = await PostAsync(new Uri(baseAddress, "/hooks/pet.created"), """{"id":7,""");
            HttpResponseMessage noHandler = await PostAsync(new Uri(baseAddress, "/hooks/pet.deleted"), """{"id":7}""");
            HttpResponseMessage get = await Http.GetAsync(new Uri(baseAddress, "/hooks/pet.created"));

            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
            Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
            Assert.Contains("$.id", await malformed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.BadRequest, truncated.StatusCode);
            Assert.Equal(HttpStatusCode.OK, noHandler.StatusCode);
            Assert.Equal(HttpStatusCode.MethodNotAllowed, get.StatusCode);
            Assert.Equal(0, calls);
        }
    }

    [Fact]
    public async Task AHandlersOwnFailureIsTheAppsNotA400()
    {
        PetHooksWebhookHandlers handlers = new() { PetCreated = (_, _) => throw new InvalidOperationException("database down") };
        (WebApplication app, Uri baseAddress) = await StartAsync(endpoints => endpoints.MapPetHooksWebhooks("/hooks/{event}", handlers));
        await using (app)
        {
            HttpResponseMessage response = await PostAsync(new Uri(baseAddress, "/hooks/pet.created"), """{"id":7,"name":"Rex"}""");

            Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        }
    }

    [Fact]
    public void WebhooksToldApartByNameNeedTheEventInThePattern()
    {
        WebApplication app = WebApplication.CreateSlimBuilder().Build();

        ArgumentException error = Assert.Throws<ArgumentException>(() => app.MapPetHooksWebhooks("/hooks", new PetHooksWebhookHandlers()));

        Assert.Equal("pattern", error.ParamName);
    }

    [Fact]
    public async Task EventsNamedByTheSpecsHeaderShareOneUrl()
    {
        ConcurrentQueue<string> seen = new();
        RepoHooksWebhookHandlers handlers = new()
        {
            IssueOpened = (issue, _) =>
            {
                seen.Enqueue("issue " + issue.Number + " " + issue.Title + " " + string.Join("+", issue.Labels ?? Array.Empty<string>()));
                return Task.CompletedTask;
            },
            Pushed = (push, _) =>
            {
                seen.Enqueue("push " + (push?.Ref ?? "(no body)"));
                return Task.CompletedTask;
            },
        };
        (WebApplication app, Uri baseAddress) = await StartAsync(endpoints => endpoints.MapRepoHooksWebhooks("/github", handlers));
        await using (app)
        {
            Uri url = new(baseAddress, "/github");
            HttpResponseMessage issue = await PostAsync(url, """{"number":12,"title":"Crash","labels":["bug","p1"]}""", "issues.opened");
            HttpResponseMessage push = await PostAsync(url, """{"ref":"refs/heads/main"}""", RepoHooksWebhooks.Events.Pushed);
            HttpResponseMessage emptyPush = await Http.SendAsync(new HttpRequestMessage(HttpMethod.Post, url) { Headers = { { "X-Hook-Event", "push" } } });
            HttpResponseMessage noHeader = await PostAsync(url, "{}");
            HttpResponseMessage otherEvent = await PostAsync(url, "{}", "issues.closed");

            Assert.Equal("X-Hook-Event", RepoHooksWebhooks.EventHeader);
            Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK), (issue.StatusCode, push.StatusCode, emptyPush.StatusCode));
            Assert.Equal(HttpStatusCode.BadRequest, noHeader.StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, otherEvent.StatusCode);
            Assert.Equal(new[] { "issue 12 Crash bug+p1", "push refs/heads/main", "push (no body)" }, seen);
        }
    }
}
