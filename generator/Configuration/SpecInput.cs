// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using LiveAvatarGen.Generator.Infrastructure;

namespace LiveAvatarGen.Generator.Configuration;

/// <summary>One spec file with its options; the first pipeline value, with the AdditionalText already dropped.</summary>
/// <param name="Path">The file's path, for diagnostics.</param>
/// <param name="Text">The file's text; null if it could not be read.</param>
/// <param name="Namespace">The namespace for generated code.</param>
/// <param name="ClientName">The client class name from <c>OpenApiClientName</c>, or null to derive it from <c>info.title</c>.</param>
/// <param name="GroupByTag">From <c>OpenApiGroupByTag</c>: one sub-client per tag (true unless set to false), else every method on the client.</param>
/// <param name="Filter">Which operations to generate (<see cref="SpecFilter"/>); null for all.</param>
/// <param name="OverlayRequests">The overlays the spec asks for, by convention and by <c>OpenApiOverlays</c> (<see cref="SpecOverlays"/>).</param>
/// <param name="Overlays">The overlays to apply, in order, with their texts (<see cref="SpecOverlays.Attach"/>).</param>
internal sealed record SpecInput(
    string Path,
    string? Text,
    string Namespace,
    string? ClientName,
    bool GroupByTag = true,
    SpecFilter? Filter = null,
    EquatableArray<OverlayRequest> OverlayRequests = default,
    EquatableArray<OverlayFile> Overlays = default);
