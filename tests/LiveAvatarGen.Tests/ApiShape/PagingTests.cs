// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using LiveAvatarGen.Runtime.Errors;
using LiveAvatarGen.Tests.Harness;
using Microsoft.AspNetCore.Http;
using Paging.Api;
using Xunit;

namespace LiveAvatarGen.Tests.ApiShape;

/// <summary>
/// Auto-paging (issue 11, item 3): every detected pattern walks its pages lazily against loopback Kestrel, stops
/// where the answer says, survives an empty first page, and a failing third page surfaces as the usual ApiException
/// after the first two pages' items.
/// </summary>
public sealed class PagingTests
{
    private static PagingClient Client(HttpClient http, LoopbackServer server) => new(http, new PagingClientOptions { BaseAddress = server.BaseAddress });

    private static string Items(IEnumerable<int> ids) => "[" + string.Join(",", ids.Select(i => "{\"id\":\"i" + i + "\"}")) + "]";

    private static async Task<List<string>> All(IAsyncEnumerable<Item> items)
    {
        List<string> ids = new();
        await foreach (Item item in items)
        {
            ids.Add(item.Id);
        }

        return ids;
    }

    private static Func<HttpContext, Task> Answer(Func<HttpRequest, string?> body) => async context =>
    {
        string? json = body(context.Request);
        if (json is null)
        {
            context.Response.StatusCode = 500;
            await context.Response.WriteAsync("{\"error\":\"boom\"}");
            return;
        }

        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(json);
    };

    private static int Query(HttpRequest request, string name, int fallback) => request.Query.TryGetValue(name, out var value) ? int.Parse(value!, System.Globalization.CultureInfo.InvariantCulture) : fallback;

    [Fact]
    public async Task PageNumbersAdvanceUntilTheTotalIsReached()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(Answer(r =>
        {
            int page = Query(r, "page", 0);
            return "{\"count\":5,\"next\":" + (page < 3 ? "\"/pages?page=" + (page + 1) + "\"" : "null") + ",\"results\":" + Items(Enumerable.Range(page * 10, page < 3 ? 2 : 1)) + "}";
        }));
        using HttpClient http = new();

        List<string> ids = await All(Client(http, server).ListPagesAllAsync(pageSize: 2));

        Assert.Equal(new[] { "i10", "i11", "i20", "i21", "i30" }, ids);
        Assert.Equal(new[] { "/pages?page=1&page_size=2", "/pages?page=2&page_size=2", "/pages?page=3&page_size=2" }, server.Requests.Select(r => r.PathAndQuery));
    }

    [Fact]
    public async Task AnEmptyFirstPageEndsAtOnce()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(Answer(_ => "{\"count\":0,\"next\":null,\"results\":[]}"));
        using HttpClient http = new();

        Assert.Empty(await All(Client(http, server).ListPagesAllAsync()));
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task AFailingThirdPageIsTheUsualApiExceptionAfterTheFirstTwoPages()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(Answer(r =>
        {
            int page = Query(r, "page", 0);
            return page >= 3 ? null : "{\"count\":99,\"next\":\"more\",\"results\":" + Items(new[] { page }) + "}";
        }));
        using HttpClient http = new();
        List<string> ids = new();

        ApiException error = await Assert.ThrowsAsync<ApiException>(async () =>
        {
            await foreach (Item item in Client(http, server).ListPagesAllAsync())
            {
                ids.Add(item.Id);
            }
        });

        Assert.Equal(500, error.StatusCode);
        Assert.Equal(new[] { "i1", "i2" }, ids);
    }

    [Fact]
    public async Task PagesAreFetchedOnlyAsItemsAreConsumedAndCancellationStops()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(Answer(r => "{\"count\":1000,\"next\":\"more\",\"results\":" + Items(new[] { Query(r, "page", 0) }) + "}"));
        using HttpClient http = new();
        using CancellationTokenSource cancel = new();
        int seen = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (Item item in Client(http, server).ListPagesAllAsync(cancellationToken: cancel.Token))
            {
                if (++seen == 2)
                {
                    cancel.Cancel();
                }
            }
        });

        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task ATokenGivenToTheEnumeratorCancelsLikeTheMethodsOwn()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(Answer(r => "{\"data\":" + Items(new[] { Query(r, "n", 0) }) + ",\"has_more\":true}"));
        using HttpClient http = new();
        using CancellationTokenSource cancel = new();
        int seen = 0;

        // WithCancellation reaches the runtime's pager through [EnumeratorCancellation]; the page in flight and the
        // items after it see the same token.
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (Item item in Client(http, server).ListChargesAllAsync().WithCancellation(cancel.Token))
            {
                if (++seen == 3)
                {
                    cancel.Cancel();
                }
            }
        });

        Assert.Equal(3, seen);
        Assert.Equal(3, server.Requests.Count);
    }

    [Fact]
    public async Task OffsetsAdvanceByTheItemsReceivedAndAShortPageEnds()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(Answer(r =>
        {
            int offset = Query(r, "offset", 0);
            return "{\"items\":" + Items(Enumerable.Range(offset, offset == 0 ? 2 : 1)) + "}";
        }));
        using HttpClient http = new();

        List<string> ids = await All(Client(http, server).ListOffsetsAllAsync(limit: 2));

        Assert.Equal(new[] { "i0", "i1", "i2" }, ids);
        Assert.Equal(new[] { "/offsets?offset=0&limit=2", "/offsets?offset=2&limit=2" }, server.Requests.Select(r => r.PathAndQuery));
    }

    [Fact]
    public async Task EnumeratingTheSameResultTwiceStartsFromTheFirstPageEachTime()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(Answer(r =>
        {
            int offset = Query(r, "offset", 0);
            return "{\"items\":" + Items(Enumerable.Range(offset, offset == 0 ? 2 : 1)) + "}";
        }));
        using HttpClient http = new();
        IAsyncEnumerable<Item> items = Client(http, server).ListOffsetsAllAsync(limit: 2);

        Assert.Equal(new[] { "i0", "i1", "i2" }, await All(items));
        Assert.Equal(new[] { "i0", "i1", "i2" }, await All(items));
        Assert.Equal(4, server.Requests.Count);
    }

    [Fact]
    public async Task StripeCursorsAreTheLastItemsIdWhileHasMore()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(Answer(r => r.Query["starting_after"].ToString() switch
        {
            "" => "{\"data\":" + Items(new[] { 1, 2 }) + ",\"has_more\":true}",
            "i2" => "{\"data\":" + Items(new[] { 3 }) + ",\"has_more\":false}",
            _ => null,
        }));
        using HttpClient http = new();

        Assert.Equal(new[] { "i1", "i2", "i3" }, await All(Client(http, server).ListChargesAllAsync(limit: 2)));
        Assert.Equal(new[] { "/charges?limit=2", "/charges?starting_after=i2&limit=2" }, server.Requests.Select(r => r.PathAndQuery));
    }

    [Fact]
    public async Task ALastItemWithAnEmptyIdEndsRatherThanStartingOver()
    {
        // Without an id there is no cursor: asking again without one would fetch the first page forever.
        await using LoopbackServer server = await LoopbackServer.StartAsync(Answer(_ => "{\"data\":[{\"id\":\"i1\"},{\"id\":\"\"}],\"has_more\":true}"));
        using HttpClient http = new();

        Assert.Equal(new[] { "i1", string.Empty }, await All(Client(http, server).ListChargesAllAsync()));
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task NextCursorsComeFromTheAnswerUntilEmpty()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(Answer(r => r.Query["cursor"].ToString() switch
        {
            "" => "{\"members\":" + Items(new[] { 1 }) + ",\"next_cursor\":\"c2\"}",
            "c2" => "{\"members\":" + Items(new[] { 2 }) + ",\"next_cursor\":\"\"}",
            _ => null,
        }));
        using HttpClient http = new();

        Assert.Equal(new[] { "i1", "i2" }, await All(Client(http, server).ListMembersAllAsync()));
    }

    [Fact]
    public async Task NextLinksAreFollowedAsGivenOnTheSameOriginOnly()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(Answer(r => r.Query["token"].ToString() switch
        {
            "" => "{\"values\":" + Items(new[] { 1 }) + ",\"next\":\"/links?token=t2&filter=a%20b\"}",
            "t2" => "{\"values\":" + Items(new[] { 2 }) + ",\"next\":\"" + "http://" + r.Host + "/links?token=t3\"}",
            "t3" => "{\"values\":" + Items(new[] { 3 }) + ",\"next\":\"https://elsewhere.example.test/links?token=t4\"}",
            _ => null,
        }));
        using HttpClient http = new();
        List<string> ids = new();

        ApiResponseFormatException refused = await Assert.ThrowsAsync<ApiResponseFormatException>(async () =>
        {
            await foreach (Item item in Client(http, server).ListLinksAllAsync(filter: "a b"))
            {
                ids.Add(item.Id);
            }
        });

        Assert.Equal(new[] { "i1", "i2", "i3" }, ids);
        Assert.Contains("another origin", refused.Message, StringComparison.Ordinal);
        Assert.Equal(new[] { "/links?filter=a%20b", "/links?token=t2&filter=a%20b", "/links?token=t3" }, server.Requests.Select(r => r.PathAndQuery));
    }

    [Fact]
    public async Task TheExtensionNamesWhatDetectionCannot()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(Answer(r =>
        {
            int page = Query(r, "p", 0);
            return "{\"rows\":" + Items(page < 3 ? new[] { page } : Array.Empty<int>()) + ",\"other\":[\"x\"]}";
        }));
        using HttpClient http = new();

        Assert.Equal(new[] { "i1", "i2" }, await All(Client(http, server).ListRowsAllAsync()));
    }
}
