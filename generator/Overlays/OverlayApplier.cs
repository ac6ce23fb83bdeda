// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using LiveAvatarGen.Generator.Configuration;
using LiveAvatarGen.Generator.Diagnostics;
using LiveAvatarGen.Generator.Parsing;

namespace LiveAvatarGen.Generator.Overlays;

/// <summary>
/// Applies a spec's overlays (<see cref="SpecInput.Overlays"/>, in order, each one's actions in order) to its text
/// before the OpenAPI reader sees it. Updates merge into objects (members of both that are objects merge
/// recursively, lists are appended to, anything else is replaced) and are appended to lists; <c>remove: true</c>
/// deletes the node. Each problem is reported in the overlay file: an overlay that is not one (LAG1007) or is not
/// found (LAG1009) is not applied, a bad action (LAG1008) is skipped, a target matching nothing is a warning (LAG2006).
/// </summary>
internal static class OverlayApplier
{
    /// <summary>
    /// The text to read: the spec with its overlays applied, as JSON, or the spec's own text when there is nothing
    /// to apply. Diagnostics about the spec itself keep pointing at the spec file: JSON pointers are looked up in
    /// its own text, and a node an overlay added is located at its nearest ancestor the spec has.
    /// </summary>
    public static string? Apply(SpecInput input, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
    {
        if (input.Overlays.Count == 0 || string.IsNullOrWhiteSpace(input.Text))
        {
            return input.Text;
        }

        List<OverlayDocument> documents = new();
        foreach (OverlayFile file in input.Overlays)
        {
            if (file.Text is null)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.OverlayNotApplied, new SpecLocator(input.Path, input.Text).FileStart(), file.Name, input.Path, "no AdditionalFiles item has the path '" + file.Path + "' (OpenApiOverlays names files relative to the spec)"));
            }
            else if (OverlayDocument.Read(file, diagnostics) is { } document)
            {
                documents.Add(document);
            }
        }

        if (documents.Count == 0)
        {
            return input.Text;
        }

        JsonNode? root;
        try
        {
            root = NodeText.Parse(input.Path, input.Text!);
        }
        catch (NodeTextException ex)
        {
            // The spec loader reports why the spec cannot be read (LAG1001); the overlays are not applied to it.
            foreach (OverlayDocument document in documents)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.OverlayNotApplied, document.Locator.FileStart(), document.File.Name, input.Path, "the spec is not JSON or YAML (" + ex.Message + ")"));
            }

            return input.Text;
        }

        foreach (OverlayDocument document in documents)
        {
            foreach (OverlayAction action in document.Actions)
            {
                cancellationToken.ThrowIfCancellationRequested();
                Apply(action, root, document.Locator, diagnostics);
            }
        }

        return NodeText.ToJson(root);
    }

    private static void Apply(OverlayAction action, JsonNode? root, SpecLocator locator, List<DiagnosticInfo> diagnostics)
    {
        List<JsonPathMatch> matches = Distinct(action.Target.Select(root));
        if (matches.Count == 0)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.OverlayTargetMatchesNothing, locator.Locate(action.Pointer + "/target"), action.Pointer, action.TargetText));
            return;
        }

        string? problem = action.Remove ? Remove(matches) : Update(matches, action.Update);
        if (problem is not null)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.OverlayActionSkipped, locator.Locate(action.Pointer), action.Pointer, problem));
        }
    }

    /// <summary>Removes every match; list items from the last index down, so earlier removals do not shift later ones.</summary>
    private static string? Remove(List<JsonPathMatch> matches)
    {
        bool root = false;
        foreach (JsonPathMatch match in matches)
        {
            if (match.IsRoot)
            {
                root = true;
            }
            else if (match.Parent is JsonObject parent)
            {
                parent.Remove(match.Name!);
            }
        }

        foreach (JsonPathMatch match in matches.Where(m => m.Parent is JsonArray).OrderByDescending(m => m.Index))
        {
            ((JsonArray)match.Parent!).RemoveAt(match.Index);
        }

        return root ? "the target selects the whole document, which cannot be removed; the other nodes it selects were removed" : null;
    }

    private static string? Update(List<JsonPathMatch> matches, JsonNode? update)
    {
        int unchanged = 0;
        string? reason = null;
        foreach (JsonPathMatch match in matches)
        {
            switch (match.Node)
            {
                case JsonObject target when update is JsonObject members:
                    Merge(target, members);
                    break;
                case JsonArray list when update is JsonArray items:
                    foreach (JsonNode? item in items)
                    {
                        list.Add(item?.DeepClone());
                    }

                    break;
                case JsonArray list:
                    list.Add(update?.DeepClone());
                    break;
                case JsonObject:
                    unchanged++;
                    reason ??= "'update' is " + OverlayDocument.Describe(update) + ", which cannot be merged into an object";
                    break;
                default:
                    unchanged++;
                    reason ??= "the target selects " + OverlayDocument.Describe(match.Node) + ", and 'update' changes only objects and lists (target the object holding it)";
                    break;
            }
        }

        return reason is null ? null : reason + "; " + unchanged + " of " + matches.Count + " selected nodes were left unchanged";
    }

    /// <summary>Overlay 1.0 merge: objects recursively, lists appended to, everything else replaced; the update is copied, never shared.</summary>
    private static void Merge(JsonObject target, JsonObject update)
    {
        foreach (KeyValuePair<string, JsonNode?> member in update)
        {
            if (target.TryGetPropertyValue(member.Key, out JsonNode? existing))
            {
                if (existing is JsonObject existingObject && member.Value is JsonObject updateObject)
                {
                    Merge(existingObject, updateObject);
                    continue;
                }

                if (existing is JsonArray existingList && member.Value is JsonArray updateList)
                {
                    foreach (JsonNode? item in updateList)
                    {
                        existingList.Add(item?.DeepClone());
                    }

                    continue;
                }
            }

            target[member.Key] = member.Value?.DeepClone();
        }
    }

    /// <summary>RFC 9535 keeps duplicates (<c>$..x</c> and unions can select a node twice); an update must apply once.</summary>
    private static List<JsonPathMatch> Distinct(List<JsonPathMatch> matches)
    {
        HashSet<(JsonNode?, string?, int)> seen = new();
        return matches.Where(m => m.IsRoot || seen.Add((m.Parent, m.Name, m.Index))).ToList();
    }
}
