// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System.Text.Json.Nodes;

namespace LiveAvatarGen.Generator.Overlays;

/// <summary>
/// One node a JSONPath query selected, with where it sits: a JSON <c>null</c> is a null <see cref="JsonNode"/>, so
/// removing or locating a node needs its parent and its member name or index, not only the node.
/// </summary>
/// <param name="Node">The selected value (null for a JSON null).</param>
/// <param name="Parent">The object or array holding it; null for the root.</param>
/// <param name="Name">Its member name when the parent is an object.</param>
/// <param name="Index">Its index when the parent is an array, else -1.</param>
internal readonly record struct JsonPathMatch(JsonNode? Node, JsonNode? Parent, string? Name, int Index)
{
    public bool IsRoot => Parent is null;
}
