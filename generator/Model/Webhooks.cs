// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using LiveAvatarGen.Generator.Infrastructure;

namespace LiveAvatarGen.Generator.Model;

/// <summary>
/// The spec's <c>webhooks</c> (OpenAPI 3.1): requests the API provider sends to the consumer. They give a reader
/// per webhook, a typed event for any event name, handlers to dispatch to and, with ASP.NET Core, an endpoint.
/// </summary>
/// <param name="HintPrefix">The spec's hint prefix (namespace and client), like every other output of the spec.</param>
/// <param name="Namespace">The C# namespace.</param>
/// <param name="ReaderName">The static class with the readers (<c>{Stem}Webhooks</c>), named by the type registry.</param>
/// <param name="EventName">The abstract class of the typed events (<c>{Stem}WebhookEvent</c>); one nested class per webhook.</param>
/// <param name="HandlersName">The class of the handlers (<c>{Stem}WebhookHandlers</c>).</param>
/// <param name="EndpointsName">The ASP.NET Core extension class (<c>{Stem}WebhookEndpoints</c>), emitted only when ASP.NET Core is referenced.</param>
/// <param name="MapMethodName">The extension method that maps the endpoint (<c>Map{Stem}Webhooks</c>).</param>
/// <param name="EventHeader">
/// The request header that names the event, when every webhook declares it with one fixed value (<c>const</c> or a
/// one-value <c>enum</c>) and the values differ; null when events are told apart by their webhook names only.
/// </param>
/// <param name="Webhooks">The webhooks in ordinal order of their names.</param>
internal sealed record WebhooksModel(
    string HintPrefix,
    string Namespace,
    string ReaderName,
    string EventName,
    string HandlersName,
    string EndpointsName,
    string MapMethodName,
    string? EventHeader,
    EquatableArray<WebhookModel> Webhooks);

/// <summary>How a webhook's request body is handed over.</summary>
internal enum WebhookBodyKind
{
    /// <summary>The webhook declares no request body: the event alone is the news.</summary>
    None,

    /// <summary>A JSON body, read by the generated reader of its type.</summary>
    Json,

    /// <summary>Any other media type: the body's bytes, unread (reported as LAG2007).</summary>
    Raw,
}

/// <summary>One webhook.</summary>
/// <param name="Name">The webhook's name in the spec (the key under <c>webhooks</c>).</param>
/// <param name="Event">The event name that selects it: the event header's fixed value, else <paramref name="Name"/>.</param>
/// <param name="MemberName">
/// The C# name for everything of this webhook: its event class, its handler property, its <c>Events</c> constant and
/// (with <c>Read</c> in front) its reader; named by one registry per spec that reserves the generated members.
/// </param>
/// <param name="BodyKind">How the body is handed over.</param>
/// <param name="Payload">The payload's type for JSON bodies (nullable when the body is optional); null otherwise.</param>
/// <param name="Documentation">The operation's summary and description.</param>
/// <param name="IsDeprecated">The operation is deprecated.</param>
internal sealed record WebhookModel(string Name, string Event, string MemberName, WebhookBodyKind BodyKind, TypeRef? Payload, string? Documentation, bool IsDeprecated);
