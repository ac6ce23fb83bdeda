// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System.Linq;
using LiveAvatarGen.Generator.Diagnostics;
using LiveAvatarGen.Generator.Model;
using LiveAvatarGen.Tests.Harness;
using Microsoft.CodeAnalysis;
using Xunit;
using static LiveAvatarGen.Tests.Parsing.ParserHarness;

namespace LiveAvatarGen.Tests.Parsing;

/// <summary>
/// oauth2 schemes: a clientCredentials flow gives the options what the client needs to fetch its own token (token URL,
/// scopes, property names); every other flow stays a bearer token the caller supplies.
/// </summary>
public sealed class OAuth2ParsingTests
{
    private static string Document(string schemes, string version = "3.1.0") =>
        "openapi: " + version + "\ninfo: { title: Test API, version: '1' }\nservers: [ { url: 'https://api.example.test/v1' } ]\npaths: {}\ncomponents:\n  securitySchemes:\n" + Indent(schemes, 4);

    private static string Indent(string text, int spaces)
        => string.Join("\n", text.Replace("\r\n", "\n").Split('\n').Select(l => l.Length == 0 ? l : new string(' ', spaces) + l)) + "\n";

    [Theory]
    [InlineData("3.0.3")]
    [InlineData("3.1.0")]
    public void ClientCredentialsFlowGivesTokenUrlSortedScopesAndOptionNames(string version)
    {
        ApiSpec spec = ReadClean(Document("""
            machine:
              type: oauth2
              flows:
                clientCredentials:
                  tokenUrl: https://login.example.test/oauth/token
                  scopes: { write: Change., read: Read., admin: All. }
            """, version));

        SecuritySchemeModel scheme = Assert.Single(spec.Client!.SecuritySchemes);
        Assert.Equal(SecuritySchemeKind.Bearer, scheme.Kind);
        Assert.Equal("Machine", scheme.PropertyName);
        ClientCredentialsModel flow = Assert.IsType<ClientCredentialsModel>(scheme.ClientCredentials);
        Assert.Equal("https://login.example.test/oauth/token", flow.TokenUrl);
        Assert.Equal("admin read write", flow.Scopes);
        Assert.Equal(
            new[] { "MachineClientId", "MachineClientSecret", "MachineTokenUrl", "MachineScopes", "MachineClientAuthentication" },
            new[] { flow.ClientIdProperty, flow.ClientSecretProperty, flow.TokenUrlProperty, flow.ScopesProperty, flow.AuthenticationProperty });
        Assert.Contains("MachineClientId", scheme.Documentation);
    }

    [Fact]
    public void ARelativeTokenUrlIsKeptAsWrittenForTheRuntimeToResolveAgainstTheBaseAddress()
    {
        ApiSpec spec = ReadClean(Document("""
            machine:
              type: oauth2
              flows: { clientCredentials: { tokenUrl: /oauth/token, scopes: {} } }
            """));

        ClientCredentialsModel flow = spec.Client!.SecuritySchemes[0].ClientCredentials!;
        Assert.Equal("/oauth/token", flow.TokenUrl);
        Assert.Equal(string.Empty, flow.Scopes);
    }

    [Fact]
    public void OtherFlowsAndOpenIdConnectStayUserSuppliedBearerTokens()
    {
        ApiSpec spec = ReadClean(Document("""
            code:
              type: oauth2
              flows:
                authorizationCode: { authorizationUrl: 'https://l.example.test/a', tokenUrl: 'https://l.example.test/t', scopes: {} }
                implicit: { authorizationUrl: 'https://l.example.test/a', scopes: {} }
                password: { tokenUrl: 'https://l.example.test/t', scopes: {} }
            oidc:
              type: openIdConnect
              openIdConnectUrl: https://l.example.test/.well-known/openid-configuration
            """));

        Assert.All(spec.Client!.SecuritySchemes, s => Assert.Equal((SecuritySchemeKind.Bearer, (ClientCredentialsModel?)null), (s.Kind, s.ClientCredentials)));
    }

    [Fact]
    public void OptionNamesTakenByAnotherSchemeGetASuffix()
    {
        ApiSpec spec = ReadClean(Document("""
            machine:
              type: oauth2
              flows: { clientCredentials: { tokenUrl: 'https://l.example.test/t', scopes: {} } }
            machineClientId:
              type: apiKey
              in: header
              name: X-Client
            """));

        ClientCredentialsModel flow = spec.Client!.SecuritySchemes.Single(s => s.SchemeName == "machine").ClientCredentials!;
        string apiKey = spec.Client!.SecuritySchemes.Single(s => s.SchemeName == "machineClientId").PropertyName;
        Assert.NotEqual(flow.ClientIdProperty, apiKey);
        Assert.Equal(5 + 2, spec.Client!.SecuritySchemes.SelectMany(SecuritySchemeOptions.PropertyNames).Distinct().Count());
    }

    [Theory]
    [InlineData("      tokenUrl: ftp://files.example.test/token\n", "not http(s)", 10)]
    [InlineData("      tokenUrl: ''\n", "no tokenUrl", 10)]
    [InlineData("", "no tokenUrl", 9)]
    public void AnUnusableTokenUrlIsLag2010AtItAndTheSchemeStaysABearerToken(string tokenUrlLine, string problem, int line)
    {
        ReadResult result = Read(Document("machine:\n  type: oauth2\n  flows:\n    clientCredentials:\n" + tokenUrlLine + "      scopes: {}\n"));

        DiagnosticInfo diagnostic = result.Diagnostics.Single(d => d.Id == "LAG2010");
        Assert.Contains(problem, diagnostic.Arguments[2]);
        Assert.Equal("machine", diagnostic.Arguments[1]);
        Assert.Equal(line, diagnostic.Location!.StartLine);
        Assert.Equal(DiagnosticSeverity.Warning, DiagnosticDescriptors.ById("LAG2010").DefaultSeverity);
        Assert.Null(result.Spec!.Client!.SecuritySchemes[0].ClientCredentials);
    }

    [Theory]
    [InlineData(TargetProfile.Net8CSharp12, false)]
    [InlineData(TargetProfile.Net8CSharp12, true)]
    [InlineData(TargetProfile.Net10CSharp14, false)]
    [InlineData(TargetProfile.Net10CSharp14, true)]
    public void TheTestSpecCompilesWithZeroWarningsWithAndWithoutDependencyInjection(TargetProfile profile, bool withHttpClientFactory)
    {
        GenerationResult result = GeneratorHarness.Generate(TestPaths.Spec("oauth2.openapi.yaml"), TestPaths.ReadSpec("oauth2.openapi.yaml"), profile, withHttpClientFactory: withHttpClientFactory);

        Assert.Empty(result.GeneratorExceptions);
        Assert.Empty(result.GeneratorDiagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning));
        Assert.Empty(result.CompilationProblems.Select(d => d.ToString()));
        INamedTypeSymbol options = result.Output.GetTypeByMetadataName("Test.Api.MachineClientOptions")!;
        Assert.Equal(
            new[] { "OAuth2", "OAuth2ClientAuthentication", "OAuth2ClientId", "OAuth2ClientSecret", "OAuth2Scopes", "OAuth2TokenUrl", "UserLogin" },
            options.GetMembers().OfType<IPropertySymbol>().Select(p => p.Name).OrderBy(n => n, System.StringComparer.Ordinal));
        string source = result.Sources.Single(s => s.HintName.EndsWith(".MachineClientOptions.g.cs", System.StringComparison.Ordinal)).SourceText.ToString();
        Assert.Contains("new global::System.Uri(\"/oauth/token\", global::System.UriKind.Relative)", source);
        Assert.Contains("OAuth2Scopes { get; set; } = \"things.read things.write\";", source);
    }
}
