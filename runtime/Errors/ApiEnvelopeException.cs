// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;

namespace LiveAvatarGen.Runtime.Errors;

/// <summary>
/// A response envelope (<c>{code, data, message}</c>) carried no data where the caller asked for it.
/// It keeps the envelope's code and message, which say why.
/// </summary>
public sealed class ApiEnvelopeException : ApiClientException
{
    /// <summary>Creates the exception.</summary>
    public ApiEnvelopeException(int code, string? envelopeMessage)
        : base($"The response envelope has no data (code {code.ToString(System.Globalization.CultureInfo.InvariantCulture)}): {envelopeMessage ?? "no message"}", null)
    {
        Code = code;
        EnvelopeMessage = envelopeMessage;
    }

    /// <summary>The envelope's <c>code</c>.</summary>
    public int Code { get; }

    /// <summary>The envelope's <c>message</c>.</summary>
    public string? EnvelopeMessage { get; }
}
