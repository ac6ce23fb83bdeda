// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using LiveAvatarGen.Generator.Diagnostics;
using LiveAvatarGen.Generator.Infrastructure;

namespace LiveAvatarGen.Generator.Model;

/// <summary>
/// The whole parsed spec: everything the emitters need, nothing from Roslyn or Microsoft.OpenApi.
/// </summary>
/// <remarks>
/// This is a Roslyn incremental value, so it must be immutable and compare by value all the way down.
/// Only strings, primitives, enums, <see cref="EquatableArray{T}"/> and other such records may appear in it;
/// a test walks the object graph to enforce this.
/// </remarks>
/// <param name="Webhooks">The spec's webhooks; null when it has none.</param>
internal sealed record ApiSpec(ClientModel? Client, EquatableArray<TypeModel> Types, WebhooksModel? Webhooks = null);

/// <summary>The result of reading one spec file: the model (null when nothing could be generated) and the diagnostics.</summary>
internal sealed record ReadResult(string FilePath, ApiSpec? Spec, EquatableArray<DiagnosticInfo> Diagnostics);
