// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using LiveAvatarGen.Generator;
using LiveAvatarGen.Tests.Harness;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace LiveAvatarGen.Tests.Targets;

/// <summary>
/// Generates for an old-framework consumer with what such a project has around it: its own C# files, other
/// generators (PolySharp), project properties (global analyzer options) and other referenced assemblies.
/// </summary>
internal static class DownlevelHarness
{
    /// <summary>The hint names of the three polyfills, in the order the generator emits them.</summary>
    public static readonly string[] AllPolyfills =
    {
        "LiveAvatarGen.Polyfills.System.Runtime.CompilerServices.CompilerFeatureRequiredAttribute.g.cs",
        "LiveAvatarGen.Polyfills.System.Runtime.CompilerServices.IsExternalInit.g.cs",
        "LiveAvatarGen.Polyfills.System.Runtime.CompilerServices.RequiredMemberAttribute.g.cs",
    };

    /// <summary>PolySharp's settings as its package makes them compiler-visible: present, and empty unless the project sets them.</summary>
    public static Dictionary<string, string> PolySharpDefaults() => new()
    {
        ["build_property.PolySharpUsePublicAccessibilityForGeneratedTypes"] = string.Empty,
        ["build_property.PolySharpUseEmbeddedAttributeForGeneratedTypes"] = string.Empty,
        ["build_property.PolySharpIncludeRuntimeSupportedAttributes"] = string.Empty,
        ["build_property.PolySharpUseInteropServices2NamespaceForUnmanagedCallersOnlyAttribute"] = string.Empty,
        ["build_property.PolySharpExcludeGeneratedTypes"] = string.Empty,
        ["build_property.PolySharpIncludeGeneratedTypes"] = string.Empty,
        ["build_property.PolySharpExcludeTypeForwardedToDeclarations"] = string.Empty,
    };

    /// <summary>PolySharp 1.16.0's generator, from the package the test project downloads.</summary>
    public static ISourceGenerator PolySharp()
    {
        Assembly assembly = Assembly.LoadFrom(DownlevelReferences.PolySharpGeneratorPath);
        Type type = assembly.GetTypes().Single(t => t.Name == "PolyfillsGenerator" && typeof(IIncrementalGenerator).IsAssignableFrom(t));
        return ((IIncrementalGenerator)Activator.CreateInstance(type)!).AsSourceGenerator();
    }

    /// <summary>Runs the generator (and <paramref name="otherGenerators"/>) on one spec, asserts the run caches, and returns what it gave.</summary>
    /// <param name="profile">Framework of the consumer.</param>
    /// <param name="language">Its language version.</param>
    /// <param name="specPath">The spec's path as an AdditionalFiles item, or null for a project without a spec.</param>
    /// <param name="specText">The spec's text.</param>
    /// <param name="consumerSources">The consumer's own C# files.</param>
    /// <param name="globalOptions">Project properties (build_property.*) besides RootNamespace.</param>
    /// <param name="otherGenerators">Generators running beside ours.</param>
    /// <param name="otherReferences">More referenced assemblies.</param>
    /// <param name="removedReferences">Framework references the project lacks.</param>
    /// <param name="withHttpClientFactory">Also reference Microsoft.Extensions.Http 8 and what its API needs (their netstandard2.0 builds).</param>
    public static GenerationResult Generate(
        TargetProfile profile,
        LanguageVersion language,
        string? specPath,
        string specText = "",
        string[]? consumerSources = null,
        Dictionary<string, string>? globalOptions = null,
        ISourceGenerator[]? otherGenerators = null,
        MetadataReference[]? otherReferences = null,
        bool withHttpClientFactory = false,
        MetadataReference[]? removedReferences = null)
    {
        string[] sources = consumerSources is { Length: > 0 } ? consumerSources : new[] { "namespace Consumer { internal static class Placeholder { } }" };
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation(profile, withHttpClientFactory, withRuntime: true, language, sources)
            .AddReferences(otherReferences ?? Array.Empty<MetadataReference>())
            .RemoveReferences(removedReferences ?? Array.Empty<MetadataReference>());
        Dictionary<string, string> global = new(globalOptions ?? new Dictionary<string, string>()) { ["build_property.RootNamespace"] = "Consumer" };
        List<AdditionalText> texts = specPath is null ? new() : new() { new InMemoryText(specPath, specText) };
        Dictionary<string, Dictionary<string, string>> perFile = texts.ToDictionary(t => t.Path, _ => new Dictionary<string, string> { ["build_metadata.AdditionalFiles.OpenApiNamespace"] = "Test.Api" });
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            new[] { new OpenApiClientGenerator().AsSourceGenerator() }.Concat(otherGenerators ?? Array.Empty<ISourceGenerator>()),
            texts,
            (CSharpParseOptions)compilation.SyntaxTrees.First().Options,
            new TestOptionsProvider(perFile, global),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out ImmutableArray<Diagnostic> diagnostics);
        if (otherGenerators is null)
        {
            GeneratorHarness.AssertCachedAfterUnrelatedEdit(driver, compilation);
        }

        return new GenerationResult(driver.GetRunResult(), output, diagnostics);
    }

    /// <summary>The polyfill files our generator emitted (not PolySharp's), by hint name.</summary>
    public static string[] OurPolyfills(GenerationResult result) => result.Run.Results
        .Where(r => r.Generator.GetGeneratorType() == typeof(OpenApiClientGenerator))
        .SelectMany(r => r.GeneratedSources)
        .Select(s => s.HintName)
        .Where(h => h.StartsWith("LiveAvatarGen.Polyfills.", StringComparison.Ordinal))
        .OrderBy(h => h, StringComparer.Ordinal)
        .ToArray();

    /// <summary>The file name a user would give a spec kept under its public name (<c>stripe.yaml</c> → <c>stripe.openapi.yaml</c>).</summary>
    public static string AsSpecPath(string file) => "/specs/" + Path.GetFileNameWithoutExtension(file) + ".openapi" + Path.GetExtension(file);

    /// <summary>An assembly compiled from <paramref name="source"/> for netstandard2.0, referenced as metadata.</summary>
    public static MetadataReference Library(string name, string source)
    {
        CSharpCompilation library = CSharpCompilation.Create(
            name,
            new[] { CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.CSharp11)) },
            Basic.Reference.Assemblies.NetStandard20.References.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        using MemoryStream image = new();
        Microsoft.CodeAnalysis.Emit.EmitResult emitted = library.Emit(image);
        Xunit.Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        return MetadataReference.CreateFromImage(image.ToArray());
    }
}
