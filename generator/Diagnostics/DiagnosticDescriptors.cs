// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace LiveAvatarGen.Generator.Diagnostics;

/// <summary>
/// Every diagnostic the generator reports. Ranges: LAG0xxx configuration, LAG1xxx invalid document,
/// LAG2xxx unsupported construct (generated with a fallback), LAG3xxx naming.
/// Error means the element was skipped; warning means it was generated in a degraded form.
/// </summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "LiveAvatarGen";
    private const string HelpBase = "https://github.com/liveavatargen/liveavatargen/blob/main/docs/diagnostics/";

    /// <summary>LAG0001: the generated code needs the LiveAvatarGen.Runtime assembly.</summary>
    public static readonly DiagnosticDescriptor RuntimeMissing = Create(
        "LAG0001", "LiveAvatarGen.Runtime is not referenced", "The client generated from '{0}' needs the LiveAvatarGen.Runtime assembly; reference the LiveAvatarGen.Runtime package", DiagnosticSeverity.Error);

    /// <summary>LAG0002: the generated code needs C# 11 or later.</summary>
    public static readonly DiagnosticDescriptor LanguageVersionTooLow = Create(
        "LAG0002", "C# 11 or later is required", "The client generated from '{0}' needs C# 11 or later; set <LangVersion>11</LangVersion> or higher", DiagnosticSeverity.Error);

    /// <summary>LAG0003: two specs would generate the same client.</summary>
    public static readonly DiagnosticDescriptor DuplicateClient = Create(
        "LAG0003", "Two specs generate the same client", "The spec '{0}' generates client '{1}', which another spec in this project also generates; neither is generated until OpenApiClientName or OpenApiNamespace tells them apart", DiagnosticSeverity.Error);

    /// <summary>LAG0004: System.Net.Http is not referenced (a .NET Framework project must reference it itself).</summary>
    public static readonly DiagnosticDescriptor HttpClientMissing = Create(
        "LAG0004", "System.Net.Http is not referenced", "The client generated from '{0}' needs System.Net.Http.HttpClient; a .NET Framework project references it with <Reference Include=\"System.Net.Http\" />", DiagnosticSeverity.Error);

    /// <summary>LAG1001: the file is not a readable OpenAPI document.</summary>
    public static readonly DiagnosticDescriptor UnreadableDocument = Create(
        "LAG1001", "The spec cannot be read", "The spec '{0}' cannot be read: {1}", DiagnosticSeverity.Error);

    /// <summary>LAG1002: the OpenAPI reader reported a problem; generation went on.</summary>
    public static readonly DiagnosticDescriptor ReaderProblem = Create(
        "LAG1002", "The OpenAPI reader reported a problem", "{0}: {1}", DiagnosticSeverity.Warning);

    /// <summary>LAG1003: Swagger 2.0 and unknown versions are declined.</summary>
    public static readonly DiagnosticDescriptor UnsupportedVersion = Create(
        "LAG1003", "Unsupported OpenAPI version", "The spec '{0}' is {1}, which is not supported: convert it to OpenAPI 3.0 or later (for Swagger 2.0, for example with swagger2openapi); no client was generated from it", DiagnosticSeverity.Error);

    /// <summary>LAG1004: a reference could not be resolved.</summary>
    public static readonly DiagnosticDescriptor UnresolvedReference = Create(
        "LAG1004", "Unresolved reference", "{0}: the reference '{1}' cannot be resolved; the value is typed as JsonElement", DiagnosticSeverity.Warning);

    /// <summary>LAG1005: a pattern is not a valid regular expression.</summary>
    public static readonly DiagnosticDescriptor InvalidPattern = Create(
        "LAG1005", "Invalid pattern", "{0}: the pattern '{1}' is not a valid regular expression ({2}); it is not enforced", DiagnosticSeverity.Warning);

    /// <summary>LAG1006: an unexpected failure inside the generator, turned into a diagnostic so the build goes on.</summary>
    public static readonly DiagnosticDescriptor InternalError = Create(
        "LAG1006", "The generator failed on this spec", "The generator failed on '{0}': {1}; please report this with the spec", DiagnosticSeverity.Error);

    /// <summary>LAG2001: a construct is not supported and was generated in a degraded form.</summary>
    public static readonly DiagnosticDescriptor UnsupportedConstruct = Create(
        "LAG2001", "Unsupported construct", "{0}: {1}", DiagnosticSeverity.Warning);

    /// <summary>LAG2002: callbacks and ignored header parameters produce no client code.</summary>
    public static readonly DiagnosticDescriptor Skipped = Create(
        "LAG2002", "Element skipped", "{0}: {1} are not generated", DiagnosticSeverity.Info);

    /// <summary>LAG2003: a schema keyword with no C# counterpart; the generated type does not enforce it.</summary>
    public static readonly DiagnosticDescriptor KeywordNotEnforced = Create(
        "LAG2003", "Schema keyword not enforced", "{0}: '{1}' is not enforced by the generated type ({2})", DiagnosticSeverity.Info);

    /// <summary>LAG2005: an include/exclude filter entry matches no operation of the spec.</summary>
    public static readonly DiagnosticDescriptor FilterMatchesNothing = Create(
        "LAG2005", "Filter matches nothing", "{0}: '{1}' matches no operation of the spec", DiagnosticSeverity.Warning);

    /// <summary>LAG2010: an oauth2 clientCredentials flow the client cannot use to fetch tokens (no usable tokenUrl).</summary>
    public static readonly DiagnosticDescriptor ClientCredentialsUnusable = Create(
        "LAG2010", "OAuth2 client credentials flow not usable", "{0}: the clientCredentials flow of '{1}' {2}; its access token has to be set in the options", DiagnosticSeverity.Warning);

    /// <summary>LAG2004: same-shaped schemas became one generic type.</summary>
    public static readonly DiagnosticDescriptor GenericFamily = Create(
        "LAG2004", "Schemas merged into one generic type", "{0}: the schemas {1} differ only in one type and became {2}", DiagnosticSeverity.Info);

    /// <summary>LAG2007: a webhook's body is not JSON; its handler gets the bytes unread.</summary>
    public static readonly DiagnosticDescriptor WebhookPayloadNotTyped = Create(
        "LAG2007", "Webhook payload not typed", "{0}: {1}", DiagnosticSeverity.Warning);

    /// <summary>LAG2008: a webhook operation is not generated (none declared, or one besides the webhook's request).</summary>
    public static readonly DiagnosticDescriptor WebhookOperationSkipped = Create(
        "LAG2008", "Webhook operation not generated", "{0}: {1}", DiagnosticSeverity.Warning);

    /// <summary>LAG2009: fixed header values do not tell the webhooks apart, so events go by webhook name.</summary>
    public static readonly DiagnosticDescriptor WebhookEventHeaderNotUsed = Create(
        "LAG2009", "Webhook event header not used", "{0}: {1}", DiagnosticSeverity.Info);
    /// <summary>LAG1007: an overlay file is not an Overlay 1.0 document; it is not applied.</summary>
    public static readonly DiagnosticDescriptor InvalidOverlay = Create(
        "LAG1007", "Invalid overlay", "The overlay '{0}' is not a valid Overlay 1.0 document: {1}; it was not applied", DiagnosticSeverity.Error);

    /// <summary>LAG1008: an overlay action cannot be applied (no target, a bad JSONPath, an update that cannot merge).</summary>
    public static readonly DiagnosticDescriptor OverlayActionSkipped = Create(
        "LAG1008", "Overlay action not applied", "{0}: {1}", DiagnosticSeverity.Warning);

    /// <summary>LAG1009: an overlay could not be applied at all (a named file not found, a spec that is not JSON or YAML).</summary>
    public static readonly DiagnosticDescriptor OverlayNotApplied = Create(
        "LAG1009", "Overlay not applied", "The overlay '{0}' for the spec '{1}' was not applied: {2}", DiagnosticSeverity.Error);

    /// <summary>LAG2006: an overlay action's target selects nothing in the spec.</summary>
    public static readonly DiagnosticDescriptor OverlayTargetMatchesNothing = Create(
        "LAG2006", "Overlay target matches nothing", "{0}: the target '{1}' matches nothing in the spec; the action changed nothing", DiagnosticSeverity.Warning);

    private static readonly Dictionary<string, DiagnosticDescriptor> s_byId = new()
    {
        [RuntimeMissing.Id] = RuntimeMissing,
        [LanguageVersionTooLow.Id] = LanguageVersionTooLow,
        [DuplicateClient.Id] = DuplicateClient,
        [HttpClientMissing.Id] = HttpClientMissing,
        [UnreadableDocument.Id] = UnreadableDocument,
        [ReaderProblem.Id] = ReaderProblem,
        [UnsupportedVersion.Id] = UnsupportedVersion,
        [UnresolvedReference.Id] = UnresolvedReference,
        [InvalidPattern.Id] = InvalidPattern,
        [InternalError.Id] = InternalError,
        [UnsupportedConstruct.Id] = UnsupportedConstruct,
        [Skipped.Id] = Skipped,
        [KeywordNotEnforced.Id] = KeywordNotEnforced,
        [GenericFamily.Id] = GenericFamily,
        [FilterMatchesNothing.Id] = FilterMatchesNothing,
        [WebhookPayloadNotTyped.Id] = WebhookPayloadNotTyped,
        [WebhookOperationSkipped.Id] = WebhookOperationSkipped,
        [WebhookEventHeaderNotUsed.Id] = WebhookEventHeaderNotUsed,
        [ClientCredentialsUnusable.Id] = ClientCredentialsUnusable,
        [InvalidOverlay.Id] = InvalidOverlay,
        [OverlayActionSkipped.Id] = OverlayActionSkipped,
        [OverlayNotApplied.Id] = OverlayNotApplied,
        [OverlayTargetMatchesNothing.Id] = OverlayTargetMatchesNothing,
    };

    /// <summary>All descriptors, for tests and docs.</summary>
    public static IReadOnlyCollection<DiagnosticDescriptor> All => s_byId.Values;

    public static DiagnosticDescriptor ById(string id) => s_byId[id];

    private static DiagnosticDescriptor Create(string id, string title, string message, DiagnosticSeverity severity)
    {
        return new DiagnosticDescriptor(id, title, message, Category, severity, isEnabledByDefault: true, helpLinkUri: HelpBase + id + ".md");
    }
}
