// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.IO;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

// One fast job: in-process (no separate benchmark build, so the repository's warnings-as-errors settings never meet
// BenchmarkDotNet's generated code), 3 warm-ups and 10 measured iterations; the round trip asks for more (see its
// attributes) because network timings are noisier. Every other BenchmarkDotNet argument passes through, e.g.
//   dotnet run -c Release --project bench/LiveAvatarGen.Benchmarks -- --filter '*'
// --paired runs the paired round-trip comparison instead (see PairedRoundTrip).
if (args.Length > 0 && args[0] == "--paired")
{
    await LiveAvatarGen.Benchmarks.PairedRoundTrip.RunAsync();
    return;
}

IConfig config = DefaultConfig.Instance
    .AddJob(Job.Default
        .WithToolchain(InProcessEmitToolchain.Instance)
        .WithWarmupCount(3)
        .WithIterationCount(10)
        .WithId("fast"))
    .WithArtifactsPath(Path.Combine(AppContext.BaseDirectory, "BenchmarkDotNet.Artifacts"));
BenchmarkSwitcher.FromAssembly(typeof(LiveAvatarGen.Benchmarks.Payloads).Assembly).Run(args, config);
