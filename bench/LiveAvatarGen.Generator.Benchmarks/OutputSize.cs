// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using Microsoft.OpenApi.Reader;

namespace LiveAvatarGen.Generator.Benchmarks;

/// <summary>
/// What each generator hands the compiler for the same spec, and what the compiler makes of it: characters of C#,
/// characters per operation, a Release compile (parse, bind, emit) timed after a warm-up compile, and the dll's size.
/// `-- --sizes [spec ...]`. Each side is compiled <c>COMPILE_RUNS</c> times (5 unless set), ours and NSwag's taking
/// turns so the machine's slow moments fall on both; the median is printed. Read them as ratios within a row.
/// Compiles are timed twice over: as <c>dotnet build</c> compiles by default (doc comments are trivia, no
/// <c>/doc</c>) and as it does with <c>GenerateDocumentationFile</c> (doc comments parsed and checked).
/// </summary>
internal static class OutputSize
{
    public static void Run(string[] specs)
    {
        Console.WriteLine("| Spec | Operations | Ours: C# chars | per operation | NSwag: C# chars | per operation | Ours: compile | NSwag: compile | Ours: compile, XML docs | NSwag: compile, XML docs | Ours: dll | NSwag: dll |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        int runs = int.TryParse(Environment.GetEnvironmentVariable("COMPILE_RUNS"), NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n > 0 ? n : 5;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Compile times: the median of {runs} compiles each, ours and NSwag's taking turns."));
        bool warmed = false;
        foreach (string spec in specs)
        {
            string text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Specs", spec));
            int operations = CountOperations(spec, text);
            IReadOnlyList<SourceText> ours = Generate(spec, text);
            string nswagOutput = NSwagSource(spec, text);
            string nswag = RenameDuplicateEnumMembers(nswagOutput, out int renamed);
            if (!warmed)
            {
                // JIT Roslyn once, so the first row is not charged for it.
                Compile(ours, withNewtonsoft: false, DocumentationMode.Diagnose);
                Compile(new[] { SourceText.From(nswag) }, withNewtonsoft: true, DocumentationMode.Diagnose);
                warmed = true;
            }

            long ourChars = ours.Sum(s => (long)s.Length);
            List<double> ourTimes = new(), nswagTimes = new(), ourDocTimes = new(), nswagDocTimes = new();
            long ourDll = 0, nswagDll = 0;
            int ourErrors = 0, nswagErrors = 0;
            for (int run = 0; run < runs; run++)
            {
                double seconds;
                (seconds, ourDll, ourErrors) = Compile(ours, withNewtonsoft: false, DocumentationMode.None);
                ourTimes.Add(seconds);
                (seconds, nswagDll, nswagErrors) = Compile(new[] { SourceText.From(nswag) }, withNewtonsoft: true, DocumentationMode.None);
                nswagTimes.Add(seconds);
                ourDocTimes.Add(Compile(ours, withNewtonsoft: false, DocumentationMode.Diagnose).Seconds);
                nswagDocTimes.Add(Compile(new[] { SourceText.From(nswag) }, withNewtonsoft: true, DocumentationMode.Diagnose).Seconds);
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {spec} | {operations} | {ourChars:N0} | {ourChars / Math.Max(1, operations):N0} | {nswagOutput.Length:N0} | {nswagOutput.Length / Math.Max(1, operations):N0} | {Median(ourTimes):F2} s{Errors(ourErrors)} | {Median(nswagTimes):F2} s{Errors(nswagErrors)}{Renamed(renamed)} | {Median(ourDocTimes):F2} s | {Median(nswagDocTimes):F2} s | {ourDll:N0} B | {nswagDll:N0} B |"));
        }
    }

    /// <summary>
    /// Writes what each generator makes of each spec under <paramref name="folder"/>: ours as its generated files
    /// (<c>spec/ours/hint name</c>), NSwag's as its one file (<c>spec/nswag.cs</c>), so the two can be read and diffed.
    /// </summary>
    public static void Dump(string folder, string[] specs)
    {
        foreach (string spec in specs)
        {
            string text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Specs", spec));
            string ours = Path.Combine(folder, spec, "ours");
            Directory.CreateDirectory(ours);
            IReadOnlyList<GeneratedSourceResult> sources = GenerateNamed(spec, text);
            foreach (GeneratedSourceResult source in sources)
            {
                File.WriteAllText(Path.Combine(ours, source.HintName), source.SourceText.ToString());
            }

            File.WriteAllText(Path.Combine(folder, spec, "nswag.cs"), NSwagSource(spec, text));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{spec}: {sources.Count} files of ours and NSwag's one under {Path.Combine(folder, spec)}"));
        }
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        return values.Count % 2 == 1 ? values[values.Count / 2] : (values[(values.Count / 2) - 1] + values[values.Count / 2]) / 2;
    }

    private static string Renamed(int count) => count == 0 ? string.Empty : string.Create(CultureInfo.InvariantCulture, $" ({count} duplicate enum members renamed)");

    /// <summary>
    /// NSwag names an enum's members after its values, and two values can give one name: Stripe's timezones
    /// <c>Etc/GMT0</c> and <c>Etc/GMT-0</c> both become <c>Etc_GMT0</c>. That is CS0102, and the compile stops before
    /// emitting a dll. Each such duplicate gets a suffix, the least edit that lets NSwag's output compile, so its compile
    /// time and dll can be measured; the character counts stay those of NSwag's own output. Any other error is left.
    /// </summary>
    internal static string RenameDuplicateEnumMembers(string source, out int renamed)
    {
        SyntaxTree tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.CSharp14));
        CSharpCompilation compilation = CSharpCompilation.Create("NSwag", new[] { tree }, References(withNewtonsoft: true), new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        List<int> ends = compilation.GetDeclarationDiagnostics()
            .Where(d => d.Id == "CS0102" && d.Location.SourceTree == tree)
            .Select(d => tree.GetRoot().FindToken(d.Location.SourceSpan.Start))
            .Where(token => token.Parent is Microsoft.CodeAnalysis.CSharp.Syntax.EnumMemberDeclarationSyntax)
            .Select(token => token.Span.End)
            .Distinct()
            .OrderByDescending(end => end)
            .ToList();
        renamed = ends.Count;
        System.Text.StringBuilder text = new(source);
        for (int i = 0; i < ends.Count; i++)
        {
            text.Insert(ends[i], "_Duplicate" + i.ToString(CultureInfo.InvariantCulture));
        }

        return text.ToString();
    }

    private static string Errors(int count) => count == 0 ? string.Empty : string.Create(CultureInfo.InvariantCulture, $" ({count} errors)");

    private static int CountOperations(string spec, string text)
    {
        OpenApiReaderSettings settings = new();
        settings.AddYamlReader();
        Microsoft.OpenApi.OpenApiDocument? document = Microsoft.OpenApi.OpenApiDocument.Parse(text, spec.EndsWith(".yaml", StringComparison.Ordinal) ? "yaml" : "json", settings).Document;
        return document?.Paths?.Values.Sum(p => p.Operations?.Count ?? 0) ?? 0;
    }

    internal static IReadOnlyList<SourceText> Generate(string spec, string text) => GenerateNamed(spec, text).Select(s => s.SourceText).ToList();

    /// <summary>The generator's output for <paramref name="text"/>, each file with its hint name.</summary>
    internal static IReadOnlyList<GeneratedSourceResult> GenerateNamed(string spec, string text)
    {
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            new[] { new OpenApiClientGenerator().AsSourceGenerator() },
            ImmutableArray.Create<AdditionalText>(new SpecText(SpecText.PathFor(spec), text)),
            new CSharpParseOptions(LanguageVersion.CSharp14));
        // The generator emits nothing without the runtime referenced (LAG0001), so the consumer has it.
        driver = driver.RunGenerators(CSharpCompilation.Create("Consumer", Array.Empty<SyntaxTree>(), References(withNewtonsoft: false)));
        return driver.GetRunResult().Results[0].GeneratedSources;
    }

    internal static string NSwagSource(string spec, string text)
    {
        NSwag.OpenApiDocument document = spec.EndsWith(".yaml", StringComparison.Ordinal)
            ? NSwag.OpenApiYamlDocument.FromYamlAsync(text, CancellationToken.None).GetAwaiter().GetResult()
            : NSwag.OpenApiDocument.FromJsonAsync(text, CancellationToken.None).GetAwaiter().GetResult();
        return new NSwag.CodeGeneration.CSharp.CSharpClientGenerator(document, new NSwag.CodeGeneration.CSharp.CSharpClientGeneratorSettings { ClassName = "Client" }).GenerateFile();
    }

    private static (double Seconds, long DllBytes, int Errors) Compile(IReadOnlyList<SourceText> sources, bool withNewtonsoft, DocumentationMode documentation)
    {
        (double seconds, byte[]? dll, int errors) = CompileToBytes(sources, withNewtonsoft, documentation);
        return (seconds, dll?.LongLength ?? 0, errors);
    }

    /// <summary>A Release compile of <paramref name="sources"/>: its time, the dll (null when it has errors) and its error count.</summary>
    /// <param name="sources">The C# to compile.</param>
    /// <param name="withNewtonsoft">Reference Newtonsoft.Json (NSwag's output needs it).</param>
    /// <param name="documentation">None as <c>dotnet build</c> compiles by default; Diagnose with <c>GenerateDocumentationFile</c>.</param>
    internal static (double Seconds, byte[]? Dll, int Errors) CompileToBytes(IReadOnlyList<SourceText> sources, bool withNewtonsoft, DocumentationMode documentation = DocumentationMode.None)
    {
        IEnumerable<MetadataReference> references = References(withNewtonsoft);
        Stopwatch watch = Stopwatch.StartNew();
        CSharpParseOptions parse = new(LanguageVersion.CSharp14, documentation);
        CSharpCompilation compilation = CSharpCompilation.Create(
            "Generated",
            sources.Select(s => CSharpSyntaxTree.ParseText(s, parse)),
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, optimizationLevel: OptimizationLevel.Release, nullableContextOptions: NullableContextOptions.Enable));
        using MemoryStream dll = new();
        Microsoft.CodeAnalysis.Emit.EmitResult result = compilation.Emit(dll);
        double seconds = watch.Elapsed.TotalSeconds;
        return (seconds, result.Success ? dll.ToArray() : null, result.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error));
    }

    private static IEnumerable<MetadataReference> References(bool withNewtonsoft)
    {
        IEnumerable<MetadataReference> references = Basic.Reference.Assemblies.Net100.References.All
            .Append(MetadataReference.CreateFromFile(typeof(LiveAvatarGen.Runtime.Http.ApiClientCore).Assembly.Location));
        return withNewtonsoft ? references.Append(MetadataReference.CreateFromFile(typeof(Newtonsoft.Json.JsonConvert).Assembly.Location)) : references;
    }
}
