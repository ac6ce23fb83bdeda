// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System.Net.Http;
using System.Threading.Tasks;
using Constructs.Api;
using LiveAvatarGen.Runtime.Errors;
using LiveAvatarGen.Tests.Harness;
using Xunit;

namespace LiveAvatarGen.Tests.EndToEnd;

/// <summary>
/// Statuses documented with the same outcome share one branch of the generated handler (<c>status == 404 ||
/// status == 409</c>); against loopback Kestrel each still throws its typed error, a code only the <c>4XX</c> range
/// covers takes the range's, and an undocumented one the default's.
/// </summary>
public sealed class SharedErrorBranchTests
{
    [Theory]
    [InlineData(404)]
    [InlineData(409)]
    [InlineData(418)]
    [InlineData(503)]
    public async Task EachDocumentedStatusThrowsItsTypedError(int status)
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(LoopbackServer.Json("{\"title\":\"t" + status + "\",\"status\":" + status + "}", status));
        using HttpClient http = new();
        ConstructsClient client = new(http, new ConstructsClientOptions { BaseAddress = server.BaseAddress, QueryKey = "k" });

        ApiException<Problem> error = await Assert.ThrowsAsync<ApiException<Problem>>(() => client.GetPetAsync(7));

        Assert.Equal((status, "t" + status, (long?)status), (error.StatusCode, error.Error.Title, error.Error.Status));
    }
}
