// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.Collections.Generic;
using System.Linq;
using LiveAvatarGen.WireTests.Prism;

namespace LiveAvatarGen.WireTests.Judging;

/// <summary>One failure the suite expects until the generator bug behind it is fixed.</summary>
/// <param name="Spec">The spec's file name, as the test cases name it.</param>
/// <param name="Operation">The operationId, or <c>METHOD /path</c>.</param>
/// <param name="Mode">Null when it fails in both modes.</param>
/// <param name="Reason">The bug, in words the fix's author will recognise.</param>
internal sealed record KnownFailure(string Spec, string Operation, FailureCategory Category, PrismMode? Mode, string Reason);

/// <summary>
/// The only place a wire failure may be excused. Each entry is a generator or runtime bug that is being fixed on
/// another branch; when its fix lands, the entry stops reproducing and the test fails until the entry is deleted,
/// so this list can only shrink honestly. It is meant to end empty.
/// </summary>
internal static class KnownFailures
{
    public static IReadOnlyList<KnownFailure> All { get; } = Array.Empty<KnownFailure>();

    public static KnownFailure? Find(string spec, PrismMode mode, CallResult result) => All.FirstOrDefault(k =>
        k.Spec == spec && k.Operation == result.Operation && k.Category == result.Category && (k.Mode is null || k.Mode == mode));

    public static IEnumerable<KnownFailure> For(string spec, PrismMode mode) => All.Where(k => k.Spec == spec && (k.Mode is null || k.Mode == mode));
}
