// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using LiveAvatarGen.Generator;
using LiveAvatarGen.Runtime.Http;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace LiveAvatarGen.Tests.Harness;

/// <summary>Which framework and language the generated code is compiled for.</summary>
public enum TargetProfile
{
    /// <summary>A net8.0 consumer on C# 12.</summary>
    Net8CSharp12,

    /// <summary>Today's consumer: net10.0 on C# 14.</summary>
    Net10CSharp14,

    /// <summary>A netstandard2.0 library on C# 14, with the runtime's netstandard2.0 build and System.Text.Json 8 (<see cref="DownlevelReferences"/>).</summary>
    NetStandard20CSharp14,

    /// <summary>A .NET Framework 4.7.2 app on C# 14, with the runtime's netstandard2.0 build and System.Text.Json 8 (<see cref="DownlevelReferences"/>).</summary>
    Net472CSharp14,
}

/// <summary>An AdditionalText held in memory.</summary>
internal sealed class InMemoryText : AdditionalText
{
    private readonly SourceText _text;

    public InMemoryText(string path, string text)
    {
        Path = path;
        _text = SourceText.From(text);
    }

    public override string Path { get; }

    public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
}

/// <summary>Per-file and global analyzer options, as MSBuild would pass them.</summary>
internal sealed class TestOptionsProvider : AnalyzerConfigOptionsProvider
{
    private readonly Dictionary<string, Dictionary<string, string>> _perFile;

    public TestOptionsProvider(Dictionary<string, Dictionary<string, string>> perFile, Dictionary<string, string> global)
    {
        _perFile = perFile;
        GlobalOptions = new Options(global);
    }

    public override AnalyzerConfigOptions GlobalOptions { get; }

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new Options(new Dictionary<string, string>());

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile)
        => new Options(_perFile.TryGetValue(textFile.Path, out Dictionary<string, string>? values) ? values : new Dictionary<string, string>());

    private sealed class Options : AnalyzerConfigOptions
    {
        private readonly Dictionary<string, string> _values;

        public Options(Dictionary<string, string> values) => _values = values;

        public override bool TryGetValue(string key, out string value) => _values.TryGetValue(key, out value!);
    }
}

/// <summary>Runs the generator the way the compiler does, and compiles what it produces.</summary>
internal static class GeneratorHarness
{
    /// <summary>
    /// The .NET SDK passes NoWarn CS1701;CS1702 to every build (reference unification when a net8.0 library such as
    /// the runtime is used from net10.0); the harness does the same, and nothing else is suppressed.
    /// </summary>
    private static readonly ImmutableDictionary<string, ReportDiagnostic> s_sdkSuppressions = ImmutableDictionary.CreateRange(new[]
    {
        new KeyValuePair<string, ReportDiagnostic>("CS1701", ReportDiagnostic.Suppress),
        new KeyValuePair<string, ReportDiagnostic>("CS1702", ReportDiagnostic.Suppress),
    });

    public static CSharpCompilation CreateCompilation(TargetProfile profile, params string[] sources) => CreateCompilation(profile, withHttpClientFactory: false, sources);

    /// <param name="profile">Framework and language.</param>
    /// <param name="withHttpClientFactory">Also reference Microsoft.Extensions.Http and what its API needs (8.0 packages for net8.0, the shared framework's for net10.0).</param>
    /// <param name="sources">The consumer's own code.</param>
    public static CSharpCompilation CreateCompilation(TargetProfile profile, bool withHttpClientFactory, params string[] sources)
        => CreateCompilation(profile, withHttpClientFactory, withRuntime: true, languageOverride: null, sources);

    /// <param name="profile">Framework and language.</param>
    /// <param name="withHttpClientFactory">Also reference Microsoft.Extensions.Http.</param>
    /// <param name="withRuntime">Reference LiveAvatarGen.Runtime (false proves LAG0001).</param>
    /// <param name="languageOverride">A language version other than the profile's (proves LAG0002).</param>
    /// <param name="sources">The consumer's own code.</param>
    public static CSharpCompilation CreateCompilation(TargetProfile profile, bool withHttpClientFactory, bool withRuntime, LanguageVersion? languageOverride, params string[] sources)
    {
        LanguageVersion language = languageOverride ?? (profile == TargetProfile.Net8CSharp12 ? LanguageVersion.CSharp12 : LanguageVersion.CSharp14);
        IEnumerable<MetadataReference> references = profile switch
        {
            TargetProfile.Net8CSharp12 => Basic.Reference.Assemblies.Net80.References.All,
            TargetProfile.NetStandard20CSharp14 => Basic.Reference.Assemblies.NetStandard20.References.All.Concat(DownlevelReferences.SystemTextJson),
            TargetProfile.Net472CSharp14 => Basic.Reference.Assemblies.Net472.References.All.Concat(DownlevelReferences.SystemTextJson),
            _ => Basic.Reference.Assemblies.Net100.References.All,
        };
        if (withRuntime)
        {
            references = references.Append(DownlevelReferences.IsDownlevel(profile)
                ? DownlevelReferences.RuntimeNetStandard20
                : MetadataReference.CreateFromFile(typeof(ApiClientCore).Assembly.Location));
        }

        if (withHttpClientFactory)
        {
            references = references.Concat(HttpClientFactoryReferences(profile));
        }

        CSharpParseOptions parseOptions = new(language);
        return CSharpCompilation.Create(
            "Consumer",
            sources.Select(s => CSharpSyntaxTree.ParseText(s, parseOptions)),
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable)
                .WithSpecificDiagnosticOptions(s_sdkSuppressions));
    }

    private static IEnumerable<MetadataReference> HttpClientFactoryReferences(TargetProfile profile)
    {
        if (profile == TargetProfile.Net10CSharp14)
        {
            // The test host runs on net10.0 with the ASP.NET Core shared framework, which has all of them.
            return new[]
            {
                typeof(Microsoft.Extensions.DependencyInjection.IHttpClientBuilder).Assembly,
                typeof(Microsoft.Extensions.DependencyInjection.IServiceCollection).Assembly,
                typeof(Microsoft.Extensions.Options.OptionsBuilder<>).Assembly,
                typeof(Microsoft.Extensions.Configuration.IConfiguration).Assembly,
                typeof(Microsoft.Extensions.Primitives.StringValues).Assembly,
            }.Distinct().Select(a => MetadataReference.CreateFromFile(a.Location));
        }

        string root = typeof(GeneratorHarness).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .Cast<System.Reflection.AssemblyMetadataAttribute>().Single(a => a.Key == "NuGetPackageRoot").Value!;
        return new[]
        {
            ("microsoft.extensions.http", "8.0.1", "Microsoft.Extensions.Http"),
            ("microsoft.extensions.dependencyinjection.abstractions", "8.0.2", "Microsoft.Extensions.DependencyInjection.Abstractions"),
            ("microsoft.extensions.options", "8.0.2", "Microsoft.Extensions.Options"),
            ("microsoft.extensions.configuration.abstractions", "8.0.0", "Microsoft.Extensions.Configuration.Abstractions"),
            ("microsoft.extensions.primitives", "8.0.0", "Microsoft.Extensions.Primitives"),
        }.Select(p => MetadataReference.CreateFromFile(System.IO.Path.Combine(root, p.Item1, p.Item2, "lib", DownlevelReferences.IsDownlevel(profile) ? "netstandard2.0" : "net8.0", p.Item3 + ".dll")));
    }

    public static GeneratorDriver CreateDriver(CSharpCompilation compilation, IEnumerable<(string Path, string Text)> specs, string? ns = "Test.Api", string? clientName = null, string? groupByTag = null, IReadOnlyDictionary<string, string>? metadata = null)
    {
        List<AdditionalText> texts = specs.Select(s => (AdditionalText)new InMemoryText(s.Path, s.Text)).ToList();
        Dictionary<string, Dictionary<string, string>> perFile = new();
        foreach (AdditionalText text in texts)
        {
            Dictionary<string, string> values = new();
            if (ns is not null)
            {
                values["build_metadata.AdditionalFiles.OpenApiNamespace"] = ns;
            }

            if (clientName is not null)
            {
                values["build_metadata.AdditionalFiles.OpenApiClientName"] = clientName;
            }

            foreach (KeyValuePair<string, string> item in metadata ?? new Dictionary<string, string>())
            {
                values["build_metadata.AdditionalFiles." + item.Key] = item.Value;
            }

            if (groupByTag is not null)
            {
                values["build_metadata.AdditionalFiles.OpenApiGroupByTag"] = groupByTag;
            }

            perFile[text.Path] = values;
        }

        return CSharpGeneratorDriver.Create(
            new[] { new OpenApiClientGenerator().AsSourceGenerator() },
            texts,
            (CSharpParseOptions)compilation.SyntaxTrees.First().Options,
            new TestOptionsProvider(perFile, new Dictionary<string, string> { ["build_property.RootNamespace"] = "Consumer" }),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
    }

    /// <summary>Generates from one spec and compiles the result; then proves the run caches (see <see cref="AssertCachedAfterUnrelatedEdit"/>).</summary>
    /// <param name="specPath">The spec's path, as an AdditionalFiles item.</param>
    /// <param name="specText">The spec's text.</param>
    /// <param name="profile">Framework and language of the consumer.</param>
    /// <param name="ns">OpenApiNamespace metadata, or null for none.</param>
    /// <param name="clientName">OpenApiClientName metadata, or null for none.</param>
    /// <param name="withHttpClientFactory">Also reference Microsoft.Extensions.Http.</param>
    /// <param name="groupByTag">OpenApiGroupByTag metadata, or null for none (sub-clients per tag).</param>
    /// <param name="skipCachingCheckBecause">
    /// Null (the default) asserts caching. A test that must not rerun the driver passes the reason, which is the
    /// only way to opt out, so every exception is visible in the test's source.
    /// </param>
    /// <param name="metadata">Other item metadata by name (without the build_metadata prefix), such as the filters.</param>
    public static GenerationResult Generate(string specPath, string specText, TargetProfile profile = TargetProfile.Net10CSharp14, string? ns = "Test.Api", string? clientName = null, bool withHttpClientFactory = false, string? skipCachingCheckBecause = null, string? groupByTag = null, IReadOnlyDictionary<string, string>? metadata = null)
    {
        CSharpCompilation compilation = CreateCompilation(profile, withHttpClientFactory, "namespace Consumer { internal static class Placeholder { } }");
        GeneratorDriver driver = CreateDriver(compilation, new[] { (specPath, specText) }, ns, clientName, groupByTag, metadata);
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out ImmutableArray<Diagnostic> generatorDiagnostics);
        if (skipCachingCheckBecause is null)
        {
            AssertCachedAfterUnrelatedEdit(driver, compilation);
        }

        GeneratorDriverRunResult run = driver.GetRunResult();
        return new GenerationResult(run, output, generatorDiagnostics);
    }

    /// <summary>Runs a driver the test built itself, then proves the run caches (see <see cref="AssertCachedAfterUnrelatedEdit"/>).</summary>
    public static GeneratorDriver Run(GeneratorDriver driver, Compilation compilation)
    {
        driver = driver.RunGenerators(compilation);
        AssertCachedAfterUnrelatedEdit(driver, compilation);
        return driver;
    }

    /// <summary>
    /// The compiler's own input nodes are tracked too (<see cref="WellKnownGeneratorInputs"/>); the edit modifies the
    /// compilation by definition. Every other input (additional texts, options, parse options, references) must stay cached.
    /// </summary>
    public static bool IsEditedInput(string step) => step == WellKnownGeneratorInputs.Compilation;

    /// <summary>
    /// Reruns <paramref name="driver"/> (which has run on <paramref name="compilation"/>) after an unrelated C# edit (one
    /// more syntax tree) and asserts that every tracked step is Cached or Unchanged, every output step Cached, and the
    /// sources and diagnostics are the same. The step names come from the run itself, not from a list, so a new
    /// step is checked as soon as it is tracked (NetEscapades' cacheability harness, STYLE §3.5 5c).
    /// </summary>
    public static void AssertCachedAfterUnrelatedEdit(GeneratorDriver driver, Compilation compilation)
    {
        GeneratorRunResult before = driver.GetRunResult().Results.Single();
        CSharpParseOptions parseOptions = (CSharpParseOptions)compilation.SyntaxTrees.First().Options;
        Compilation edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace Consumer.UnrelatedEdit { internal static class Added { } }", parseOptions));
        GeneratorRunResult after = driver.RunGenerators(edited).GetRunResult().Results.Single();

        Xunit.Assert.Null(after.Exception);
        Xunit.Assert.NotEmpty(after.TrackedSteps);
        List<string> notCached = new();
        foreach (KeyValuePair<string, ImmutableArray<IncrementalGeneratorRunStep>> step in after.TrackedSteps.Where(s => !IsEditedInput(s.Key)))
        {
            notCached.AddRange(step.Value
                .SelectMany(run => run.Outputs)
                .Where(output => output.Reason is not (IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged))
                .Select(output => step.Key + " was " + output.Reason));
        }

        foreach (KeyValuePair<string, ImmutableArray<IncrementalGeneratorRunStep>> step in after.TrackedOutputSteps)
        {
            notCached.AddRange(step.Value
                .SelectMany(run => run.Outputs)
                .Where(output => output.Reason != IncrementalStepRunReason.Cached)
                .Select(output => "output " + step.Key + " was " + output.Reason));
        }

        Xunit.Assert.True(notCached.Count == 0, "After an unrelated C# edit: " + string.Join(", ", notCached.Distinct()));
        Xunit.Assert.Equal(
            before.GeneratedSources.Select(s => s.HintName + "\n" + s.SourceText),
            after.GeneratedSources.Select(s => s.HintName + "\n" + s.SourceText));
        Xunit.Assert.Equal(before.Diagnostics.Select(d => d.ToString()), after.Diagnostics.Select(d => d.ToString()));
    }
}

/// <summary>What one generator run produced.</summary>
internal sealed record GenerationResult(GeneratorDriverRunResult Run, Compilation Output, ImmutableArray<Diagnostic> GeneratorDiagnostics)
{
    public IReadOnlyList<GeneratedSourceResult> Sources => Run.Results.SelectMany(r => r.GeneratedSources).OrderBy(s => s.HintName, StringComparer.Ordinal).ToList();

    /// <summary>
    /// Warnings and errors from compiling the generated code (hidden and info ones are not counted), with the nullable
    /// warnings the generated files turn off turned on (<see cref="NullableWarnings"/>).
    /// </summary>
    public IReadOnlyList<Diagnostic> CompilationProblems => NullableWarnings.TurnedOn(Output).GetDiagnostics()
        .Where(d => d.Severity >= DiagnosticSeverity.Warning)
        .ToList();

    public IReadOnlyList<Exception> GeneratorExceptions => Run.Results.Where(r => r.Exception is not null).Select(r => r.Exception!).ToList();
}
