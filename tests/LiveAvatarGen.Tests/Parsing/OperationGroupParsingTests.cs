// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System.Linq;
using LiveAvatarGen.Generator.Model;
using LiveAvatarGen.Tests.Harness;
using Xunit;
using static LiveAvatarGen.Tests.Parsing.ParserHarness;

namespace LiveAvatarGen.Tests.Parsing;

/// <summary>Tags → sub-clients (<see cref="OperationGroupModel"/>), and the names of each operation's companion and headers.</summary>
public sealed class OperationGroupParsingTests
{
    /// <summary>Tags that collide with the client's members, an operation, each other, or need mangling.</summary>
    internal const string HostileTags = """
        /a:
          get: { operationId: getThing, tags: [GetThing], responses: { '204': { description: none } } }
        /b:
          get: { operationId: b, tags: [Options], responses: { '204': { description: none } } }
        /c:
          get: { operationId: c, tags: [Dispose], responses: { '204': { description: none } } }
        /d:
          get: { operationId: d, tags: [User Data], responses: { '204': { description: none } } }
        /e:
          get: { operationId: e, tags: [user-data], responses: { '204': { description: none } } }
        /f:
          get: { operationId: f, tags: [LLM Configurations], responses: { '204': { description: none } } }
        /g:
          get: { operationId: g, tags: [größe], responses: { '204': { description: none } } }
        /h:
          get: { operationId: h, tags: [TestClient], responses: { '204': { description: none } } }
        /i:
          get: { operationId: i, tags: [class], responses: { '204': { description: none } } }
        /j:
          get: { operationId: j, tags: ['123'], responses: { '204': { description: none } } }
        /k:
          get: { operationId: k, tags: [PrepareRequest], responses: { '204': { description: none } } }
        /l:
          get: { operationId: l, tags: [TestGetThingClient], responses: { '204': { description: none } } }
        """;

    [Fact]
    public void AnOperationGoesToItsFirstTagAndUntaggedOnesStayOnTheClient()
    {
        ApiSpec spec = ReadClean(Paths("""
            /avatars:
              get: { operationId: listAvatars, tags: [Avatars, Extra], responses: { '204': { description: none } } }
            /sessions:
              get: { operationId: listSessions, tags: [Sessions], responses: { '204': { description: none } } }
            /ping:
              get: { operationId: ping, responses: { '204': { description: none } } }
            """, extra: "tags:\n  - { name: Sessions, description: Streaming sessions. }\n"));

        ClientModel client = spec.Client!;
        Assert.Equal(new[] { "Avatars", "Sessions" }, client.Groups.Select(g => g.Tag));
        OperationGroupModel avatars = client.Groups[0];
        Assert.Equal(("Avatars", "TestAvatarsClient", "ITestAvatarsClient"), (avatars.PropertyName, avatars.ClassName, avatars.InterfaceName));
        Assert.Equal("Streaming sessions.", client.Groups[1].Documentation);
        Assert.Equal("Avatars", spec.Operation("ListAvatarsAsync").Group);
        Assert.Equal("Sessions", spec.Operation("ListSessionsAsync").Group);
        Assert.Null(spec.Operation("PingAsync").Group);

        OperationOutput[] outputs = OperationOutput.From(client).ToArray();
        Assert.Equal(new[] { "TestAvatarsClient", "TestSessionsClient", "TestClient" }, outputs.Select(o => o.ClientName));
        Assert.All(outputs, o => Assert.Equal("TestClient", o.RootClientName));
    }

    [Fact]
    public void GroupingOffKeepsEveryOperationOnTheClient()
    {
        ReadResult result = Read(Paths("""
            /avatars:
              get: { operationId: listAvatars, tags: [Avatars], responses: { '204': { description: none } } }
            """), groupByTag: false);

        Assert.Empty(result.Spec!.Client!.Groups);
        Assert.Null(result.Spec.Operation("ListAvatarsAsync").Group);
        Assert.Equal("TestClient", OperationOutput.From(result.Spec.Client).Single().ClientName);
    }

    [Fact]
    public void TagNamesNeverCollide()
    {
        ApiSpec spec = ReadClean(Paths(HostileTags));
        ClientModel client = spec.Client!;

        string PropertyOf(string tag) => client.Groups.Single(g => g.Tag == tag).PropertyName;

        // The operation keeps its name; the tag's property takes the suffix.
        Assert.Equal("GetThingAsync", spec.Client!.Operations[0].MethodName);
        Assert.Equal("GetThing2", PropertyOf("GetThing"));

        // The client's own members and its name are taken.
        Assert.Equal("Options2", PropertyOf("Options"));
        Assert.Equal("Dispose2", PropertyOf("Dispose"));
        Assert.Equal("PrepareRequest2", PropertyOf("PrepareRequest"));
        Assert.Equal("TestClient2", PropertyOf("TestClient"));

        // Two tags that PascalCase alike: ordinal order decides which one gets the suffix.
        Assert.Equal(("UserData", "UserData2"), (PropertyOf("User Data"), PropertyOf("user-data")));
        Assert.Equal(("TestUserDataClient", "TestUserDataClient2"), (client.Groups.Single(g => g.Tag == "User Data").ClassName, client.Groups.Single(g => g.Tag == "user-data").ClassName));
        Assert.Equal("LLMConfigurations", PropertyOf("LLM Configurations"));
        Assert.Equal("Größe", PropertyOf("größe"));

        // A tag named like another group's class: the type registry keeps the classes apart.
        Assert.Equal(client.Groups.Count, client.Groups.Select(g => g.ClassName).Distinct(System.StringComparer.OrdinalIgnoreCase).Count());
        Assert.Equal(client.Groups.Count, client.Groups.Select(g => g.PropertyName).Distinct().Count());
        Assert.DoesNotContain(client.Groups, g => g.PropertyName == g.ClassName);
    }

    [Fact]
    public void CompanionsNeverRenameAnOperation()
    {
        ApiSpec spec = ReadClean(Paths("""
            /user:
              get: { operationId: getUser, responses: { '204': { description: none } } }
            /user/full:
              get: { operationId: getUserWithResponse, responses: { '204': { description: none } } }
            """));

        OperationModel getUser = spec.Operation("GetUserAsync");
        OperationModel other = spec.Operation("GetUserWithResponseAsync");
        Assert.Equal("GetUserWithResponse2Async", getUser.WithResponseName);
        Assert.Equal("GetUserWithResponseWithResponseAsync", other.WithResponseName);
        Assert.Equal("CreateGetUserRequest", getUser.RequestFactory);
    }

    [Fact]
    public void DeclaredSuccessHeadersAreTyped()
    {
        ApiSpec spec = ReadClean(Paths("""
            /limits:
              get:
                operationId: getLimits
                responses:
                  '200':
                    description: ok
                    headers:
                      X-RateLimit-Remaining: { description: Calls left., schema: { type: integer } }
                      X-Ratio: { schema: { type: number } }
                      X-Small: { schema: { type: integer, format: int32 } }
                      X-Flag: { schema: { type: boolean } }
                      X-Id: { schema: { type: string, format: uuid } }
                      X-Reset: { schema: { type: string, format: date-time } }
                      X-Tags: { schema: { type: array, items: { type: string } } }
                      Content-Type: { schema: { type: string } }
                      Count: { schema: { type: integer } }
                  '201':
                    description: created
                    headers:
                      x-ratelimit-remaining: { schema: { type: string } }
                      Location: { schema: { type: string } }
                  '429':
                    description: slow down
                    headers:
                      Retry-After: { schema: { type: integer } }
            /plain:
              get: { operationId: plain, responses: { '204': { description: none } } }
            """));

        OperationModel limits = spec.Operation("GetLimitsAsync");
        Assert.Equal("GetLimitsResponseHeaders", limits.HeadersClass);
        Assert.Equal(
            new[] { ("X-RateLimit-Remaining", "XRateLimitRemaining", TypeKind.Int64), ("X-Ratio", "XRatio", TypeKind.Double), ("X-Small", "XSmall", TypeKind.Int32), ("X-Flag", "XFlag", TypeKind.Boolean), ("X-Id", "XId", TypeKind.Guid), ("X-Reset", "XReset", TypeKind.DateTimeOffset), ("X-Tags", "XTags", TypeKind.String), ("Count", "Count2", TypeKind.Int64), ("Location", "Location", TypeKind.String) },
            limits.Headers.Select(h => (h.WireName, h.PropertyName, h.Type.Kind)));
        Assert.Equal("Calls left.", limits.Headers[0].Documentation);
        Assert.All(limits.Headers, h => Assert.True(h.Type.IsNullable));
        Assert.Null(spec.Operation("PlainAsync").HeadersClass);
        Assert.Empty(spec.Operation("PlainAsync").Headers);
    }
}
