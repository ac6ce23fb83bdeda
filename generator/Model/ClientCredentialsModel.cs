// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System.Collections.Generic;

namespace LiveAvatarGen.Generator.Model;

/// <summary>
/// An oauth2 scheme's clientCredentials flow: what the options need to fetch the scheme's access token themselves.
/// </summary>
/// <param name="TokenUrl">The flow's <c>tokenUrl</c> as the spec writes it: absolute, or relative to the server.</param>
/// <param name="Scopes">Every scope the flow declares, in ordinal order, separated by spaces; empty when none.</param>
/// <param name="ClientIdProperty">The options property for the client id (named by the options registry, like all below).</param>
/// <param name="ClientSecretProperty">The options property for the client secret.</param>
/// <param name="TokenUrlProperty">The options property for the token endpoint, defaulting to <paramref name="TokenUrl"/>.</param>
/// <param name="ScopesProperty">The options property for the scopes, defaulting to <paramref name="Scopes"/>.</param>
/// <param name="AuthenticationProperty">The options property for how the client authenticates (basic or form body).</param>
internal sealed record ClientCredentialsModel(
    string TokenUrl,
    string Scopes,
    string ClientIdProperty,
    string ClientSecretProperty,
    string TokenUrlProperty,
    string ScopesProperty,
    string AuthenticationProperty);

/// <summary>The options properties a security scheme adds, for whatever must not take their names or lists their keys.</summary>
internal static class SecuritySchemeOptions
{
    /// <summary>The scheme's credential property, then its client credentials properties, if any.</summary>
    public static IEnumerable<string> PropertyNames(SecuritySchemeModel scheme)
    {
        yield return scheme.PropertyName;
        if (scheme.ClientCredentials is { } flow)
        {
            yield return flow.ClientIdProperty;
            yield return flow.ClientSecretProperty;
            yield return flow.TokenUrlProperty;
            yield return flow.ScopesProperty;
            yield return flow.AuthenticationProperty;
        }
    }
}
