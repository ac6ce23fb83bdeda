// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

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
    /// A <c>spaceDelimited</c> form field joins its items with a space, percent-encoded (<c>Spaces=3%204</c>, as
    /// OpenAPI's style table shows); Prism 5.16 does not split it back into items and reports "Spaces.0 must be
    /// integer". The other violations on the same call are the form misreading below.
    /// </summary>
    private const string SpaceDelimitedForm = "Prism does not split a spaceDelimited form field (sent as 3%204) into items";

    /// <summary>Per-operation limitations; the form and multipart misreading is judged by class (below).</summary>
    public static IReadOnlyList<PrismLimitation> All { get; } = new PrismLimitation[]
    {
        new("constructs.openapi.yaml", "submitEncodedForm", FailureCategory.RequestViolation, SpaceDelimitedForm),
    };

    /// <summary>
    /// Prism 5.16 reads form and multipart bodies without OpenAPI's encoding defaults: an array sent as repeated keys
    /// or parts (style form, explode true, the default; what Twilio's own API expects) arrives as a string, and an
    /// object sent as an <c>application/json</c> part as a string, so it reports "must be array" / "must be object"
    /// for requests that follow the spec. The loopback tests (<c>WireRequestEndToEndTests</c>) check what the client
    /// sends for each encoding; here such a call is "not judged" when every violation is of this one kind.
    /// </summary>
    private const string FormEncodingDefaults = "Prism reads form and multipart bodies without the encoding defaults: arrays sent as repeated keys or parts, and objects sent as JSON parts, arrive as strings ('must be array'/'must be object')";

    private static readonly Regex s_violation = new(@"Error at (?<at>\S+) \((?<keyword>\w+)\): (?<message>[^\[;|]*?)(?= \[| \||;|$)", RegexOptions.CultureInvariant | RegexOptions.Multiline);

    /// <summary>What Prism says of a value it read as a string: an array, an object, or (for a nullable one, the anyOf's other branch) null was expected.</summary>
    private static readonly string[] s_misreadTypes = { "must be array", "must be object", "must be null" };

    public static PrismLimitation? Find(string spec, CallResult result)
    {
        if (result.Verdict != Verdict.Failed)
        {
            return null;
        }

        return All.FirstOrDefault(l => l.Spec == spec && l.Operation == result.Operation && l.Category == result.Category)
            ?? (IsFormEncodingMisread(result) ? new PrismLimitation(spec, result.Operation, result.Category, FormEncodingDefaults) : null);
    }

    private static bool IsFormEncodingMisread(CallResult result)
    {
        if (result.Category != FailureCategory.RequestViolation
            || !(result.Detail.Contains("Content-Type: application/x-www-form-urlencoded", StringComparison.Ordinal)
                 || result.Detail.Contains("Content-Type: multipart/form-data", StringComparison.Ordinal)))
        {
            return false;
        }

        MatchCollection violations = s_violation.Matches(result.Detail);
        return violations.Count > 0 && violations.All(v =>
            v.Groups["at"].Value.StartsWith("request.body.", StringComparison.Ordinal)
            && ((v.Groups["keyword"].Value == "type" && s_misreadTypes.Any(t => v.Groups["message"].Value.EndsWith(t, StringComparison.Ordinal)))
                || (v.Groups["keyword"].Value is "anyOf" or "oneOf" && v.Groups["message"].Value.Contains("must match", StringComparison.Ordinal))));
    }

    public static IEnumerable<PrismLimitation> For(string spec) => All.Where(l => l.Spec == spec);
}
