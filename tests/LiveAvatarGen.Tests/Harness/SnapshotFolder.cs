// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace LiveAvatarGen.Tests.Harness;

/// <summary>
/// Checked-in snapshots under <c>Snapshots/&lt;name&gt;/</c>, one file per generated file. A snapshot changes only
/// when a person asks for it: run the tests with <c>UPDATE_SNAPSHOTS=1</c>, then review the diff in git.
/// </summary>
internal static partial class SnapshotFolder
{
    /// <summary>What the generator's version becomes in snapshots, so a version bump changes none of them.</summary>
    public const string ScrubbedVersion = "<version>";

    public static bool Updating => Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") == "1";

    /// <summary>The text as it is stored: the version in <c>GeneratedCode("LiveAvatarGen", "…")</c> scrubbed.</summary>
    public static string Scrub(string text) => GeneratedCodeVersion().Replace(text, "GeneratedCode(\"LiveAvatarGen\", \"" + ScrubbedVersion + "\")");

    /// <summary>Compares <paramref name="files"/> (file name → text) with the folder, or rewrites it when updating.</summary>
    public static void Match(string name, IReadOnlyDictionary<string, string> files)
    {
        string folder = TestPaths.Snapshots(name);
        Dictionary<string, string> scrubbed = files.ToDictionary(f => f.Key, f => Scrub(f.Value), StringComparer.Ordinal);
        if (Updating)
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }

            Directory.CreateDirectory(folder);
            foreach ((string file, string text) in scrubbed)
            {
                File.WriteAllText(Path.Combine(folder, file), text);
            }

            return;
        }

        Assert.True(Directory.Exists(folder), $"No snapshots at {folder}; run the tests once with UPDATE_SNAPSHOTS=1 and review them.");
        string[] expectedFiles = Directory.GetFiles(folder).Select(Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal).ToArray()!;
        Assert.Equal(expectedFiles, scrubbed.Keys.OrderBy(k => k, StringComparer.Ordinal).ToArray());
        foreach (string file in expectedFiles)
        {
            string expected = File.ReadAllText(Path.Combine(folder, file));
            Assert.True(expected == scrubbed[file], $"{name}/{file} differs from its snapshot. If the change is intended, rerun with UPDATE_SNAPSHOTS=1 and review the diff.\n{FirstDifference(expected, scrubbed[file])}");
        }
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

    [GeneratedRegex("GeneratedCode\\(\"LiveAvatarGen\", \"[^\"]*\"\\)")]
    private static partial Regex GeneratedCodeVersion();
}
