// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System.ComponentModel;

namespace LiveAvatarGen.Runtime.Http;

/// <summary>How a credential travels.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public enum ApiSecuritySchemeKind
{
    /// <summary>An API key in a request header.</summary>
    ApiKeyHeader,

    /// <summary>An API key in the query string.</summary>
    ApiKeyQuery,

    /// <summary>An API key in a cookie.</summary>
    ApiKeyCookie,

    /// <summary>An HTTP bearer token in <c>Authorization</c>.</summary>
    Bearer,

    /// <summary>HTTP basic credentials (<c>user:password</c>) in <c>Authorization</c>.</summary>
    Basic,
}

/// <summary>A security scheme of the spec, as generated clients describe it to the runtime.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class ApiSecurityScheme
{
    /// <summary>Creates the description.</summary>
    /// <param name="name">The scheme's name under <c>components.securitySchemes</c>.</param>
    /// <param name="kind">How the credential travels.</param>
    /// <param name="parameterName">The header, query or cookie name for API keys; unused otherwise.</param>
    public ApiSecurityScheme(string name, ApiSecuritySchemeKind kind, string parameterName)
    {
        Name = name;
        Kind = kind;
        ParameterName = parameterName;
    }

    /// <summary>The scheme's name.</summary>
    public string Name { get; }

    /// <summary>How the credential travels.</summary>
    public ApiSecuritySchemeKind Kind { get; }

    /// <summary>The header, query or cookie name.</summary>
    public string ParameterName { get; }
}
