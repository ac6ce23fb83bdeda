// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Threading.Tasks;

namespace LiveAvatarGen.Benchmarks;

/// <summary>
/// A paired comparison for the round trip, for machines where other work makes timings drift: blocks of calls
/// alternate between the hand-written call and the generated client (order swapped every pair), and the ratio is
/// taken per adjacent pair, so slow phases hit both sides alike. Reported: the median and quartiles of the ratios.
/// Run with <c>--paired</c>.
/// </summary>
internal static class PairedRoundTrip
{
    public static async Task RunAsync(int pairs = 1000, int callsPerBlock = 200)
    {
        RoundTripBenchmarks bench = new();
        await bench.SetupAsync();
        try
        {
            for (int i = 0; i < 5_000; i++)
            {
                await bench.HandWritten();
                await bench.Generated();
            }

            List<double> ratios = new(pairs);
            double handTotal = 0;
            double generatedTotal = 0;
            for (int pair = 0; pair < pairs; pair++)
            {
                double hand;
                double generated;
                if (pair % 2 == 0)
                {
                    hand = await TimeAsync(bench.HandWritten, callsPerBlock);
                    generated = await TimeAsync(bench.Generated, callsPerBlock);
                }
                else
                {
                    generated = await TimeAsync(bench.Generated, callsPerBlock);
                    hand = await TimeAsync(bench.HandWritten, callsPerBlock);
                }

                handTotal += hand;
                generatedTotal += generated;
                ratios.Add(generated / hand);
            }

            ratios.Sort();
            CultureInfo c = CultureInfo.InvariantCulture;
            Console.WriteLine(string.Create(c, $"paired round trip: {pairs} pairs x {callsPerBlock} calls per side"));
            Console.WriteLine(string.Create(c, $"  hand-written mean {handTotal / pairs / callsPerBlock * 1e6:F1} us/call, generated mean {generatedTotal / pairs / callsPerBlock * 1e6:F1} us/call"));
            Console.WriteLine(string.Create(c, $"  ratio generated/hand-written: median {ratios[pairs / 2]:F3}, quartiles {ratios[pairs / 4]:F3} .. {ratios[3 * pairs / 4]:F3}, ratio of totals {generatedTotal / handTotal:F3}"));
        }
        finally
        {
            await bench.CleanupAsync();
        }
    }

    private static async Task<double> TimeAsync<T>(Func<Task<T>> call, int count)
    {
        long start = Stopwatch.GetTimestamp();
        for (int i = 0; i < count; i++)
        {
            await call();
        }

        return (Stopwatch.GetTimestamp() - start) / (double)Stopwatch.Frequency;
    }
}
