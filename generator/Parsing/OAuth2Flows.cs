// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.Collections.Generic;
using System.Linq;
using LiveAvatarGen.Generator.Diagnostics;
using LiveAvatarGen.Generator.Model;
using LiveAvatarGen.Generator.Naming;
using Microsoft.OpenApi;

namespace LiveAvatarGen.Generator.Parsing;

/// <summary>
/// Reads an oauth2 scheme's clientCredentials flow, the one flow a client can complete on its own (the others need a
/// user or a browser, so their tokens stay user-supplied bearer tokens).
/// </summary>
internal static class OAuth2Flows
{
    /// <summary>
    /// The scheme with its client credentials flow attached (and its token property documented as optional), or the
    /// scheme unchanged when it has no usable one; an unusable flow is reported (LAG2010).
    /// </summary>
    public static SecuritySchemeModel WithClientCredentials(SecuritySchemeModel model, IOpenApiSecurityScheme scheme, NameRegistry propertyNames, SpecLocator locator, List<DiagnosticInfo> diagnostics)
    {
        if (scheme.Type != SecuritySchemeType.OAuth2 || scheme.Flows?.ClientCredentials is not { } flow)
        {
            return model;
        }

        string pointer = "#/components/securitySchemes/" + model.SchemeName.Replace("~", "~0").Replace("/", "~1") + "/flows/clientCredentials";
        string? tokenUrl = flow.TokenUrl?.OriginalString.Trim();
        string? problem = tokenUrl switch
        {
            null or "" => "has no tokenUrl",
            _ when IsAbsolute(tokenUrl, out Uri? absolute) => absolute!.Scheme == Uri.UriSchemeHttps || absolute.Scheme == Uri.UriSchemeHttp ? null : "has a tokenUrl that is not http(s)",
            _ when !Uri.TryCreate(tokenUrl, UriKind.Relative, out _) => "has a tokenUrl that is not a URL",
            _ => null,
        };
        if (problem is not null)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ClientCredentialsUnusable, locator.Locate(locator.Has(pointer + "/tokenUrl") ? pointer + "/tokenUrl" : pointer), pointer, model.SchemeName, problem));
            return model;
        }

        // Scopes are a map: ordinal order keeps the default the same whatever order a reader gives them in.
        string scopes = string.Join(" ", (flow.Scopes?.Keys ?? Enumerable.Empty<string>()).Where(s => !string.IsNullOrWhiteSpace(s)).OrderBy(s => s, StringComparer.Ordinal));
        string prefix = model.PropertyName;
        ClientCredentialsModel credentials = new(
            tokenUrl!,
            scopes,
            propertyNames.Claim(prefix + "ClientId"),
            propertyNames.Claim(prefix + "ClientSecret"),
            propertyNames.Claim(prefix + "TokenUrl"),
            propertyNames.Claim(prefix + "Scopes"),
            propertyNames.Claim(prefix + "ClientAuthentication"));
        string documentation = model.Documentation + "\nLeave it null and set " + credentials.ClientIdProperty + " and " + credentials.ClientSecretProperty
            + " to have the client request the token itself (OAuth2 client credentials), cache it and refresh it before it expires.";
        return model with { ClientCredentials = credentials, Documentation = documentation };
    }

    /// <summary>
    /// Whether a URL is absolute. A rooted path (<c>/oauth/token</c>) is relative to the server, although on Unix
    /// <see cref="Uri"/> would take it for an absolute file path.
    /// </summary>
    public static bool IsAbsolute(string url, out Uri? absolute)
    {
        absolute = null;
        return !url.StartsWith("/", StringComparison.Ordinal) && !url.StartsWith("\\", StringComparison.Ordinal) && Uri.TryCreate(url, UriKind.Absolute, out absolute);
    }
}
