// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

namespace LiveAvatarGen.Generator.Configuration;

/// <summary>An overlay to apply to a spec, as it travels in <see cref="SpecInput"/>: its text is part of the input, so editing it re-parses the spec.</summary>
/// <param name="Path">The overlay's path (the AdditionalFiles item's; for a named file not found, where it was looked for).</param>
/// <param name="Text">Its text; null when the file named in <c>OpenApiOverlays</c> is not among the AdditionalFiles.</param>
/// <param name="Name">How the spec names it: the <c>OpenApiOverlays</c> entry, or the file name found by convention.</param>
internal sealed record OverlayFile(string Path, string? Text, string Name);
