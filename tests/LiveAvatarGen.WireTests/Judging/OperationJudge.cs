// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using LiveAvatarGen.Runtime.Errors;
using LiveAvatarGen.WireTests.Prism;
using LiveAvatarGen.WireTests.Spec;

namespace LiveAvatarGen.WireTests.Judging;

/// <summary>
/// Makes one call through the generated client and decides whose fault anything that went wrong was.
/// The order of the questions matters: a request violation outranks whatever happened to the answer (Prism answers
/// a bad request with a made-up 4xx, so the answer says nothing about the client's reading), and only an answer that
/// is valid against the spec can convict the client of not reading it.
/// </summary>
internal sealed class OperationJudge
{
    /// <summary>Prism's own errors (no route, no example it can serve…) come as problem+json with a type under this address.</summary>
    private const string PrismErrorType = "https://stoplight.io/prism/errors#";

    private readonly SchemaValidator _validator;
    private readonly WireRecorder _recorder;

    private readonly PrismMode _mode;

    public OperationJudge(SchemaValidator validator, WireRecorder recorder, PrismMode mode)
    {
        _validator = validator;
        _recorder = recorder;
        _mode = mode;
    }

    public async Task<CallResult> CallAsync(object client, MethodInfo method, WireOperation operation, object?[] arguments)
    {
        int before = _recorder.Exchanges.Count;
        Exception? thrown = null;
        try
        {
            object? returned = method.Invoke(client, arguments);
            if (returned is Task task)
            {
                await task.ConfigureAwait(false);
            }
            else if (returned is not null)
            {
                await DrainStreamAsync(returned).ConfigureAwait(false);
            }
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            thrown = e.InnerException;
        }
        catch (Exception e)
        {
            thrown = e;
        }

        List<WireExchange> exchanges = _recorder.Exchanges.Skip(before).ToList();
        CallResult result = new(operation.Key, Verdict.Passed, FailureCategory.None, string.Empty);
        if (exchanges.Count == 0)
        {
            // Nothing reached Prism: the client refused or broke before sending.
            return thrown is null
                ? result with { Verdict = Verdict.Failed, Category = FailureCategory.Unmapped, Detail = "the call returned without sending a request" }
                : thrown is ApiConnectionException or ApiTimeoutException
                    ? result with { Verdict = Verdict.Failed, Category = FailureCategory.Transport, Detail = Describe(thrown) }
                : Ours(thrown)
                    ? result with { Verdict = Verdict.Failed, Category = FailureCategory.ArgumentRefused, Detail = "refused before sending: " + Describe(thrown) }
                    : result with { Verdict = Verdict.Failed, Category = FailureCategory.ForeignException, Detail = "before sending: " + Describe(thrown) };
        }

        WireExchange last = exchanges[^1];
        string wire = " [" + last.Method + " " + last.Uri + " → " + last.Status + "]";

        // 1. The request. A violation of a request built from spec-valid values is the client's doing.
        // Prism puts them in sl-violations, or, when the spec documents no 400/422 for it to answer with, in the
        // "validation" list of its own 422 problem.
        string[] requestViolations = exchanges.SelectMany(x => x.Violations.Concat(ProblemViolations(x))).Where(v => v.IsAboutRequest && v.Severity == "Error").Select(v => v.ToString()).Distinct(StringComparer.Ordinal).ToArray();
        if (requestViolations.Length > 0)
        {
            return result with { Verdict = Verdict.Failed, Category = FailureCategory.RequestViolation, Detail = string.Join(" | ", requestViolations) + wire + RequestShown(last) };
        }

        if (PrismError(last) is { } prismError)
        {
            // No route or no method is the client's doing (wrong path or verb); 401/403 means the credentials were not where
            // the spec's security says. Other Prism errors (no example it can serve, a schema it cannot fake) are Prism's.
            bool route = prismError.Contains("NO_PATH_MATCHED", StringComparison.Ordinal) || prismError.Contains("NO_METHOD_MATCHED", StringComparison.Ordinal) || prismError.Contains("NO_SERVER_MATCHED", StringComparison.Ordinal);
            bool security = last.Status is 401 or 403 && !operation.Documents(last.Status);
            return route || security
                ? result with { Verdict = Verdict.Failed, Category = FailureCategory.WrongRoute, Detail = prismError + wire + RequestShown(last) }
                : result with { Verdict = Verdict.NotJudged, Detail = "Prism could not answer: " + prismError + wire };
        }

        // 2. The exception, if any.
        if (thrown is null)
        {
            // The request line is the evidence of what was proven (styles, places, encodings).
            return result with { Detail = last.Method + " " + new Uri(last.Uri).PathAndQuery + " → " + last.Status };
        }

        if (!Ours(thrown))
        {
            return result with { Verdict = Verdict.Failed, Category = FailureCategory.ForeignException, Detail = Describe(thrown) + wire + ResponseShown(last) };
        }

        if (thrown is ApiException api && api.StatusCode == last.Status && operation.Documents(last.Status) && !Successful(last.Status))
        {
            // Prism serves a documented error when the operation documents no success (or picks one it was asked for): the
            // client turned it into its ApiException, typed when the spec gives the body a schema. That is reading it right.
            return result with { Detail = "documented " + last.Status + " answered as " + thrown.GetType().Name };
        }

        if (thrown is ApiEnvelopeException && AnswerProblems(operation, last) is null)
        {
            // The answer is a valid envelope whose data is absent: the client says so by design.
            return result with { Detail = "valid envelope without data: " + thrown.Message };
        }

        // 3. The client could not read the answer: whose fault is it?
        if (AnswerProblems(operation, last) is { } problems)
        {
            // Static answers are the spec's own examples: an invalid one is a defect of the spec. Dynamic ones come from
            // Prism's faker, which does not honour every keyword (formats, nullability): an invalid one is Prism's.
            string whose = _mode == PrismMode.Static ? "the spec's example is invalid against its schema" : "Prism generated an answer invalid against the schema";
            return result with { Verdict = Verdict.SpecDefect, Detail = whose + " (" + problems + "), and the client said: " + Describe(thrown) + wire };
        }

        return result with { Verdict = Verdict.Failed, Category = FailureCategory.ResponseUnreadable, Detail = Describe(thrown) + wire + ResponseShown(last) };
    }

    /// <summary>Reads a streaming method's IAsyncEnumerable&lt;T&gt; to the end (at most a few hundred items), as a caller would.</summary>
    private static async Task DrainStreamAsync(object stream)
    {
        Type enumerable = stream.GetType().GetInterfaces().Single(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IAsyncEnumerable<>));
        Type enumeratorType = typeof(IAsyncEnumerator<>).MakeGenericType(enumerable.GetGenericArguments());
        object enumerator = enumerable.GetMethod(nameof(IAsyncEnumerable<int>.GetAsyncEnumerator))!.Invoke(stream, new object[] { System.Threading.CancellationToken.None })!;
        MethodInfo moveNext = enumeratorType.GetMethod(nameof(IAsyncEnumerator<int>.MoveNextAsync))!;
        try
        {
            for (int i = 0; i < 500 && await ((ValueTask<bool>)moveNext.Invoke(enumerator, null)!).ConfigureAwait(false); i++)
            {
            }
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
        }
        finally
        {
            await ((IAsyncDisposable)enumerator).DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>"Ours": the exceptions LiveAvatarGen.Runtime declares; anything else escaping the client is a bug.</summary>
    private static bool Ours(Exception e) => e.GetType().Namespace?.StartsWith("LiveAvatarGen.Runtime", StringComparison.Ordinal) == true;

    private static bool Successful(int status) => status is >= 200 and <= 299;

    private static IEnumerable<PrismViolation> ProblemViolations(WireExchange exchange)
    {
        if (exchange.Status != 422 || !exchange.ResponseBody.Contains(PrismErrorType + "UNPROCESSABLE_ENTITY", StringComparison.Ordinal))
        {
            return Array.Empty<PrismViolation>();
        }

        try
        {
            using JsonDocument body = JsonDocument.Parse(exchange.ResponseBody);
            // Its locations start at the part ("body", "query"…); they are all about the request.
            return body.RootElement.TryGetProperty("validation", out JsonElement list)
                ? WireRecorder.ParseViolations(list.GetRawText()).Select(v => v with { Location = "request." + v.Location }).ToList()
                : Array.Empty<PrismViolation>();
        }
        catch (JsonException)
        {
            return Array.Empty<PrismViolation>();
        }
    }

    private static string? PrismError(WireExchange exchange)
    {
        if (exchange.Status < 400 || !exchange.ResponseBody.Contains(PrismErrorType, StringComparison.Ordinal))
        {
            return null;
        }

        try
        {
            JsonNode? body = JsonNode.Parse(exchange.ResponseBody);
            return ((string?)body?["type"])?.Replace(PrismErrorType, string.Empty, StringComparison.Ordinal) + ": " + (string?)body?["title"] + ((string?)body?["detail"] is { Length: > 0 } detail ? " (" + detail + ")" : string.Empty);
        }
        catch (JsonException)
        {
            return exchange.ResponseBody;
        }
    }

    /// <summary>
    /// Why the answer is invalid against the spec, or null when it is valid (or the spec gives no schema to check it by).
    /// The answer is checked against the schema of the documented response its status and media type select.
    /// </summary>
    private string? AnswerProblems(WireOperation operation, WireExchange exchange)
    {
        IReadOnlyList<WireResponse> candidates = operation.ResponsesFor(exchange.Status);
        if (candidates.Count == 0)
        {
            return "status " + exchange.Status + " is not documented";
        }

        string mediaType = exchange.ResponseContentType?.Split(';')[0].Trim() ?? string.Empty;
        WireResponse? response = candidates.FirstOrDefault(r => string.Equals(r.MediaType, mediaType, StringComparison.OrdinalIgnoreCase)) ?? candidates[0];
        if (response.SchemaPointer is null || !IsJson(response.MediaType ?? string.Empty))
        {
            return null;
        }

        JsonNode? body;
        try
        {
            body = exchange.ResponseBody.Length == 0 ? null : JsonNode.Parse(exchange.ResponseBody);
        }
        catch (JsonException e)
        {
            return "the body is not JSON: " + e.Message;
        }

        return _validator.Problems(response.SchemaPointer, body);
    }

    private static bool IsJson(string mediaType)
    {
        string type = mediaType.Split(';')[0].Trim().ToLowerInvariant();
        return type == "application/json" || type.EndsWith("+json", StringComparison.Ordinal) || type.EndsWith("/json", StringComparison.Ordinal);
    }

    private static string Describe(Exception e)
    {
        string text = e.GetType().FullName + ": " + e.Message;
        return text.Length > 400 ? text.Substring(0, 400) + "…" : text;
    }

    private static string RequestShown(WireExchange exchange)
    {
        string body = exchange.RequestBody is { Length: > 0 } b ? (b.Length > 300 ? b.Substring(0, 300) + "…" : b) : "(no body)";
        return "\n      request headers: " + exchange.RequestHeaders.Replace("\n", "; ", StringComparison.Ordinal) + "\n      request body: " + body;
    }

    private static string ResponseShown(WireExchange exchange)
    {
        string body = exchange.ResponseBody.Length > 300 ? exchange.ResponseBody.Substring(0, 300) + "…" : exchange.ResponseBody;
        return "\n      response (" + exchange.ResponseContentType + "): " + body;
    }
}
