// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using LiveAvatarGen.Tests.Harness;
using Microsoft.CodeAnalysis;
using Xunit;

namespace LiveAvatarGen.Tests.Generation;

/// <summary>
/// Every generated file is compared with a checked-in snapshot under <c>Snapshots/</c>. A snapshot changes only
/// when a person asks for it: run the tests with <c>UPDATE_SNAPSHOTS=1</c>, then review the diff in git.
/// </summary>
public sealed class SnapshotTests
{
    [Theory]
    [InlineData("credits.openapi.json", "Credits")]
    [InlineData("liveavatar.openapi.json", "LiveAvatar")]
    public void GeneratedFilesMatchSnapshots(string spec, string snapshotFolder)
    {
        GenerationResult result = GeneratorHarness.Generate("/specs/" + spec, TestPaths.ReadSpec(spec), ns: "LiveAvatar.Api", clientName: "LiveAvatarClient", withHttpClientFactory: true);
        Dictionary<string, string> generated = result.Sources.ToDictionary(s => s.HintName, s => s.SourceText.ToString(), StringComparer.Ordinal);
        string folder = TestPaths.Snapshots(snapshotFolder);

        if (Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") == "1")
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }

            Directory.CreateDirectory(folder);
            foreach ((string hint, string text) in generated)
            {
                File.WriteAllText(Path.Combine(folder, hint), text);
            }

            return;
        }

        Assert.True(Directory.Exists(folder), $"No snapshots at {folder}; run the tests once with UPDATE_SNAPSHOTS=1 and review them.");
        string[] expectedFiles = Directory.GetFiles(folder).Select(Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal).ToArray()!;
        Assert.Equal(expectedFiles, generated.Keys.OrderBy(k => k, StringComparer.Ordinal).ToArray());
        foreach (string file in expectedFiles)
        {
            string expected = File.ReadAllText(Path.Combine(folder, file));
            Assert.True(expected == generated[file], $"{file} differs from its snapshot. If the change is intended, rerun with UPDATE_SNAPSHOTS=1 and review the diff.\n{FirstDifference(expected, generated[file])}");
        }
    }

    [Fact]
    public void OutputIsDeterministicAndUsesLfOnly()
    {
        string text = TestPaths.ReadSpec("liveavatar.openapi.json");
        GenerationResult first = GeneratorHarness.Generate("/specs/a.openapi.json", text);
        GenerationResult second = GeneratorHarness.Generate("/specs/a.openapi.json", text);

        Assert.Equal(first.Sources.Select(s => s.HintName + s.SourceText), second.Sources.Select(s => s.HintName + s.SourceText));
        Assert.All(first.Sources, s => Assert.DoesNotContain('\r', s.SourceText.ToString()));
    }

    private static string FirstDifference(string expected, string actual)
    {
        string[] e = expected.Split('\n');
        string[] a = actual.Split('\n');
        for (int i = 0; i < Math.Max(e.Length, a.Length); i++)
        {
            string left = i < e.Length ? e[i] : "<end>";
            string right = i < a.Length ? a[i] : "<end>";
            if (left != right)
            {
                return $"line {i + 1}:\n  expected: {left}\n  actual:   {right}";
            }
        }

        return "no line differs";
    }
}
