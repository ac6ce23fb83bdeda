// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using LiveAvatarGen.Generator.Infrastructure;
using Microsoft.CodeAnalysis;

namespace LiveAvatarGen.Generator.Configuration;

/// <summary>
/// Pairs each spec with its overlays, which are AdditionalFiles too: by convention <c>&lt;spec name&gt;.overlay.yaml</c>
/// (or <c>.yml</c>, <c>.json</c>) beside the spec (<c>openapi.overlay.yaml</c> for <c>openapi.json</c>), then the
/// files the <c>OpenApiOverlays</c> metadata lists (<c>;</c>-separated, relative to the spec), in that order. Only
/// the files some spec asks for are read, and their text joins the spec's <see cref="SpecInput"/>: editing an overlay
/// re-parses its spec, editing any other file does not.
/// </summary>
internal static class SpecOverlays
{
    public const string MetadataName = "OpenApiOverlays";

    private static readonly string[] s_conventionSuffixes = { ".overlay.yaml", ".overlay.yml", ".overlay.json" };

    /// <summary>Adds the overlays' texts to each spec's input.</summary>
    public static IncrementalValuesProvider<SpecInput> Pair(IncrementalGeneratorInitializationContext context, IncrementalValuesProvider<SpecInput> specs)
    {
        // The paths any spec asks for: small, and equal through every edit that does not change a spec's overlay list.
        // These steps are not tracked by name: with no overlay in a project Roslyn records no run for them, and
        // the Input step after them is what must stay cached.
        IncrementalValueProvider<EquatableArray<string>> wanted = specs
            .Select(static (spec, _) => spec.OverlayRequests)
            .Collect()
            .Select(static (all, _) => WantedKeys(all));

        IncrementalValueProvider<ImmutableArray<FoundOverlay>> found = context.AdditionalTextsProvider
            .Combine(wanted)
            .Where(static pair => pair.Right.Contains(Key(pair.Left.Path)))
            .Select(static (pair, cancellationToken) => new FoundOverlay(Key(pair.Left.Path), pair.Left.Path, pair.Left.GetText(cancellationToken)?.ToString()))
            .Collect();

        return specs
            .Combine(found)
            .Select(static (pair, _) => Attach(pair.Left, pair.Right));
    }

    /// <summary>What a spec asks for, in order: the convention's three names, then each <c>OpenApiOverlays</c> entry.</summary>
    public static EquatableArray<OverlayRequest> Requests(string specPath, string? metadata)
    {
        string directory = DirectoryOf(specPath);
        string fileName = specPath.Substring(directory.Length);
        int dot = fileName.LastIndexOf('.');
        string stem = dot > 0 ? fileName.Substring(0, dot) : fileName;
        List<OverlayRequest> requests = s_conventionSuffixes
            .Select(suffix => new OverlayRequest(Key(directory + stem + suffix), directory + stem + suffix, stem + suffix, Named: false))
            .ToList();
        foreach (string entry in (metadata ?? string.Empty).Split(';').Select(e => e.Trim()).Where(e => e.Length > 0))
        {
            string path = IsRooted(entry) ? entry : directory + entry;
            requests.Add(new OverlayRequest(Key(path), path, entry, Named: true));
        }

        return requests.ToEquatableArray();
    }

    /// <summary>The spec with the overlays it asked for that exist (and, text null, the named ones that do not), each once.</summary>
    public static SpecInput Attach(SpecInput spec, ImmutableArray<FoundOverlay> found)
    {
        List<OverlayFile> overlays = new();
        HashSet<string> seen = new(StringComparer.Ordinal);
        foreach (OverlayRequest request in spec.OverlayRequests)
        {
            if (!seen.Add(request.Key))
            {
                continue;
            }

            FoundOverlay? file = found.FirstOrDefault(f => f.Key == request.Key);
            if (file is not null)
            {
                overlays.Add(new OverlayFile(file.Path, file.Text ?? string.Empty, request.Name));
            }
            else if (request.Named)
            {
                overlays.Add(new OverlayFile(request.Path, null, request.Name));
            }
        }

        return overlays.Count == 0 && spec.Overlays.Count == 0 ? spec : spec with { Overlays = overlays.ToEquatableArray() };
    }

    /// <summary>
    /// A path compared as a file: separators as <c>/</c>, <c>.</c> and <c>..</c> segments resolved, case ignored
    /// (Windows and macOS file systems ignore it; a project on a case-sensitive one rarely has two overlays differing
    /// only in case).
    /// </summary>
    public static string Key(string path)
    {
        string[] parts = path.Replace('\\', '/').Split('/');
        List<string> kept = new();
        for (int i = 0; i < parts.Length; i++)
        {
            string part = parts[i];
            if (part == "." || (part.Length == 0 && i > 0 && i < parts.Length - 1))
            {
                continue;
            }

            if (part == ".." && kept.Count > 0 && kept[kept.Count - 1] is not (".." or ""))
            {
                kept.RemoveAt(kept.Count - 1);
                continue;
            }

            kept.Add(part);
        }

        return string.Join("/", kept).ToUpperInvariant();
    }

    private static EquatableArray<string> WantedKeys(ImmutableArray<EquatableArray<OverlayRequest>> all)
        => all.SelectMany(requests => requests).Select(r => r.Key).Distinct(StringComparer.Ordinal).OrderBy(k => k, StringComparer.Ordinal).ToEquatableArray();

    private static string DirectoryOf(string path)
    {
        int cut = Math.Max(path.LastIndexOf('/'), path.LastIndexOf('\\'));
        return cut >= 0 ? path.Substring(0, cut + 1) : string.Empty;
    }

    private static bool IsRooted(string path) => path.StartsWith("/", StringComparison.Ordinal) || path.StartsWith("\\", StringComparison.Ordinal) || (path.Length > 1 && path[1] == ':');
}

/// <summary>An overlay a spec asks for: where (<see cref="Key"/> compares paths), how it was named, and whether by metadata (then it must exist).</summary>
internal sealed record OverlayRequest(string Key, string Path, string Name, bool Named);

/// <summary>An AdditionalFiles item some spec asked for as an overlay, with its text.</summary>
internal sealed record FoundOverlay(string Key, string Path, string? Text);
