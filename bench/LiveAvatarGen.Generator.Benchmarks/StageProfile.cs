// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
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
/// Where one cold generation spends its time, per pipeline step (the driver's own step timings), against the bare
/// Microsoft.OpenApi parse and Roslyn's parse of our output. A diagnostic aid (`-- --stages`), not a benchmark:
/// the medians of a few runs, on a noisy machine. A spec written <c>name*n</c> is n copies of a JSON spec as one
/// document (<see cref="SpecCopies"/>), to see how a run grows with size; each spec line also says what the run
/// and the bare parse allocate.
/// </summary>
internal static class StageProfile
{
    public static void Run(string[] specs)
    {
        Console.WriteLine(System.Runtime.GCSettings.IsServerGC ? "GC: server (as the compiler runs generators)" : "GC: workstation");
        foreach (string spec in specs)
        {
            string text = SpecCopies.Read(spec);
            string name = SpecCopies.FileName(spec);
            CSharpParseOptions parse = new(LanguageVersion.CSharp14);
            CSharpCompilation compilation = CSharpCompilation.Create(
                "Consumer",
                new[] { CSharpSyntaxTree.ParseText("namespace Consumer { internal static class A { } }", parse) },
                Basic.Reference.Assemblies.Net100.References.All.Append(MetadataReference.CreateFromFile(typeof(LiveAvatarGen.Runtime.Http.ApiClientCore).Assembly.Location)),
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            // What a build server or an IDE keeps between runs: the driver's state after a cold run without step
            // tracking (the model, each step's outputs and the generated texts), not the compiler's trees of them.
            double retainedMb = Retained(() => Driver(new SpecText(SpecText.PathFor(name), text), parse, tracked: false).RunGenerators(compilation)) / 1e6;

            // STAGES_RUNS=200 makes a loop long enough for a sampling profiler (dotnet-trace) to see the hot paths.
            int runs = int.TryParse(Environment.GetEnvironmentVariable("STAGES_RUNS"), NumberStyles.None, CultureInfo.InvariantCulture, out int asked) && asked > 0 ? asked : 5;
            double[] floor = new double[runs], floorAllocated = new double[runs], total = new double[runs], roslyn = new double[runs], allocated = new double[runs];
            var steps = new System.Collections.Generic.Dictionary<string, double[]>(StringComparer.Ordinal);
            long bytes = 0;
            int[] collections = new int[3];
            int files = 0;
            string diagnostics = string.Empty;
            for (int i = 0; i < runs + 1; i++)
            {
                long floorBefore = GC.GetTotalAllocatedBytes(precise: true);
                Stopwatch watch = Stopwatch.StartNew();
                OpenApiReaderSettings settings = new();
                settings.AddYamlReader();
                _ = Microsoft.OpenApi.OpenApiDocument.Parse(text, name.EndsWith(".yaml", StringComparison.Ordinal) ? "yaml" : "json", settings);
                double floorMs = watch.Elapsed.TotalMilliseconds;
                double floorMb = (GC.GetTotalAllocatedBytes(precise: true) - floorBefore) / 1e6;

                GeneratorDriver driver = Driver(new SpecText(SpecText.PathFor(name), text), parse, tracked: true);
                long allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
                int gen0Before = GC.CollectionCount(0), gen1Before = GC.CollectionCount(1), gen2Before = GC.CollectionCount(2);
                watch.Restart();
                driver = driver.RunGenerators(compilation);
                GeneratorDriverRunResult result = driver.GetRunResult();
                double totalMs = watch.Elapsed.TotalMilliseconds;
                double allocatedMb = (GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / 1e6;
                int[] collected = { GC.CollectionCount(0) - gen0Before, GC.CollectionCount(1) - gen1Before, GC.CollectionCount(2) - gen2Before };
                watch.Restart();
                foreach (GeneratedSourceResult source in result.Results[0].GeneratedSources)
                {
                    _ = CSharpSyntaxTree.ParseText(source.SourceText, parse).GetRoot();
                }

                double reparseMs = watch.Elapsed.TotalMilliseconds;
                if (i == 0)
                {
                    bytes = result.Results[0].GeneratedSources.Sum(s => (long)s.SourceText.Length);
                    files = result.Results[0].GeneratedSources.Length;
                    // Any diagnostic makes the run locate it in the spec text, which indexes the whole text once.
                    diagnostics = string.Join(", ", result.Diagnostics.GroupBy(d => d.Id, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key + " x" + g.Count().ToString(CultureInfo.InvariantCulture)));
                    if (Environment.GetEnvironmentVariable("DUMP_GENERATED") is { Length: > 0 } dump)
                    {
                        string folder = Path.Combine(dump, name);
                        Directory.CreateDirectory(folder);
                        foreach (GeneratedSourceResult source in result.Results[0].GeneratedSources)
                        {
                            File.WriteAllText(Path.Combine(folder, source.HintName), source.SourceText.ToString());
                        }
                    }

                    continue; // warm-up
                }

                for (int generation = 0; generation < collections.Length; generation++)
                {
                    collections[generation] += collected[generation];
                }

                floor[i - 1] = floorMs;
                floorAllocated[i - 1] = floorMb;
                total[i - 1] = totalMs;
                allocated[i - 1] = allocatedMb;
                roslyn[i - 1] = reparseMs;
                AddSteps(steps, result, i - 1, runs);
            }


            Stopwatch nswagWatch = Stopwatch.StartNew();
            NSwag.OpenApiDocument document = name.EndsWith(".yaml", StringComparison.Ordinal)
                ? global::NSwag.OpenApiYamlDocument.FromYamlAsync(text, CancellationToken.None).GetAwaiter().GetResult()
                : global::NSwag.OpenApiDocument.FromJsonAsync(text, CancellationToken.None).GetAwaiter().GetResult();
            string nswag = new NSwag.CodeGeneration.CSharp.CSharpClientGenerator(document, new NSwag.CodeGeneration.CSharp.CSharpClientGeneratorSettings { ClassName = "Client" }).GenerateFile();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{spec}: NSwag {nswag.Length / 1024} KB chars in {nswagWatch.Elapsed.TotalMilliseconds:F0} ms (one cold run)"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{spec}: {files} files, {bytes / 1024} KB chars; floor {Median(floor):F1} ms, total {Median(total):F1} ms ({Median(total) / Median(floor):F2}x), a second Roslyn parse of the output alone {Median(roslyn):F1} ms; the run allocates {Median(allocated):F2} MB (the floor {Median(floorAllocated):F2} MB)"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    collections per generator run: gen0 {collections[0] / (double)runs:F2}, gen1 {collections[1] / (double)runs:F2}, gen2 {collections[2] / (double)runs:F2}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    the driver keeps {retainedMb:F1} MB after a cold run (the generated text alone is {bytes * 2 / 1e6:F1} MB)"));
            Console.WriteLine("    diagnostics: " + (diagnostics.Length == 0 ? "none" : diagnostics));
            PrintSteps(steps);
            EditRun(name, text, parse, compilation, runs, Median(total));
        }
    }

    /// <summary>
    /// The benchmark's one-schema edit (a word added to the first description under <c>components</c>), run on a warm
    /// driver in turns with the text before it: its time, what it allocates and its steps, against the cold run.
    /// </summary>
    private static void EditRun(string name, string text, CSharpParseOptions parse, CSharpCompilation compilation, int runs, double coldMs)
    {
        SpecText before = new(SpecText.PathFor(name), text);
        SpecText after = new(SpecText.PathFor(name), GenerationBenchmarks.EditOneSchema(text));
        GeneratorDriver driver = Driver(before, parse, tracked: true).RunGenerators(compilation);
        double[] total = new double[runs], allocated = new double[runs];
        var steps = new System.Collections.Generic.Dictionary<string, double[]>(StringComparer.Ordinal);
        bool edited = false;
        for (int i = 0; i < runs + 1; i++)
        {
            driver = driver.ReplaceAdditionalText(edited ? after : before, edited ? before : after);
            edited = !edited;
            long allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            Stopwatch watch = Stopwatch.StartNew();
            driver = driver.RunGenerators(compilation);
            GeneratorDriverRunResult result = driver.GetRunResult();
            if (i == 0)
            {
                continue; // warm-up
            }

            total[i - 1] = watch.Elapsed.TotalMilliseconds;
            allocated[i - 1] = (GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / 1e6;
            AddSteps(steps, result, i - 1, runs);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: one-schema edit {Median(total):F1} ms ({Median(total) / coldMs:F2} of the cold run), allocates {Median(allocated):F2} MB"));
        PrintSteps(steps);
    }

    /// <summary>A new driver running the generator over one spec; with step tracking, the run result has each step's time.</summary>
    private static GeneratorDriver Driver(SpecText spec, CSharpParseOptions parse, bool tracked)
        => CSharpGeneratorDriver.Create(
            new[] { new OpenApiClientGenerator().AsSourceGenerator() },
            ImmutableArray.Create<AdditionalText>(spec),
            parse,
            optionsProvider: null,
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: tracked));

    /// <summary>Records run <paramref name="index"/>'s time in each tracked step (a step's time summed over its outputs).</summary>
    private static void AddSteps(System.Collections.Generic.Dictionary<string, double[]> steps, GeneratorDriverRunResult result, int index, int runs)
    {
        foreach (var pair in result.Results[0].TrackedSteps)
        {
            if (!steps.TryGetValue(pair.Key, out double[]? values))
            {
                steps[pair.Key] = values = new double[runs];
            }

            values[index] = pair.Value.Sum(s => s.ElapsedTime.TotalMilliseconds);
        }
    }

    private static void PrintSteps(System.Collections.Generic.Dictionary<string, double[]> steps)
    {
        foreach (var pair in steps.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    step {pair.Key,-20} {Median(pair.Value),8:F1} ms"));
        }
    }

    /// <summary>
    /// The bytes reachable only through what <paramref name="make"/> returns: the live heap with it held, less the live
    /// heap once the one slot holding it is cleared (a local could stay alive until the method returns).
    /// </summary>
    private static long Retained(Func<object> make)
    {
        object?[] holder = new object?[1];
        Fill(holder, make);
        long held = HeapAfterCollecting();
        holder[0] = null;
        return held - HeapAfterCollecting();
    }

    /// <summary>Not inlined, so no temporary of the caller's frame (unoptimized code keeps them) holds the object.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static void Fill(object?[] holder, Func<object> make) => holder[0] = make();

    /// <summary>The live heap once everything unreachable, finalizable objects included, is collected.</summary>
    private static long HeapAfterCollecting()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private static double Median(double[] values)
    {
        double[] sorted = values.OrderBy(v => v).ToArray();
        return sorted[sorted.Length / 2];
    }
}
