// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

namespace LiveAvatarGen.Generator.Configuration;

/// <summary>One spec file with its options; the first pipeline value, with the AdditionalText already dropped.</summary>
/// <param name="Path">The file's path, for diagnostics.</param>
/// <param name="Text">The file's text; null if it could not be read.</param>
/// <param name="Namespace">The namespace for generated code.</param>
/// <param name="ClientName">The client class name from <c>OpenApiClientName</c>, or null to derive it from <c>info.title</c>.</param>
/// <param name="GroupByTag">From <c>OpenApiGroupByTag</c>: one sub-client per tag (true unless set to false), else every method on the client.</param>
/// <param name="Filter">Which operations to generate (<see cref="SpecFilter"/>); null for all.</param>
internal sealed record SpecInput(string Path, string? Text, string Namespace, string? ClientName, bool GroupByTag = true, SpecFilter? Filter = null);
