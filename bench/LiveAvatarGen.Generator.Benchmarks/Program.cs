// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System.Linq;
using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/LiveAvatarGen.Generator.Benchmarks -- --filter '*'
// dotnet run -c Release --project bench/LiveAvatarGen.Generator.Benchmarks -- --stages [spec ...]
if (args.Length > 0 && args[0] == "--stages")
{
    string[] specs = args.Length > 1 ? args.Skip(1).ToArray() : new[] { "liveavatar.openapi.json", "spotify.yaml", "stripe.yaml", "adyen-management-v3.json", "twilio-conversations-v1.json", "twilio-flex-v1.json" };
    LiveAvatarGen.Generator.Benchmarks.StageProfile.Run(specs);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(LiveAvatarGen.Generator.Benchmarks.GenerationBenchmarks).Assembly).Run(args);
