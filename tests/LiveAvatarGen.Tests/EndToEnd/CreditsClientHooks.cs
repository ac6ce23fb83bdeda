// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System.Linq;
using System.Net.Http;

namespace Credits.Api;

/// <summary>
/// The hooks of the client generated from credits.openapi.json, implemented as a user would: in another part of
/// the partial class. Every request gets the operation's name in a header; every response's status and request ID
/// are kept.
/// </summary>
public sealed partial class LiveAvatarClient
{
    private int _requestsPrepared;

    /// <summary>How many requests the hook has prepared.</summary>
    public int RequestsPrepared => _requestsPrepared;

    /// <summary>The status of the last response, seen before its body was read.</summary>
    public int? LastStatusCode { get; private set; }

    /// <summary>The X-Request-Id header of the last response.</summary>
    public string? LastRequestId { get; private set; }

    partial void PrepareRequest(HttpRequestMessage request, string operationName)
    {
        System.Threading.Interlocked.Increment(ref _requestsPrepared);
        request.Headers.Add("X-Operation", operationName);
    }

    partial void ProcessResponse(HttpResponseMessage response, string operationName)
    {
        LastStatusCode = (int)response.StatusCode;
        LastRequestId = response.Headers.TryGetValues("X-Request-Id", out System.Collections.Generic.IEnumerable<string>? values) ? values.FirstOrDefault() : null;
    }
}
