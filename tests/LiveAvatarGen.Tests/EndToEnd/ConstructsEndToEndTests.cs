// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Constructs.Api;
using LiveAvatarGen.Runtime.Errors;
using LiveAvatarGen.Runtime.Http;
using LiveAvatarGen.Tests.Harness;
using Microsoft.AspNetCore.Http;
using Xunit;

namespace LiveAvatarGen.Tests.EndToEnd;

/// <summary>The client generated from Specs/constructs.openapi.yaml: one test per construct, against loopback Kestrel.</summary>
public sealed class ConstructsEndToEndTests
{
    private const string PetJson = "{\"id\":7,\"name\":\"Rex\",\"kind\":\"dog\",\"tags\":[\"a\"],\"attributes\":{\"legs\":4},\"born\":\"2020-02-29\",\"weight\":12.5,\"created\":\"2026-01-01T00:00:00+00:00\",\"nickname\":null,\"status\":2}";

    private static ConstructsClient Client(HttpClient http, LoopbackServer server, Action<ConstructsClientOptions>? configure = null)
    {
        ConstructsClientOptions options = new() { BaseAddress = server.BaseAddress };
        configure?.Invoke(options);
        return new ConstructsClient(http, options);
    }

    [Fact]
    public async Task ApiKeyInQueryAndModelRoundTrip()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(LoopbackServer.Json(PetJson));
        using HttpClient http = new();

        Pet pet = await Client(http, server, o => o.QueryKey = "k 1").GetPetAsync(7);

        Assert.Equal("/pets/7?api_key=k%201", Assert.Single(server.Requests).PathAndQuery);
        Assert.Equal("Rex", pet.Name);
        Assert.Equal(PetKind.Dog, pet.Kind);
        Assert.Equal(new DateOnly(2020, 2, 29), pet.Born);
        Assert.Equal(12.5m, pet.Weight);
        Assert.Equal(4, pet.Attributes!["legs"]);
        Assert.Null(pet.Nickname);
        Assert.Equal(PetStatus.Value2, pet.Status);
    }

    [Fact]
    public async Task IntegerEnumsAreOpen()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(LoopbackServer.Json(PetJson.Replace("\"status\":2", "\"status\":99", StringComparison.Ordinal)));
        using HttpClient http = new();

        Pet pet = await Client(http, server).GetPetAsync(1);

        Assert.Equal(99, pet.Status!.Value.Value);
        Assert.False(pet.Status.Value.IsKnown);
        Assert.Contains("\"status\":99", JsonSerializer.Serialize(pet), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(404, "Problem", "missing")]
    [InlineData(409, "Problem", "range")]
    [InlineData(503, "Problem", "default")]
    public async Task ErrorsMatchExactCodeThenRangeThenDefault(int status, string type, string title)
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(LoopbackServer.Json("{\"title\":\"" + title + "\",\"status\":" + status + "}", status));
        using HttpClient http = new();

        ApiException<Problem> ex = await Assert.ThrowsAsync<ApiException<Problem>>(() => Client(http, server).GetPetAsync(1));

        Assert.Equal(status, ex.StatusCode);
        Assert.Equal(title, ex.Error.Title);
        Assert.Equal(type, ex.Error.GetType().Name);
    }

    [Theory]
    [InlineData(200, true)]
    [InlineData(201, true)]
    [InlineData(202, false)]
    public async Task SeveralSuccessCodes(int status, bool hasBody)
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(async context =>
        {
            context.Response.StatusCode = status;
            if (hasBody)
            {
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync(PetJson);
            }
        });
        using HttpClient http = new();
        Pet input = new() { Id = 7, Name = "Rex", Kind = PetKind.Dog, Secret = "s3cret" };

        Pet? result = await Client(http, server, o => o.Basic = "user:pw").CreatePetAsync(input);

        Assert.Equal(hasBody, result is not null);
        RecordedRequest request = Assert.Single(server.Requests);
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("user:pw")), request.Headers["Authorization"]);
        Assert.Contains("\"secret\":\"s3cret\"", request.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DiscriminatedUnionPicksTheVariantTheTagNames()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(LoopbackServer.Json("{\"animal_type\":\"dog\",\"name\":\"Rex\",\"barks\":3}"));
        using HttpClient http = new();
        Cat cat = new() { AnimalType = "cat", Meows = true };

        AnyAnimal animal = await Client(http, server).EchoAnimalAsync(cat);

        Assert.Equal("{\"animal_type\":\"cat\",\"meows\":true}", Assert.Single(server.Requests).Body);
        Assert.Equal("dog", animal.Discriminator);
        Assert.Null(animal.AsCat());
        Assert.Equal(3, animal.AsDog()!.Barks);
    }

    [Fact]
    public async Task ParameterStyles()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(context =>
        {
            context.Response.StatusCode = 204;
            return Task.CompletedTask;
        });
        using HttpClient http = new();

        await Client(http, server, o => o.CookieKey = "c").StylesAsync(
            label: new[] { "a", "b/c" },
            matrix: "m",
            filter: new StylesFilter { Color = "red", Size = 2 },
            pipes: new long[] { 1, 2 },
            spaces: new[] { "x", "y" },
            ids: new long[] { 3, 4 },
            csv: new[] { "p", "q" },
            xIds: new long[] { 5, 6 },
            expand: new[] { "customer", "invoice" },
            lines: new[] { new StylesLinesItem { Price = "p1", Quantity = 1 }, new StylesLinesItem { Price = "p2" } });

        RecordedRequest request = Assert.Single(server.Requests);
        Assert.Equal(
            "/styles/.a.b%2Fc/;matrix=m?filter%5Bcolor%5D=red&filter%5Bsize%5D=2&pipes=1%7C2&spaces=x%20y&ids=3&ids=4&csv=p%2Cq"
                + "&expand%5B0%5D=customer&expand%5B1%5D=invoice" // deepObject arrays: each item under its index
                + "&lines%5B0%5D%5Bprice%5D=p1&lines%5B0%5D%5Bquantity%5D=1&lines%5B1%5D%5Bprice%5D=p2", // objects item by item
            request.PathAndQuery);
        Assert.Equal("5,6", request.Headers["X-Ids"]);
        Assert.Equal("session_key=c", request.Headers["Cookie"]);
    }

    [Fact]
    public async Task FormBodyAndTextResponse()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(async context =>
        {
            context.Response.ContentType = "text/plain";
            await context.Response.WriteAsync("welcome");
        });
        using HttpClient http = new();

        string text = await Client(http, server).SubmitFormAsync("ann", age: 30, scopes: new[] { "read", "write" });

        RecordedRequest request = Assert.Single(server.Requests);
        Assert.StartsWith("application/x-www-form-urlencoded", request.Headers["Content-Type"], StringComparison.Ordinal);
        Assert.Equal("username=ann&age=30&scopes=read&scopes=write", request.Body);
        Assert.Equal("welcome", text);
    }

    [Fact]
    public async Task FormBodyLeavesOutTheOptionalFieldsNotSet()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(async context =>
        {
            context.Response.ContentType = "text/plain";
            await context.Response.WriteAsync("welcome");
        });
        using HttpClient http = new();

        await Client(http, server).SubmitFormAsync("ann");

        Assert.Equal("username=ann", Assert.Single(server.Requests).Body);
    }

    [Fact]
    public async Task MultipartLeavesOutTheOptionalTextPartsNotSet()
    {
        string? keys = null;
        await using LoopbackServer server = await LoopbackServer.StartAsync(async context =>
        {
            IFormCollection form = await context.Request.ReadFormAsync();
            keys = string.Join(",", form.Keys.Concat(form.Files.Select(f => f.Name)).Order(StringComparer.Ordinal));
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("{\"size\":1}");
        });
        using HttpClient http = new();
        using MemoryStream content = new(Encoding.UTF8.GetBytes("x"));

        await Client(http, server).UploadAsync(new ApiFile(content, "a.txt", "text/plain"));

        Assert.Equal("file", keys);
    }

    [Fact]
    public async Task MultipartWithFile()
    {
        string? received = null;
        await using LoopbackServer server = await LoopbackServer.StartAsync(async context =>
        {
            IFormCollection form = await context.Request.ReadFormAsync();
            IFormFile file = form.Files["file"]!;
            using StreamReader reader = new(file.OpenReadStream());
            received = file.FileName + ":" + await reader.ReadToEndAsync() + ":" + form["description"] + ":" + form["meta"];
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("{\"size\":" + file.Length + "}");
        });
        using HttpClient http = new();
        using MemoryStream content = new(Encoding.UTF8.GetBytes("hello file"));

        UploadResponse result = await Client(http, server).UploadAsync(new ApiFile(content, "a.txt", "text/plain"), description: "desc", meta: new Event { Seq = 1 });

        Assert.Equal("a.txt:hello file:desc:{\"seq\":1}", received);
        Assert.Equal(10, result.Size);
    }

    [Theory]
    [InlineData("a.txt", "a.txt", "form-data; name=\"file\"; filename=\"a.txt\"")]
    [InlineData("say \"hi\".txt", "say %22hi%22.txt", "form-data; name=\"file\"; filename=\"say %22hi%22.txt\"")]
    [InlineData("größe.txt", "größe.txt", null)]
    public async Task MultipartPartsHaveQuotedDispositionsAndFileNamesSurvive(string fileName, string expectedFileName, string? expectedDisposition)
    {
        // Browsers and curl quote name and filename; naive multipart parsers (Prism's) fail on .NET's unquoted form.
        string? disposition = null;
        string? received = null;
        await using LoopbackServer server = await LoopbackServer.StartAsync(async context =>
        {
            using StreamReader raw = new(context.Request.Body);
            string body = await raw.ReadToEndAsync();
            disposition = body.Split("\r\n").First(l => l.StartsWith("Content-Disposition: form-data; name=\"file\"", StringComparison.Ordinal)).Substring("Content-Disposition: ".Length);
            context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(body));
            IFormCollection form = await context.Request.ReadFormAsync();
            received = form.Files["file"]!.FileName;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("{\"size\":1}");
        });
        using HttpClient http = new();
        using MemoryStream content = new(Encoding.UTF8.GetBytes("x"));

        await Client(http, server).UploadAsync(new ApiFile(content, fileName, "text/plain"), description: "d");

        Assert.Equal(expectedFileName, received);
        Assert.StartsWith("form-data; name=\"file\"; filename=", disposition, StringComparison.Ordinal);
        if (expectedDisposition is not null)
        {
            Assert.Equal(expectedDisposition, disposition);
        }
    }

    [Fact]
    public async Task OctetStreamBodyAndBinaryResponse()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(async context =>
        {
            context.Response.ContentType = "application/octet-stream";
            await context.Request.Body.CopyToAsync(context.Response.Body);
        });
        using HttpClient http = new();
        byte[] bytes = { 0, 1, 2, 255 };

        using Stream result = await Client(http, server).PutBlobAsync(new MemoryStream(bytes));
        using MemoryStream copy = new();
        await result.CopyToAsync(copy);

        Assert.Equal(bytes, copy.ToArray());
        Assert.Equal("application/octet-stream", Assert.Single(server.Requests).Headers["Content-Type"]);
    }

    [Fact]
    public async Task ServerSentEventsStreamAsTheyArrive()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(async context =>
        {
            context.Response.ContentType = "text/event-stream";
            await context.Response.WriteAsync(": comment\nevent: tick\ndata: {\"seq\":1,\n");
            await context.Response.WriteAsync("data: \"text\":\"a\"}\n\n");
            await context.Response.Body.FlushAsync();
            await context.Response.WriteAsync("data: {\"seq\":2}\n\ndata: [DONE]\n\ndata: {\"seq\":3}\n\n");
        });
        using HttpClient http = new();

        List<Event> events = new();
        await foreach (Event item in Client(http, server).EventsAsync())
        {
            events.Add(item);
        }

        Assert.Equal(new long[] { 1, 2 }, events.Select(e => e.Seq));
        Assert.Equal("a", events[0].Text);
    }

    [Fact]
    public async Task NdJsonStreams()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(async context =>
        {
            context.Response.ContentType = "application/x-ndjson";
            await context.Response.WriteAsync("{\"seq\":1}\n\n{\"seq\":2}\r\n{\"seq\":3}");
        });
        using HttpClient http = new();

        List<long> seqs = new();
        await foreach (Event item in Client(http, server).LinesAsync())
        {
            seqs.Add(item.Seq);
        }

        Assert.Equal(new long[] { 1, 2, 3 }, seqs);
    }

    [Fact]
    public async Task StreamRefusesAnAnswerFromAnotherOriginWhenCredentialsWereSent()
    {
        await using LoopbackServer other = await LoopbackServer.StartAsync(async context =>
        {
            context.Response.ContentType = "application/x-ndjson";
            await context.Response.WriteAsync("{\"seq\":1}\n");
        });
        await using LoopbackServer server = await LoopbackServer.StartAsync(context =>
        {
            context.Response.StatusCode = 302;
            context.Response.Headers.Location = new Uri(other.BaseAddress, "lines").ToString();
            return Task.CompletedTask;
        });
        using HttpClient autoRedirecting = new();

        await Assert.ThrowsAsync<ApiRedirectException>(async () =>
        {
            await foreach (Event unused in Client(autoRedirecting, server, o => o.CookieKey = "secret").LinesAsync())
            {
            }
        });
    }

    [Fact]
    public async Task StreamErrorsAreTyped()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(LoopbackServer.Json("{\"title\":\"nope\"}", 500));
        using HttpClient http = new();

        await Assert.ThrowsAsync<ApiException>(async () =>
        {
            await foreach (Event unused in Client(http, server).LinesAsync())
            {
            }
        });
    }

    [Fact]
    public async Task RecursiveSchemaAndOperationWithoutId()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(LoopbackServer.Json("{\"value\":1,\"children\":[{\"value\":2,\"children\":[{\"value\":3}]}]}"));
        using HttpClient http = new();

        Tree tree = await Client(http, server).GetTreeAsync();

        Assert.Equal(3, tree.Children![0].Children![0].Value);
    }

    [Fact]
    public void DeprecatedThingsAreObsolete()
    {
        Assert.NotNull(typeof(ConstructsClient).GetMethod("OldThingAsync")!.GetCustomAttributes(typeof(ObsoleteAttribute), false).SingleOrDefault());
        Assert.NotNull(typeof(Pet).GetProperty("LegacyCode")!.GetCustomAttributes(typeof(ObsoleteAttribute), false).SingleOrDefault());
    }

    [Fact]
    public void ReadOnlyRequiredMembersNeedNotBeSetAndWriteOnlyOnesNeedNotComeBack()
    {
        Assert.True(typeof(Pet).GetProperty("Created")!.CanWrite);
        byte[] json = Encoding.UTF8.GetBytes("{\"id\":1,\"name\":\"a\",\"kind\":\"cat\"}");
        Utf8JsonReader reader = new(json);
        reader.Read();

        Pet pet = Pet.ReadJson(ref reader);

        Assert.Null(pet.Secret);
    }

    [Fact]
    public void LengthBoundsAreCheckedWhenSet()
    {
        // An inline string with only length rules is a string; the object checks it in the init accessor.
        Assert.Throws<ApiValidationException>(() => new Pet { Id = 1, Name = string.Empty, Kind = PetKind.Dog });
        ApiValidationException tooLong = Assert.Throws<ApiValidationException>(() => new Pet { Id = 1, Name = new string('x', 21), Kind = PetKind.Dog });
        Assert.Equal("name", tooLong.TypeName);
        Assert.Equal("x", new Pet { Id = 1, Name = "x", Kind = PetKind.Dog }.Name);

        // Code points, as JSON Schema counts: twenty emoji are forty UTF-16 units and still fit.
        string emoji = string.Concat(Enumerable.Repeat("😀", 20));
        Assert.Equal(emoji, new Pet { Id = 1, Name = emoji, Kind = PetKind.Dog }.Name);
    }

    [Fact]
    public void LengthBoundsAreCheckedWhenRead()
    {
        ApiValidationException error = Assert.Throws<ApiValidationException>(() => JsonSerializer.Deserialize<Pet>("{\"id\":1,\"name\":\"" + new string('x', 21) + "\",\"kind\":\"dog\"}"));
        Assert.Contains("at most 20 characters", error.Message, StringComparison.Ordinal);
    }
}
