// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

namespace LiveAvatarGen.Generator;

/// <summary>The generator's version as stamped into GeneratedCode attributes; keep equal to Version in Directory.Build.props.</summary>
internal static class ThisAssembly
{
    public const string Version = "0.1.0";
}
