// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

namespace LiveAvatarGen.Runtime.Http;

/// <summary>How the client proves its identity to the token endpoint (RFC 6749 section 2.3.1).</summary>
public enum OAuth2ClientAuthentication
{
    /// <summary><c>client_secret_basic</c>: HTTP basic authentication with the client id and secret; what every server must accept.</summary>
    Basic,

    /// <summary><c>client_secret_post</c>: <c>client_id</c> and <c>client_secret</c> in the form body, for servers that want them there.</summary>
    Post,
}
