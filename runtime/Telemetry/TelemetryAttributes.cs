// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

namespace LiveAvatarGen.Runtime.Telemetry;

/// <summary>
/// The attribute names a call's span and duration carry: OpenTelemetry's semantic conventions for HTTP clients, plus
/// the operation's <c>operationId</c>, for which the conventions have no name.
/// </summary>
internal static class TelemetryAttributes
{
    public const string RequestMethod = "http.request.method";
    public const string RequestMethodOriginal = "http.request.method_original";
    public const string UrlTemplate = "url.template";
    public const string UrlFull = "url.full";
    public const string ServerAddress = "server.address";
    public const string ServerPort = "server.port";
    public const string ResponseStatusCode = "http.response.status_code";
    public const string ErrorType = "error.type";

    /// <summary>The spec's <c>operationId</c>: what the operation is called in the OpenAPI document.</summary>
    public const string OperationId = "openapi.operation.id";
}
