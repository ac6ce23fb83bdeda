// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
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
    private bool _useA;

    /// <summary>The LiveAvatar spec (3.1 JSON) and the largest spec under tests/ (Spotify, 3.0 YAML, 286 KB).</summary>
    [Params("liveavatar.openapi.json", "spotify.yaml")]
    public string Spec { get; set; } = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        _text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Specs", Spec));
        _path = "/specs/" + Path.GetFileNameWithoutExtension(Spec).Replace(".openapi", string.Empty, StringComparison.Ordinal) + ".openapi" + Path.GetExtension(Spec);
        CSharpParseOptions parse = new(LanguageVersion.CSharp14);
        _compilation = CSharpCompilation.Create(
            "Consumer",
            new[] { CSharpSyntaxTree.ParseText("namespace Consumer { internal static class A { } }", parse) },
            Basic.Reference.Assemblies.Net100.References.All.Append(MetadataReference.CreateFromFile(typeof(LiveAvatarGen.Runtime.Http.ApiClientCore).Assembly.Location)),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        _editedA = _compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace Consumer { internal static class B { } }", parse));
        _editedB = _compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace Consumer { internal static class C { } }", parse));
        _warmDriver = CreateDriver().RunGenerators(_compilation);
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

    private GeneratorDriver CreateDriver()
    {
        return CSharpGeneratorDriver.Create(
            new[] { new OpenApiClientGenerator().AsSourceGenerator() },
            ImmutableArray.Create<AdditionalText>(new SpecText(_path, _text)),
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
            AddJob(BenchmarkDotNet.Jobs.Job.ShortRun.WithToolchain(BenchmarkDotNet.Toolchains.InProcess.Emit.InProcessEmitToolchain.Instance));
        }
    }

    private sealed class SpecText : AdditionalText
    {
        private readonly SourceText _text;

        public SpecText(string path, string text)
        {
            Path = path;
            _text = SourceText.From(text);
        }

        public override string Path { get; }

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }
}
