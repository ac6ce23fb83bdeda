// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using LiveAvatarGen.WireTests.Prism;

namespace LiveAvatarGen.WireTests.Judging;

/// <summary>The figures of one (spec, mode) run.</summary>
internal sealed record WireRun(string Spec, PrismMode Mode, IReadOnlyList<CallResult> Calls, IReadOnlyList<(CallResult Call, KnownFailure Known)> Known, string? Refused)
{
    public int Called => Calls.Count;

    public int Passed => Calls.Count(c => c.Verdict == Verdict.Passed);

    public int SpecDefects => Calls.Count(c => c.Verdict == Verdict.SpecDefect);

    public int NotJudged => Calls.Count(c => c.Verdict == Verdict.NotJudged);

    public int Failed => Calls.Count(c => c.Verdict == Verdict.Failed);

    /// <summary>One row of the results table.</summary>
    public string Row() => string.Format(
        CultureInfo.InvariantCulture,
        "| {0} | {1} | {2} | {3} | {4} | {5} | {6} | {7} |",
        Spec,
        Mode == PrismMode.Static ? "static" : "dynamic",
        Called,
        Passed,
        SpecDefects,
        NotJudged,
        Known.Count,
        Failed - Known.Count);

    public const string Header = "| spec | mode | called | passed | spec defects skipped | not judged | known failures | new failures |\n|---|---|---:|---:|---:|---:|---:|---:|";
}

/// <summary>
/// Collects every run of the session and, when the collection ends, writes the table and the full failure list to
/// artifacts/prism/results.md (xunit shows no output from a fixture, and .ci/run prints that file).
/// </summary>
public sealed class WireResults : IDisposable
{
    private readonly List<WireRun> _runs = new();

    internal void Add(WireRun run)
    {
        lock (_runs)
        {
            _runs.Add(run);
        }
    }

    public void Dispose()
    {
        List<WireRun> runs;
        lock (_runs)
        {
            runs = _runs.OrderBy(r => r.Spec, StringComparer.Ordinal).ThenBy(r => r.Mode).ToList();
        }

        if (runs.Count == 0)
        {
            return;
        }

        StringBuilder text = new();
        text.AppendLine("# Prism wire tests: results");
        text.AppendLine();
        text.AppendLine(WireRun.Header);
        foreach (WireRun run in runs)
        {
            text.AppendLine(run.Row());
        }

        text.AppendLine(string.Format(
            CultureInfo.InvariantCulture,
            "| **total** | | {0} | {1} | {2} | {3} | {4} | {5} |",
            runs.Sum(r => r.Called),
            runs.Sum(r => r.Passed),
            runs.Sum(r => r.SpecDefects),
            runs.Sum(r => r.NotJudged),
            runs.Sum(r => r.Known.Count),
            runs.Sum(r => r.Failed - r.Known.Count)));
        text.AppendLine();
        text.AppendLine("## Failures (spec, mode, operation, category, message)");
        foreach (WireRun run in runs)
        {
            if (run.Refused is not null)
            {
                text.AppendLine("- " + run.Spec + ", " + run.Mode + ": Prism refused the spec: " + run.Refused);
            }

            foreach (CallResult call in run.Calls.Where(c => c.Verdict == Verdict.Failed))
            {
                KnownFailure? known = run.Known.Where(k => ReferenceEquals(k.Call, call)).Select(k => k.Known).FirstOrDefault();
                text.AppendLine("- " + run.Spec + ", " + run.Mode + ", " + call.Operation + ", " + call.Category + (known is null ? " (NEW)" : " (known: " + known.Reason + ")") + ": " + call.Detail);
            }
        }

        text.AppendLine();
        text.AppendLine("## Spec defects and calls not judged");
        foreach (WireRun run in runs)
        {
            foreach (CallResult call in run.Calls.Where(c => c.Verdict is Verdict.SpecDefect or Verdict.NotJudged))
            {
                text.AppendLine("- " + run.Spec + ", " + run.Mode + ", " + call.Operation + ", " + call.Verdict + ": " + call.Detail);
            }
        }

        Directory.CreateDirectory(PrismInstall.InstallDirectory);
        File.WriteAllText(Path.Combine(PrismInstall.InstallDirectory, "results.md"), text.ToString());
    }
}
