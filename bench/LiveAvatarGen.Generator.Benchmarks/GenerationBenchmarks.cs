// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using LiveAvatarGen.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using Microsoft.OpenApi.Reader;
using NSwag.CodeGeneration.CSharp;

namespace LiveAvatarGen.Generator.Benchmarks;

/// <summary>
/// Generation cost per spec, as ratios against Microsoft.OpenApi's bare parse (the floor every run pays),
/// measured in the same run: our cold generation through the real Roslyn driver, our run after an unrelated
/// C# edit, and NSwag's in-process C# generator on the same spec.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(InProcessShortRun))]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByParams)]
public class GenerationBenchmarks
{
    private string _text = string.Empty;
    private string _path = string.Empty;
    private CSharpCompilation _compilation = null!;
    private CSharpCompilation _editedA = null!;
    private CSharpCompilation _editedB = null!;
    private GeneratorDriver _warmDriver = null!;
    private GeneratorDriver _editDriver = null!;
    private SpecText _specA = null!;
    private SpecText _specB = null!;
    private bool _useA;
    private bool _editedSpec;

    /// <summary>
    /// The LiveAvatar spec (3.1 JSON), Spotify (3.0 YAML, 286 KB) and the four big real specs under
    /// tests/LiveAvatarGen.Tests/Specs/large: Stripe (4 MB YAML, 468 operations), Adyen management, two Twilio APIs.
    /// <c>GENERATION_SPECS</c> (comma-separated file names) runs some of them only.
    /// </summary>
    [ParamsSource(nameof(Specs))]
    public string Spec { get; set; } = string.Empty;

    /// <summary>The specs to run: <c>GENERATION_SPECS</c> when set, else all six.</summary>
    public static IEnumerable<string> Specs =>
        Environment.GetEnvironmentVariable("GENERATION_SPECS") is { Length: > 0 } chosen
            ? chosen.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : new[] { "liveavatar.openapi.json", "spotify.yaml", "stripe.yaml", "adyen-management-v3.json", "twilio-conversations-v1.json", "twilio-flex-v1.json" };

    [GlobalSetup]
    public void Setup()
    {
        _text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Specs", Spec));
        _path = SpecText.PathFor(Spec);
        CSharpParseOptions parse = new(LanguageVersion.CSharp14);
        _compilation = CSharpCompilation.Create(
            "Consumer",
            new[] { CSharpSyntaxTree.ParseText("namespace Consumer { internal static class A { } }", parse) },
            Basic.Reference.Assemblies.Net100.References.All.Append(MetadataReference.CreateFromFile(typeof(LiveAvatarGen.Runtime.Http.ApiClientCore).Assembly.Location)),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        _editedA = _compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace Consumer { internal static class B { } }", parse));
        _editedB = _compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace Consumer { internal static class C { } }", parse));
        _warmDriver = CreateDriver().RunGenerators(_compilation);
        _specA = new SpecText(_path, _text);
        _specB = new SpecText(_path, EditOneSchema(_text));
        _editDriver = CreateDriver(_specA).RunGenerators(_compilation);
        var before = _editDriver.GetRunResult().Results[0].GeneratedSources.ToDictionary(g => g.HintName, g => g.SourceText.ToString(), StringComparer.Ordinal);
        int changed = CreateDriver(_specB).RunGenerators(_compilation).GetRunResult().Results[0].GeneratedSources
            .Count(g => !before.TryGetValue(g.HintName, out string? old) || old != g.SourceText.ToString());
        Console.WriteLine("// " + Spec + ": the one-schema edit changes " + changed + " generated file(s)");
        int sources = _warmDriver.GetRunResult().GeneratedTrees.Length;
        if (sources == 0)
        {
            throw new InvalidOperationException("The generator produced nothing for " + Spec);
        }
    }

    /// <summary>The floor: Microsoft.OpenApi reading the text into its object model.</summary>
    [Benchmark(Baseline = true)]
    public object? ParseOnly()
    {
        OpenApiReaderSettings settings = new();
        settings.AddYamlReader();
        return Microsoft.OpenApi.OpenApiDocument.Parse(_text, Spec.EndsWith(".yaml", StringComparison.Ordinal) ? "yaml" : "json", settings).Document;
    }

    /// <summary>Our whole generation, cold: a new driver parses, maps and emits every file.</summary>
    [Benchmark]
    public int GenerateCold() => CreateDriver().RunGenerators(_compilation).GetRunResult().GeneratedTrees.Length;

    /// <summary>Our run after an unrelated C# edit: the spec is unchanged, so every step should be cached.</summary>
    [Benchmark]
    public int AfterUnrelatedEdit()
    {
        _useA = !_useA;
        _warmDriver = _warmDriver.RunGenerators(_useA ? _editedA : _editedB);
        return _warmDriver.GetRunResult().GeneratedTrees.Length;
    }

    /// <summary>
    /// Our run after an edit of one schema's description: the spec is parsed and mapped again (its text changed), one
    /// file is emitted again, every other output is cached.
    /// </summary>
    [Benchmark]
    public int AfterOneSchemaEdit()
    {
        _editedSpec = !_editedSpec;
        _editDriver = _editDriver.ReplaceAdditionalText(_editedSpec ? _specA : _specB, _editedSpec ? _specB : _specA).RunGenerators(_compilation);
        return _editDriver.GetRunResult().GeneratedTrees.Length;
    }

    /// <summary>NSwag's in-process C# client generator on the same text.</summary>
    [Benchmark]
    public int NSwag()
    {
        NSwag.OpenApiDocument document = Spec.EndsWith(".yaml", StringComparison.Ordinal)
            ? global::NSwag.OpenApiYamlDocument.FromYamlAsync(_text, CancellationToken.None).GetAwaiter().GetResult()
            : global::NSwag.OpenApiDocument.FromJsonAsync(_text, CancellationToken.None).GetAwaiter().GetResult();
        CSharpClientGenerator generator = new(document, new CSharpClientGeneratorSettings { ClassName = "Client" });
        return generator.GenerateFile().Length;
    }

    /// <summary>The text with a word added to the first description under <c>components</c>: a schema's.</summary>
    internal static string EditOneSchema(string text)
    {
        int components = text.IndexOf("components", StringComparison.Ordinal);
        int description = components < 0 ? -1 : text.IndexOf("description", components, StringComparison.Ordinal);
        if (description < 0)
        {
            throw new InvalidOperationException("No schema description to edit");
        }

        int value = text.IndexOf(':', description) + 1;
        while (text[value] == ' ')
        {
            value++;
        }

        if (text[value] is '>' or '|')
        {
            // A YAML block scalar: its text starts on the next line, indented.
            value = text.IndexOf('\n', value) + 1;
            while (text[value] == ' ')
            {
                value++;
            }
        }
        else if (text[value] is '"' or '\'')
        {
            value++;
        }

        return text.Insert(value, "Edited ");
    }

    private GeneratorDriver CreateDriver(SpecText? spec = null)
    {
        return CSharpGeneratorDriver.Create(
            new[] { new OpenApiClientGenerator().AsSourceGenerator() },
            ImmutableArray.Create<AdditionalText>(spec ?? new SpecText(_path, _text)),
            (CSharpParseOptions)_compilation.SyntaxTrees[0].Options,
            optionsProvider: null,
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: false));
    }

    /// <summary>
    /// Short runs in this process: BenchmarkDotNet's generated project cannot restore under this repository's
    /// central package pinning, and in-process keeps the Release build we measure.
    /// </summary>
    private sealed class InProcessShortRun : ManualConfig
    {
        public InProcessShortRun()
        {
            // GENERATION_ITERATIONS measures more iterations than ShortRun's three, for a spec whose run is long and noisy.
            BenchmarkDotNet.Jobs.Job job = BenchmarkDotNet.Jobs.Job.ShortRun.WithToolchain(BenchmarkDotNet.Toolchains.InProcess.Emit.InProcessEmitToolchain.Instance);
            if (int.TryParse(Environment.GetEnvironmentVariable("GENERATION_ITERATIONS"), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int iterations) && iterations > 0)
            {
                job = job.WithIterationCount(iterations);
            }

            AddJob(job);
        }
    }
}
