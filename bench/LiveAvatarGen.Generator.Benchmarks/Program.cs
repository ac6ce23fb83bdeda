// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/LiveAvatarGen.Generator.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(LiveAvatarGen.Generator.Benchmarks.GenerationBenchmarks).Assembly).Run(args);
