// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using LiveAvatarGen.Runtime.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OAuth2.Api;
using Xunit;

namespace LiveAvatarGen.Tests.OAuth2;

/// <summary>The client credentials settings from configuration, key by key, and one token shared by every client DI creates.</summary>
public sealed class OAuth2DependencyInjectionTests
{
    [Fact]
    public async Task ClientsFromTheFactoryReadTheFlowFromConfigurationAndShareOneToken()
    {
        await using OAuth2TokenServer server = await OAuth2TokenServer.StartAsync();
        IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Machine:BaseAddress"] = server.BaseAddress.ToString(),
            ["Machine:OAuth2ClientId"] = OAuth2TokenServer.ClientId,
            ["Machine:OAuth2ClientSecret"] = OAuth2TokenServer.ClientSecret,
            ["Machine:OAuth2Scopes"] = "things.read",
            ["Machine:OAuth2ClientAuthentication"] = "post",
            ["Machine:OAuth2TokenUrl"] = OAuth2TokenServer.TokenPath,
        }).Build();
        ServiceCollection services = new();
        services.AddMachineClient(configuration.GetSection("Machine"));
        await using ServiceProvider provider = services.BuildServiceProvider();

        // Typed clients are transient: each resolve is a new client, on the one options instance that holds the grant.
        Thing first = await provider.GetRequiredService<IMachineClient>().GetThingAsync("a");
        Thing second = await provider.GetRequiredService<IMachineClient>().GetThingAsync("b");

        Assert.Equal(("tok-1", "tok-1"), (first.Name, second.Name));
        RecordedTokenRequest(server, "grant_type=client_credentials&scope=things.read&client_id=machine-7&client_secret=s3cret-%C3%98%2B%2F%3D");
    }

    [Theory]
    [InlineData("OAuth2ClientAuthentication", "jwt")]
    [InlineData("OAuth2TokenUrl", "http://[bad")]
    public void AnUnreadableFlowSettingNamesItsKey(string key, string value)
    {
        MachineClientOptions options = new();

        FormatException ex = Assert.Throws<FormatException>(() => options.ApplySettings(k => k == key ? value : null));

        Assert.Contains(key, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingKeysKeepTheSpecsDefaults()
    {
        MachineClientOptions options = new();

        options.ApplySettings(k => k == "OAuth2ClientId" ? "id" : null);

        Assert.Equal("id", options.OAuth2ClientId);
        Assert.Equal(new Uri("/oauth/token", UriKind.Relative), options.OAuth2TokenUrl);
        Assert.Equal("things.read things.write", options.OAuth2Scopes);
        Assert.Equal(OAuth2ClientAuthentication.Basic, options.OAuth2ClientAuthentication);
    }

    private static void RecordedTokenRequest(OAuth2TokenServer server, string body)
    {
        Harness.RecordedRequest token = Assert.Single(server.TokenRequests);
        Assert.Equal(body, token.Body);
    }
}
