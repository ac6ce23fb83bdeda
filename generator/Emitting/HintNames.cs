// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

namespace LiveAvatarGen.Generator.Emitting;

/// <summary>
/// The one place hint names are made: <c>&lt;Namespace&gt;.&lt;Client&gt;.&lt;Part&gt;.g.cs</c>. The prefix (namespace and client)
/// is unique per spec and type names are unique ignoring case, so hint names never collide within a spec.
/// </summary>
internal static class HintNames
{
    /// <summary>A file of the spec whose prefix is <paramref name="hintPrefix"/>; <paramref name="parts"/> are joined with dots.</summary>
    public static string For(string hintPrefix, params string[] parts) => hintPrefix + "." + string.Join(".", parts) + ".g.cs";
}
