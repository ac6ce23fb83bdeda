// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System.Linq;
using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/LiveAvatarGen.Generator.Benchmarks -- --filter '*'
// dotnet run -c Release --project bench/LiveAvatarGen.Generator.Benchmarks -- --stages [spec ...]   (where a run's time goes; spec*n: n copies of a JSON spec)
// dotnet run -c Release --project bench/LiveAvatarGen.Generator.Benchmarks -- --sizes [spec ...]    (C# size, compile time, dll size)
// dotnet run -c Release --project bench/LiveAvatarGen.Generator.Benchmarks -- --dlls [spec ...]     (what the two dlls are made of)
// dotnet run -c Release --project bench/LiveAvatarGen.Generator.Benchmarks -- --dump folder [spec ...] (both generators' C# written out, to read)
string[] allSpecs = { "liveavatar.openapi.json", "spotify.yaml", "stripe.yaml", "adyen-management-v3.json", "twilio-conversations-v1.json", "twilio-flex-v1.json" };
if (args.Length > 0 && args[0] == "--sizes")
{
    LiveAvatarGen.Generator.Benchmarks.OutputSize.Run(args.Length > 1 ? args.Skip(1).ToArray() : allSpecs);
    return;
}

if (args.Length > 0 && args[0] == "--dlls")
{
    LiveAvatarGen.Generator.Benchmarks.DllComposition.Run(args.Length > 1 ? args.Skip(1).ToArray() : allSpecs);
    return;
}

if (args.Length > 1 && args[0] == "--dump")
{
    LiveAvatarGen.Generator.Benchmarks.OutputSize.Dump(args[1], args.Length > 2 ? args.Skip(2).ToArray() : allSpecs);
    return;
}

if (args.Length > 0 && args[0] == "--stages")
{
    LiveAvatarGen.Generator.Benchmarks.StageProfile.Run(args.Length > 1 ? args.Skip(1).ToArray() : allSpecs);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(LiveAvatarGen.Generator.Benchmarks.GenerationBenchmarks).Assembly).Run(args);
