// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using LiveAvatarGen.Generator.Diagnostics;
using LiveAvatarGen.Generator.Emitting;
using LiveAvatarGen.Generator.Infrastructure;
using LiveAvatarGen.Generator.Model;
using LiveAvatarGen.Generator.Naming;
using Microsoft.OpenApi;

namespace LiveAvatarGen.Generator.Parsing;

/// <summary>
/// Maps the spec's <c>webhooks</c> (OpenAPI 3.1) to <see cref="WebhooksModel"/>. Payloads go through the same
/// <see cref="SchemaMapper"/> as the client's bodies, so a <c>$ref</c>'d schema is one class for both.
/// </summary>
internal static class WebhookMapper
{
    /// <summary>Runs after the components and operations are mapped, so the spec's own names keep their spelling and ours take a suffix.</summary>
    public static WebhooksModel? Map(OpenApiDocument document, string hintPrefix, string ns, string clientName, SchemaMapper schemas, SpecLocator locator, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
    {
        if (document.Webhooks is not { Count: > 0 } webhooks)
        {
            return null;
        }

        // PetStoreClient -> PetStoreWebhooks, like the sub-clients' names, so two specs in one namespace stay apart.
        string stem = clientName.EndsWith("Client", StringComparison.Ordinal) ? clientName.Substring(0, clientName.Length - "Client".Length) : clientName;
        string readerName = schemas.ReserveTypeName(stem + "Webhooks");
        string eventName = schemas.ReserveTypeName(stem + "WebhookEvent");
        string handlersName = schemas.ReserveTypeName(stem + "WebhookHandlers");
        string endpointsName = schemas.ReserveTypeName(stem + "WebhookEndpoints");

        // One registry for every member named after a webhook: its event class, handler, constant and reader.
        NameRegistry members = new();
        foreach (string reserved in WebhookEmitter.Members.Concat(EmitterCommon.ObjectMembers).Concat(new[] { readerName, eventName, handlersName, endpointsName }))
        {
            members.Reserve(reserved);
        }

        List<WebhookModel> mapped = new();
        List<Dictionary<string, (string Header, string Value)>> fixedHeaders = new();
        foreach (KeyValuePair<string, IOpenApiPathItem> webhook in webhooks)
        {
            cancellationToken.ThrowIfCancellationRequested();
            string pointer = "#/webhooks/" + Escape(webhook.Key);
            if (Operation(webhook.Value, pointer, locator, diagnostics) is not { } chosen)
            {
                continue;
            }

            string operationPointer = pointer + "/" + chosen.Key.Method.ToLowerInvariant();
            string memberName = members.Claim(Identifiers.ToPascalCase(webhook.Key));
            (WebhookBodyKind kind, TypeRef? payload) = Body(chosen.Value, memberName, operationPointer, schemas, locator, diagnostics);
            mapped.Add(new WebhookModel(webhook.Key, webhook.Key, memberName, kind, payload, Documentation.Join(chosen.Value.Summary, chosen.Value.Description), chosen.Value.Deprecated));
            fixedHeaders.Add(FixedHeaders(webhook.Value!, chosen.Value));
        }

        string? header = EventHeader(fixedHeaders, locator, diagnostics);
        if (header is not null)
        {
            string key = header.ToLowerInvariant();
            mapped = mapped.Select((w, i) => w with { Event = fixedHeaders[i][key].Value }).ToList();
        }

        return new WebhooksModel(hintPrefix, ns, readerName, eventName, handlersName, endpointsName, "Map" + stem + "Webhooks", header, mapped.ToEquatableArray());
    }

    /// <summary>The POST operation, else the first one; every other operation of the path item is reported (LAG2008).</summary>
    private static KeyValuePair<HttpMethod, OpenApiOperation>? Operation(IOpenApiPathItem? pathItem, string pointer, SpecLocator locator, List<DiagnosticInfo> diagnostics)
    {
        List<KeyValuePair<HttpMethod, OpenApiOperation>> operations = pathItem?.Operations?.Where(o => o.Value is not null).ToList() ?? new List<KeyValuePair<HttpMethod, OpenApiOperation>>();
        if (operations.Count == 0)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.WebhookOperationSkipped, locator.Locate(pointer), pointer, "the webhook declares no operation; nothing is generated for it"));
            return null;
        }

        KeyValuePair<HttpMethod, OpenApiOperation> chosen = operations.FirstOrDefault(o => o.Key == HttpMethod.Post) is { Value: not null } post ? post : operations[0];
        foreach (KeyValuePair<HttpMethod, OpenApiOperation> other in operations.Where(o => o.Key != chosen.Key))
        {
            string otherPointer = pointer + "/" + other.Key.Method.ToLowerInvariant();
            diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.WebhookOperationSkipped,
                locator.Locate(otherPointer),
                otherPointer,
                "a webhook is one request; only its " + chosen.Key.Method.ToLowerInvariant() + " operation is generated"));
        }

        return chosen;
    }

    private static (WebhookBodyKind Kind, TypeRef? Payload) Body(OpenApiOperation operation, string memberName, string pointer, SchemaMapper schemas, SpecLocator locator, List<DiagnosticInfo> diagnostics)
    {
        if (References.Resolve(operation.RequestBody) is not { } body || ContentKinds.Pick(body.Content) is not { } content)
        {
            return (WebhookBodyKind.None, null);
        }

        if (ContentKinds.Of(content.Key) != ContentKind.Json)
        {
            diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.WebhookPayloadNotTyped,
                locator.Locate(pointer + "/requestBody"),
                pointer + "/requestBody",
                "the body is '" + content.Key + "', not JSON; the handler gets its bytes unread"));
            return (WebhookBodyKind.Raw, null);
        }

        TypeRef type = schemas.Map(content.Value?.Schema, memberName + "Payload", pointer + "/requestBody/content/" + Escape(content.Key) + "/schema");
        return (WebhookBodyKind.Json, body.Required ? type : type.AsNullable());
    }

    /// <summary>The header parameters with one fixed value (<c>const</c> or a one-value <c>enum</c>), by lower-cased name.</summary>
    private static Dictionary<string, (string Header, string Value)> FixedHeaders(IOpenApiPathItem pathItem, OpenApiOperation operation)
    {
        Dictionary<string, (string, string)> found = new(StringComparer.Ordinal);
        IEnumerable<IOpenApiParameter> parameters = (pathItem.Parameters ?? new List<IOpenApiParameter>()).Concat(operation.Parameters ?? new List<IOpenApiParameter>());
        foreach (IOpenApiParameter parameter in parameters.Where(p => p is not null).Select(References.Resolve))
        {
            if (parameter.In == Microsoft.OpenApi.ParameterLocation.Header && !string.IsNullOrWhiteSpace(parameter.Name) && parameter.Schema is { } schema && FixedValue(schema) is { } value)
            {
                found[parameter.Name!.ToLowerInvariant()] = (parameter.Name!, value);
            }
        }

        return found;
    }

    private static string? FixedValue(IOpenApiSchema schema)
    {
        if (SafeSchema.Get(schema, static s => s.Const, null) is { Length: > 0 } constant)
        {
            return constant;
        }

        IList<System.Text.Json.Nodes.JsonNode>? values = SafeSchema.Get(schema, static s => s.Enum, null);
        return values is { Count: 1 } && values[0] is System.Text.Json.Nodes.JsonValue single && single.TryGetValue(out string? text) && text.Length > 0 ? text : null;
    }

    /// <summary>
    /// The header every webhook declares with a fixed value, the values all different (the first such name in ordinal
    /// order); null when there is none. Fixed headers that fall short of that are reported (LAG2009): the events are
    /// then told apart by webhook name, which the sender may not send.
    /// </summary>
    private static string? EventHeader(List<Dictionary<string, (string Header, string Value)>> fixedHeaders, SpecLocator locator, List<DiagnosticInfo> diagnostics)
    {
        if (fixedHeaders.All(h => h.Count == 0))
        {
            return null;
        }

        foreach (string candidate in fixedHeaders.SelectMany(h => h.Keys).Distinct(StringComparer.Ordinal).OrderBy(k => k, StringComparer.Ordinal))
        {
            if (fixedHeaders.All(h => h.ContainsKey(candidate))
                && fixedHeaders.Select(h => h[candidate].Value).Distinct(StringComparer.Ordinal).Count() == fixedHeaders.Count)
            {
                return fixedHeaders[0][candidate].Header;
            }
        }

        string names = string.Join(", ", fixedHeaders.SelectMany(h => h.Values.Select(v => v.Header)).Distinct(StringComparer.OrdinalIgnoreCase).OrderBy(n => n, StringComparer.OrdinalIgnoreCase));
        diagnostics.Add(DiagnosticInfo.Create(
            DiagnosticDescriptors.WebhookEventHeaderNotUsed,
            locator.Locate("#/webhooks"),
            "#/webhooks",
            "the header " + names + " has a fixed value on some webhooks, but not on every one or not a different one on each; events are told apart by webhook name"));
        return null;
    }

    private static string Escape(string segment) => segment.Replace("~", "~0").Replace("/", "~1");
}
