// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using LiveAvatarGen.Generator.Diagnostics;
using LiveAvatarGen.Generator.Parsing;

namespace LiveAvatarGen.Generator.Overlays;

/// <summary>One checked action of an overlay: its parsed target, and either the update to merge or removal.</summary>
internal sealed class OverlayAction
{
    private OverlayAction(int index, string targetText, JsonPath target, JsonNode? update, bool remove)
    {
        Index = index;
        TargetText = targetText;
        Target = target;
        Update = update;
        Remove = remove;
    }

    /// <summary>The action's index in <c>actions</c>.</summary>
    public int Index { get; }

    /// <summary>The target as written, for messages.</summary>
    public string TargetText { get; }

    public JsonPath Target { get; }

    /// <summary>The value to merge (objects) or append (lists); unused when <see cref="Remove"/>.</summary>
    public JsonNode? Update { get; }

    public bool Remove { get; }

    public string Pointer => "#/actions/" + Index.ToString(CultureInfo.InvariantCulture);

    /// <summary>The action, or null with LAG1008 at it when it cannot be applied.</summary>
    public static OverlayAction? Read(JsonNode? node, int index, SpecLocator locator, List<DiagnosticInfo> diagnostics)
    {
        string pointer = "#/actions/" + index.ToString(CultureInfo.InvariantCulture);
        if (node is not JsonObject action)
        {
            return Skip(pointer, "an action is an object with 'target' and 'update' or 'remove', not " + OverlayDocument.Describe(node));
        }

        if (!action.TryGetPropertyValue("target", out JsonNode? targetNode) || !OverlayDocument.IsString(targetNode, out string? targetText) || string.IsNullOrWhiteSpace(targetText))
        {
            return Skip(action.ContainsKey("target") ? pointer + "/target" : pointer, "the action has no 'target' (a JSONPath query such as $.paths['/pets'].get)");
        }

        JsonPath target;
        try
        {
            target = JsonPath.Parse(targetText!);
        }
        catch (JsonPathException ex)
        {
            return Skip(pointer + "/target", "the target '" + targetText + "' is not a JSONPath query this generator reads: " + ex.Message);
        }

        bool remove = false;
        if (action.TryGetPropertyValue("remove", out JsonNode? removeNode))
        {
            JsonValueKind kind = removeNode?.GetValueKind() ?? JsonValueKind.Null;
            if (kind is not (JsonValueKind.True or JsonValueKind.False))
            {
                return Skip(pointer + "/remove", "'remove' must be true or false, not " + OverlayDocument.Describe(removeNode));
            }

            remove = kind == JsonValueKind.True;
        }

        bool hasUpdate = action.TryGetPropertyValue("update", out JsonNode? update);
        if (!remove && !hasUpdate)
        {
            return Skip(pointer, "the action has neither 'update' nor 'remove: true', so it does nothing");
        }

        return new OverlayAction(index, targetText!, target, update, remove);

        OverlayAction? Skip(string at, string reason)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.OverlayActionSkipped, locator.Locate(at), at, reason + "; the action was skipped"));
            return null;
        }
    }
}
