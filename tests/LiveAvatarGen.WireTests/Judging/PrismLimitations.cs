// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.Collections.Generic;
using System.Linq;

namespace LiveAvatarGen.WireTests.Judging;

/// <summary>A call Prism 5.16 cannot judge although the client's request follows the spec.</summary>
/// <param name="Spec">The spec's file name.</param>
/// <param name="Operation">The operationId, or <c>METHOD /path</c>.</param>
/// <param name="Evidence">Why the client is not at fault: what it sent, and what the spec and the RFCs say of it.</param>
internal sealed record PrismLimitation(string Spec, string Operation, FailureCategory Category, string Evidence);

/// <summary>
/// Failures that are Prism's, not the client's: each entry turns one failure into "not judged", with the evidence in
/// the report. Unlike <see cref="KnownFailures"/> these are not waiting for a fix in this repository. An entry that
/// stops reproducing fails the test like a stale known failure, so a Prism upgrade shrinks this list too.
/// </summary>
internal static class PrismLimitations
{
    /// <summary>
    /// .NET's MultipartFormDataContent writes <c>Content-Disposition: form-data; name=file; filename=wire.bin</c>
    /// with token (unquoted) parameters, which RFC 7578 §4.2 and RFC 2183 allow; Prism's parser (parse-multipart-data)
    /// runs JSON.parse on each parameter value and its process dies on the first unquoted one.
    /// </summary>
    private const string UnquotedMultipartParameters = "Prism dies parsing multipart: parse-multipart-data JSON.parses Content-Disposition parameters, and .NET writes them as (valid) unquoted tokens";

    /// <summary>
    /// OpenAPI's default for an array in a urlencoded body is style form, explode true: the key repeated
    /// (<c>scopes=a&amp;scopes=b</c>), which is what the client sends. Prism 5.16 reads the body without the encoding
    /// defaults and reports "must be array" (checked by hand with curl: it refuses the repeated key too).
    /// </summary>
    private const string RepeatedFormKeys = "Prism reads a urlencoded array sent as repeated keys (OpenAPI's default: form, explode) as a string and reports 'must be array'";

    public static IReadOnlyList<PrismLimitation> All { get; } = new PrismLimitation[]
    {
        new("constructs.openapi.yaml", "upload", FailureCategory.PrismCrashed, UnquotedMultipartParameters),
        new("fastapi-fullstack-template.json", "documents-create_document", FailureCategory.PrismCrashed, UnquotedMultipartParameters),
        new("openhands.json", "upload_files_api_conversations__conversation_id__upload_files_post", FailureCategory.PrismCrashed, UnquotedMultipartParameters),
        new("constructs.openapi.yaml", "submitForm", FailureCategory.RequestViolation, RepeatedFormKeys),
    };

    public static PrismLimitation? Find(string spec, CallResult result) => All.FirstOrDefault(l =>
        l.Spec == spec && l.Operation == result.Operation && l.Category == result.Category && result.Verdict == Verdict.Failed);

    public static IEnumerable<PrismLimitation> For(string spec) => All.Where(l => l.Spec == spec);
}
