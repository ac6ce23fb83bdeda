// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace LiveAvatarGen.Runtime.Http;

/// <summary>Credentials from an OAuth2 client credentials grant: the token is fetched (or taken from its cache) per call.</summary>
public sealed partial class ApiClientCore
{
    /// <summary>A scheme has a credential when the options hold one, or hold a client credentials grant that can fetch one.</summary>
    private bool HasCredential(ApiSecurityScheme scheme)
        => _options.GetCredential(scheme.Name) is not null
            || (scheme.Kind == ApiSecuritySchemeKind.Bearer && _options.GetClientCredentials(scheme.Name) is not null);

    /// <summary>The scheme's access token from its grant: cached while fresh, else requested once for all concurrent callers.</summary>
    private async Task<SentToken> FetchTokenAsync(ApiSecurityScheme scheme, CancellationToken cancellationToken)
    {
        OAuth2ClientCredentials grant = _options.GetClientCredentials(scheme.Name)!;
        string token = await grant.GetAccessTokenAsync(_httpClient, DocumentBaseAddress, _options, cancellationToken).ConfigureAwait(false);
        return new SentToken(grant, token);
    }

    /// <summary>An access token a request carries, so that a 401 to it can make the grant forget it.</summary>
    private sealed class SentToken
    {
        public SentToken(OAuth2ClientCredentials grant, string accessToken)
        {
            Grant = grant;
            AccessToken = accessToken;
        }

        public OAuth2ClientCredentials Grant { get; }

        public string AccessToken { get; }

        /// <summary>
        /// A 401 means the token was refused (revoked, or expired early): the next call requests a new one. This call's
        /// 401 still reaches the handler as usual; the request is not re-sent, since its body may not be replayable.
        /// </summary>
        public void ForgetIfRefused(HttpResponseMessage response)
        {
            if (response.StatusCode == HttpStatusCode.Unauthorized)
            {
                Grant.Forget(AccessToken);
            }
        }
    }
}
