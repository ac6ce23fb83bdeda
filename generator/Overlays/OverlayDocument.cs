// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using LiveAvatarGen.Generator.Configuration;
using LiveAvatarGen.Generator.Diagnostics;
using LiveAvatarGen.Generator.Parsing;

namespace LiveAvatarGen.Generator.Overlays;

/// <summary>
/// An Overlay 1.0 document, read and checked: <c>overlay: 1.0.x</c> and a list of <c>actions</c>, each with a
/// JSONPath <c>target</c> and an <c>update</c> or <c>remove: true</c>. A document that is not one is reported
/// (LAG1007) and not applied at all; a bad action is reported (LAG1008) and skipped, the others still apply.
/// <c>info</c> and <c>extends</c> are informational and not checked: the overlay applies to the spec it is paired with.
/// </summary>
internal sealed class OverlayDocument
{
    private static readonly Regex s_version = new("^1\\.0\\.[0-9]+$", RegexOptions.CultureInvariant, System.TimeSpan.FromSeconds(1));

    private OverlayDocument(OverlayFile file, SpecLocator locator, List<OverlayAction> actions)
    {
        File = file;
        Locator = locator;
        Actions = actions;
    }

    public OverlayFile File { get; }

    /// <summary>Locates pointers in the overlay's own text, so diagnostics open the overlay at the action.</summary>
    public SpecLocator Locator { get; }

    public List<OverlayAction> Actions { get; }

    /// <summary>The document, or null (with LAG1007) when the text is not an Overlay 1.0 document.</summary>
    public static OverlayDocument? Read(OverlayFile file, List<DiagnosticInfo> diagnostics)
    {
        string text = file.Text ?? string.Empty;
        SpecLocator locator = new(file.Path, text);
        JsonNode? root;
        try
        {
            root = NodeText.Parse(file.Path, text);
        }
        catch (NodeTextException ex)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidOverlay, locator.AtLine(ex.Line, ex.Column), file.Name, "it is not JSON or YAML (" + ex.Message + ")"));
            return null;
        }

        if (Problem(root) is { } problem)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidOverlay, locator.Locate(problem.Pointer), file.Name, problem.Reason));
            return null;
        }

        List<OverlayAction> actions = new();
        JsonArray list = (JsonArray)root!["actions"]!;
        for (int i = 0; i < list.Count; i++)
        {
            if (OverlayAction.Read(list[i], i, locator, diagnostics) is { } action)
            {
                actions.Add(action);
            }
        }

        return new OverlayDocument(file, locator, actions);
    }

    /// <summary>Why the root is not an Overlay 1.0 document, and where; null when it is one.</summary>
    private static (string Reason, string Pointer)? Problem(JsonNode? root)
    {
        if (root is not JsonObject document)
        {
            return ("it is " + Describe(root) + ", not an object with 'overlay' and 'actions'", "#");
        }

        if (!document.TryGetPropertyValue("overlay", out JsonNode? version))
        {
            return ("it has no 'overlay' field, so it is not an overlay", "#");
        }

        if (!IsString(version, out string? versionText) || !s_version.IsMatch(versionText!))
        {
            return ("its version '" + (versionText ?? version?.ToJsonString() ?? "null") + "' is not supported; only Overlay 1.0.x is", "#/overlay");
        }

        if (!document.TryGetPropertyValue("actions", out JsonNode? actions))
        {
            return ("it has no 'actions' list", "#");
        }

        return actions is JsonArray ? null : ("'actions' is " + Describe(actions) + ", not a list", "#/actions");
    }

    internal static bool IsString(JsonNode? node, out string? value)
    {
        if (node is JsonValue && node.GetValueKind() == JsonValueKind.String)
        {
            value = node.GetValue<string>();
            return true;
        }

        value = null;
        return false;
    }

    internal static string Describe(JsonNode? node) => (node?.GetValueKind() ?? JsonValueKind.Null) switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "a list",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };
}
