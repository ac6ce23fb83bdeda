// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.Text.Json;
using System.Threading.Tasks;
using LiveAvatarGen.Runtime.Http;
using Xunit;

namespace LiveAvatarGen.Tests.Runtime;

/// <summary>
/// <c>deepObject</c> arrays, which OpenAPI leaves undefined: each item goes under its index, so no item is lost and an
/// array of objects stays item by item (what Stripe's SDKs send; repeated keys would keep only the last item there).
/// </summary>
public sealed class DeepObjectTests
{
    [Fact]
    public Task AnArrayOfObjectsIsIndexedItemByItem()
        => AssertForm("line_items", """[{"price":"a","quantity":2},{"price":"b"}]""", "line_items[0][price]=a&line_items[0][quantity]=2&line_items[1][price]=b");

    [Fact]
    public Task AnArrayOfScalarsIsIndexed()
        => AssertForm("expand", """["customer","invoice"]""", "expand[0]=customer&expand[1]=invoice");

    [Fact]
    public Task ArraysInsideObjectsAreIndexedAtTheirDepth()
        => AssertForm("filter", """{"sizes":[1,2],"tags":{"any":["x"]},"color":"red"}""", "filter[sizes][0]=1&filter[sizes][1]=2&filter[tags][any][0]=x&filter[color]=red");

    [Fact]
    public Task NullItemsAreLeftOutWithoutAGap()
        => AssertForm("ids", """["a",null,"b"]""", "ids[0]=a&ids[1]=b");

    [Fact]
    public async Task AFormsListOfStringsIsIndexedWithoutAGapAndNullAddsNothing()
    {
        ApiForm form = new();
        form.AddIndexed("expand", new[] { "customer", null, "invoice" });
        form.AddIndexed("none", null);
        form.AddStyled<string[]>("also_none", null, static (writer, value) => JsonSerializer.Serialize(writer, value), "deepObject", explode: true);
        form.AddStyled("filter", new[] { "x" }, static (writer, value) => { writer.WriteStartObject(); writer.WriteString("any", value[0]); writer.WriteEndObject(); }, "deepObject", explode: true);
        string body = await form.ToContent().ReadAsStringAsync();
        Assert.Equal("expand[0]=customer&expand[1]=invoice&filter[any]=x", Uri.UnescapeDataString(body));
    }

    [Fact]
    public void AQueryListOfStringsIsIndexedWithoutAGapAndNullAddsNothing()
    {
        ApiRequest request = new(System.Net.Http.HttpMethod.Get, "/v1/charges");
        request.AddQueryIndexed("expand", new[] { "customer", null, "invoice" });
        request.AddQueryIndexed("none", null);
        request.AddQuery("ids", new[] { "a", null, "b" });
        Uri uri = request.BuildUri(new Uri("https://api.example.com"));
        Assert.Equal("https://api.example.com/v1/charges?expand[0]=customer&expand[1]=invoice&ids=a&ids=b", Uri.UnescapeDataString(uri.AbsoluteUri));
    }

    [Fact]
    public void TheKeyOfAnItemIsTheNameAndTheIndexInBrackets()
        => Assert.Equal("expand[12]", ApiStyles.Indexed("expand", 12));

    private static async Task AssertForm(string name, string json, string expected)
    {
        ApiForm form = new();
        using JsonDocument document = JsonDocument.Parse(json);
        form.AddStyled(name, document.RootElement, "deepObject", explode: true);
        string body = await form.ToContent().ReadAsStringAsync();
        Assert.Equal(expected, Uri.UnescapeDataString(body));
    }
}
