// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.ComponentModel;

namespace LiveAvatarGen.Runtime.Http;

/// <summary>
/// What a call's telemetry and hooks say about its operation, written once per operation as a static field of the
/// generated client: the names travel with every call without being built per call.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class ApiOperation
{
    /// <summary>Describes an operation.</summary>
    /// <param name="name">The client method's name without <c>Async</c>: what the request and response hooks receive.</param>
    /// <param name="operationId">The spec's <c>operationId</c>; null when the spec gives none.</param>
    /// <param name="method">The HTTP method as the spec writes it, upper case.</param>
    /// <param name="routeTemplate">The path as the spec writes it, parameters unexpanded (<c>/v1/avatars/{avatar_id}</c>).</param>
    public ApiOperation(string name, string? operationId, string method, string routeTemplate)
    {
        Name = name ?? throw new ArgumentNullException(nameof(name));
        OperationId = operationId;
        Method = method ?? throw new ArgumentNullException(nameof(method));
        RouteTemplate = routeTemplate ?? throw new ArgumentNullException(nameof(routeTemplate));
        MethodAttribute = TelemetryMethod(method);
        SpanName = (MethodAttribute == OtherMethod ? "HTTP" : MethodAttribute) + " " + routeTemplate;
    }

    /// <summary>The client method's name without <c>Async</c>.</summary>
    public string Name { get; }

    /// <summary>The spec's <c>operationId</c>, if any.</summary>
    public string? OperationId { get; }

    /// <summary>The HTTP method as the spec writes it.</summary>
    public string Method { get; }

    /// <summary>The path template as the spec writes it.</summary>
    public string RouteTemplate { get; }

    /// <summary>
    /// <c>http.request.method</c>: the method when OpenTelemetry's HTTP conventions know it, else <c>_OTHER</c> (so an
    /// unusual method cannot make the metric's dimensions unbounded).
    /// </summary>
    internal string MethodAttribute { get; }

    /// <summary>The span's name: <c>{method} {url.template}</c> (<c>HTTP {url.template}</c> for an unknown method).</summary>
    internal string SpanName { get; }

    internal const string OtherMethod = "_OTHER";

    /// <summary>The method as <c>http.request.method</c> spells it: the nine methods of RFC 9110 and PATCH, or <c>_OTHER</c>.</summary>
    internal static string TelemetryMethod(string method)
    {
        return method switch
        {
            "GET" or "HEAD" or "POST" or "PUT" or "DELETE" or "CONNECT" or "OPTIONS" or "TRACE" or "PATCH" => method,
            _ => OtherMethod,
        };
    }

    /// <inheritdoc/>
    public override string ToString() => Method + " " + RouteTemplate;
}
