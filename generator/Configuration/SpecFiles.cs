// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.IO;
using System.Threading;
using LiveAvatarGen.Generator.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LiveAvatarGen.Generator.Configuration;

/// <summary>Which AdditionalFiles are specs, and what options apply to each.</summary>
internal static class SpecFiles
{
    private static readonly string[] s_exactNames = { "openapi.json", "openapi.yaml", "openapi.yml" };
    private static readonly string[] s_suffixes = { ".openapi.json", ".openapi.yaml", ".openapi.yml" };

    /// <summary>True for <c>openapi.json|yaml|yml</c> and any file ending with <c>.openapi.json|yaml|yml</c>.</summary>
    public static bool IsSpec(string path)
    {
        string fileName = Path.GetFileName(path);
        foreach (string name in s_exactNames)
        {
            if (string.Equals(fileName, name, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        foreach (string suffix in s_suffixes)
        {
            if (fileName.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    public static SpecInput ToInput(AdditionalText file, AnalyzerConfigOptionsProvider options, CancellationToken cancellationToken)
    {
        AnalyzerConfigOptions fileOptions = options.GetOptions(file);
        string? ns = Read(fileOptions, "build_metadata.AdditionalFiles.OpenApiNamespace")
            ?? Read(options.GlobalOptions, "build_property.RootNamespace")
            ?? "OpenApiClient";
        string? clientName = Read(fileOptions, "build_metadata.AdditionalFiles.OpenApiClientName");
        bool groupByTag = !string.Equals(Read(fileOptions, "build_metadata.AdditionalFiles.OpenApiGroupByTag"), "false", StringComparison.OrdinalIgnoreCase);
        string? text = file.GetText(cancellationToken)?.ToString();
        SpecFilter filter = SpecFilter.From(name => Read(fileOptions, "build_metadata.AdditionalFiles." + name));
        EquatableArray<OverlayRequest> overlays = SpecOverlays.Requests(file.Path, Read(fileOptions, "build_metadata.AdditionalFiles." + SpecOverlays.MetadataName));
        return new SpecInput(file.Path, text, ns, clientName, groupByTag, filter.IsActive ? filter : null, overlays);
    }

    private static string? Read(AnalyzerConfigOptions options, string key)
    {
        return options.TryGetValue(key, out string? value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
    }
}
