// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace LiveAvatarGen.WireTests.Prism;

/// <summary>One problem Prism found, from its <c>sl-violations</c> header.</summary>
/// <param name="Location">Where, such as <c>request.query.limit</c> or <c>response.body</c>.</param>
internal sealed record PrismViolation(string Location, string Severity, string Code, string Message)
{
    /// <summary>A request violation: the part the client sent is at fault, not the answer Prism made up.</summary>
    public bool IsAboutRequest => Location.StartsWith("request", StringComparison.Ordinal);

    public override string ToString() => Severity + " at " + Location + " (" + Code + "): " + Message;
}

/// <summary>What went over the wire for one request.</summary>
internal sealed record WireExchange(
    string Method,
    string Uri,
    string RequestHeaders,
    string? RequestBody,
    int Status,
    string? ResponseContentType,
    string ResponseBody,
    IReadOnlyList<PrismViolation> Violations);

/// <summary>
/// Sits between the generated client and the socket: keeps each request and response (bodies buffered, so the client
/// still reads them) and Prism's <c>sl-violations</c> header. Without <c>--errors</c> Prism reports every request
/// violation in that header (as a JSON array of {location, severity, code, message}) instead of refusing the call.
/// </summary>
internal sealed class WireRecorder : DelegatingHandler
{
    private readonly List<WireExchange> _exchanges = new();

    public WireRecorder()
        : base(new SocketsHttpHandler { AllowAutoRedirect = false })
    {
    }

    public IReadOnlyList<WireExchange> Exchanges
    {
        get
        {
            lock (_exchanges)
            {
                return _exchanges.ToList();
            }
        }
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        string? requestBody = null;
        string requestHeaders = string.Join("\n", request.Headers.Select(h => h.Key + ": " + string.Join(", ", h.Value)));
        if (request.Content is { } content)
        {
            await content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
            requestBody = await content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            requestHeaders += "\n" + string.Join("\n", content.Headers.Select(h => h.Key + ": " + string.Join(", ", h.Value)));
        }

        HttpResponseMessage response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
        string responseBody = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        List<PrismViolation> violations = response.Headers.TryGetValues("sl-violations", out IEnumerable<string>? values)
            ? values.SelectMany(ParseViolations).ToList()
            : new List<PrismViolation>();
        WireExchange exchange = new(
            request.Method.Method,
            request.RequestUri?.ToString() ?? string.Empty,
            requestHeaders,
            requestBody,
            (int)response.StatusCode,
            response.Content.Headers.ContentType?.ToString(),
            responseBody,
            violations);
        lock (_exchanges)
        {
            _exchanges.Add(exchange);
        }

        return response;
    }

    public static IEnumerable<PrismViolation> ParseViolations(string header)
    {
        using JsonDocument document = JsonDocument.Parse(header);
        foreach (JsonElement item in document.RootElement.EnumerateArray())
        {
            string location = item.TryGetProperty("location", out JsonElement path) && path.ValueKind == JsonValueKind.Array
                ? string.Join(".", path.EnumerateArray().Select(p => p.ToString()))
                : string.Empty;
            yield return new PrismViolation(
                location,
                item.TryGetProperty("severity", out JsonElement severity) ? severity.ToString() : string.Empty,
                item.TryGetProperty("code", out JsonElement code) ? code.ToString() : string.Empty,
                item.TryGetProperty("message", out JsonElement message) ? message.ToString() : string.Empty);
        }
    }
}
