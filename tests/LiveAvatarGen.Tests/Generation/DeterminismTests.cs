// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using LiveAvatarGen.Tests.Harness;
using Xunit;

namespace LiveAvatarGen.Tests.Generation;

/// <summary>
/// The same spec gives byte-identical output in separate processes. Two runs in one process share the string hash
/// seed, the culture and every static; two processes do not, so only this catches output that depends on
/// <c>string.GetHashCode</c>, dictionary order or the current culture. The test starts its own assembly twice
/// (<see cref="Program"/>), once under the invariant culture and once under Finnish (whose minus sign is U+2212).
/// </summary>
public sealed class DeterminismTests
{
    [Theory]
    [InlineData(TestPaths.LiveAvatar, "LiveAvatar.Api")]
    [InlineData("constructs.openapi.yaml", "Constructs.Api")]
    public void TwoProcessesGenerateByteIdenticalOutput(string spec, string ns)
    {
        string path = TestPaths.Spec(spec);

        byte[] first = GenerateInAnotherProcess(path, ns, CultureInfo.InvariantCulture.Name);
        byte[] second = GenerateInAnotherProcess(path, ns, "fi-FI");
        byte[] here = Determinism.GenerateAll(path, ns);

        Assert.True(first.Length > 10_000, "the output is suspiciously short: " + first.Length + " bytes");
        Assert.True(first.AsSpan().SequenceEqual(second), "Two processes generated different output from " + spec + ":\n" + FirstDifference(first, second));
        Assert.True(first.AsSpan().SequenceEqual(here), "Another process and this one generated different output from " + spec + ":\n" + FirstDifference(first, here));
        Assert.DoesNotContain((byte)'\r', first);
    }

    private static byte[] GenerateInAnotherProcess(string specPath, string ns, string culture)
    {
        string output = Path.Combine(Path.GetTempPath(), "lag-determinism-" + Guid.NewGuid().ToString("N") + ".txt");
        ProcessStartInfo start = new(DotnetHost())
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (string argument in new[] { "exec", typeof(Program).Assembly.Location, "generate", specPath, ns, culture, output })
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using Process process = Process.Start(start)!;
            System.Threading.Tasks.Task<string> stderr = process.StandardError.ReadToEndAsync();
            System.Threading.Tasks.Task<string> stdout = process.StandardOutput.ReadToEndAsync();
            Assert.True(process.WaitForExit(TimeSpan.FromMinutes(2)), "the generating process did not finish");
            Assert.True(process.ExitCode == 0, $"the generating process failed ({process.ExitCode}):\n{stdout.Result}\n{stderr.Result}");
            return File.ReadAllBytes(output);
        }
        finally
        {
            File.Delete(output);
        }
    }

    /// <summary>The dotnet host running the tests (the SDK sets DOTNET_HOST_PATH), else the one on PATH.</summary>
    private static string DotnetHost()
        => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    private static string FirstDifference(byte[] left, byte[] right)
    {
        string[] a = System.Text.Encoding.UTF8.GetString(left).Split('\n');
        string[] b = System.Text.Encoding.UTF8.GetString(right).Split('\n');
        for (int i = 0; i < Math.Max(a.Length, b.Length); i++)
        {
            string x = i < a.Length ? a[i] : "<end>";
            string y = i < b.Length ? b[i] : "<end>";
            if (x != y)
            {
                return $"line {i + 1}:\n  one:   {x}\n  other: {y}";
            }
        }

        return "no line differs";
    }
}
