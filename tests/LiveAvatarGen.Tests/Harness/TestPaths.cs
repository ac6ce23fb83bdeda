// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.IO;
using System.Runtime.CompilerServices;

namespace LiveAvatarGen.Tests.Harness;

/// <summary>Locates files in the source tree (not the output folder), so snapshot updates land in git's view.</summary>
internal static class TestPaths
{
    public static string ProjectDirectory { get; } = Path.GetDirectoryName(ThisFile())! + "/..";

    public static string Spec(string fileName) => Path.GetFullPath(Path.Combine(ProjectDirectory, "Specs", fileName));

    public static string ReadSpec(string fileName) => File.ReadAllText(Spec(fileName));

    public static string Snapshots(string testName) => Path.GetFullPath(Path.Combine(ProjectDirectory, "Snapshots", testName));

    private static string ThisFile([CallerFilePath] string path = "") => path;
}
