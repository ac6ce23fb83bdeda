// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;

namespace LiveAvatarGen.Runtime.Errors;

/// <summary>
/// A response body was not the JSON the spec describes: malformed or truncated JSON, a wrong token type,
/// a missing required member, or a null where the spec allows none.
/// </summary>
public sealed class ApiResponseFormatException : ApiDataException
{
    /// <summary>Creates the exception.</summary>
    public ApiResponseFormatException(string detail, Exception? innerException = null)
        : base(detail, innerException)
    {
    }
}
