// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System.Linq;
using LiveAvatarGen.Generator.Model;
using LiveAvatarGen.Tests.Harness;
using Xunit;
using static LiveAvatarGen.Tests.Parsing.ParserHarness;

namespace LiveAvatarGen.Tests.Parsing;

/// <summary>The document level → <see cref="ClientModel"/>: names, security schemes, servers and their variables.</summary>
public sealed class ClientParsingTests
{
    [Fact]
    public void ClientNamesComeFromTheTitleOrTheConfiguredName()
    {
        ClientModel fromTitle = ReadClean(Paths("{}")).Client!;
        Assert.Equal(("TestClient", "TestClientOptions", "ITestClient", "TestClientServiceCollectionExtensions"), (fromTitle.Name, fromTitle.OptionsName, fromTitle.InterfaceName, fromTitle.ServiceCollectionExtensionsName));
        Assert.Equal(("Test.Api", "Test.Api.TestClient", "Test API"), (fromTitle.Namespace, fromTitle.HintPrefix, fromTitle.Documentation));

        ClientModel configured = Read(Paths("{}"), clientName: "billing client").Spec!.Client!;
        Assert.Equal(("BillingClient", "IBillingClient"), (configured.Name, configured.InterfaceName));
    }

    [Fact]
    public void SecuritySchemesAreSortedAndMappedToTheirKinds()
    {
        ApiSpec spec = ReadClean(Paths("{}", extra: """
            components:
              securitySchemes:
                Key: { type: apiKey, in: header, name: X-Key }
                QueryKey: { type: apiKey, in: query, name: api_key }
                CookieKey: { type: apiKey, in: cookie, name: sid }
                Bearer: { type: http, scheme: bearer, description: ignored }
                Basic: { type: http, scheme: basic }
                OAuth: { type: oauth2, flows: { clientCredentials: { tokenUrl: 'https://x/token', scopes: {} } } }

            """));

        // Ordinal order of the scheme names; OAuth 2 ends in a bearer token.
        Assert.Equal(
            new[]
            {
                ("Basic", "Basic", ""), ("Bearer", "Bearer", ""), ("CookieKey", "ApiKeyCookie", "sid"), ("Key", "ApiKeyHeader", "X-Key"), ("OAuth", "Bearer", ""), ("QueryKey", "ApiKeyQuery", "api_key"),
            },
            spec.Client!.SecuritySchemes.Select(s => (s.SchemeName, s.Kind.ToString(), s.ParameterName)));
        Assert.Equal(
            ModelFactory.Scheme("Key", "ApiKeyHeader", "X-Key") with { Documentation = "The API key for the 'Key' scheme, sent as the X-Key header." },
            spec.Client.SecuritySchemes.Single(s => s.SchemeName == "Key"));
    }

    [Fact]
    public void SchemeNamesThatClashWithOptionsMembersGetASuffix()
    {
        ApiSpec spec = ReadClean(Paths("{}", extra: """
            components:
              securitySchemes:
                timeout: { type: http, scheme: bearer }

            """));

        Assert.Equal("Timeout2", Assert.Single(spec.Client!.SecuritySchemes).PropertyName);
    }

    [Fact]
    public void ServerWithVariablesIsTheDefaultServerAndItsVariablesBecomeOptions()
    {
        ApiSpec spec = ReadClean(Paths("{}", extra: """
            servers:
              - url: 'https://{region}.example.com/{version}'
                variables:
                  region: { default: eu, enum: [eu, us], description: The region. }
                  version: { default: v1 }
              - url: https://fallback.example.com

            """));

        ServerModel server = spec.Client!.DefaultServer!;
        Assert.Equal("https://{region}.example.com/{version}", server.Url);
        Assert.Equal(
            new[] { ("region", "eu", "The region.", new[] { "eu", "us" }), ("version", "v1", (string?)null, System.Array.Empty<string>()) },
            server.Variables.Select(v => (v.Name, v.Default, v.Description, v.Enum.ToArray())));
        Assert.Equal(new[] { ("region", "Region"), ("version", "Version") }, spec.Client.ServerVariables.Select(v => (v.Name, v.PropertyName)));
        Assert.Contains("'eu'", spec.Client.ServerVariables[0].Documentation, System.StringComparison.Ordinal);
    }

    [Fact]
    public void NoServersMeansNoDefaultServer()
    {
        ClientModel client = ReadClean(Paths("{}")).Client!;

        Assert.Null(client.DefaultServer);
        Assert.Empty(client.ServerVariables);
        Assert.Empty(client.SecuritySchemes);
    }
}
