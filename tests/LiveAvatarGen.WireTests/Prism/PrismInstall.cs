// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;

namespace LiveAvatarGen.WireTests.Prism;

/// <summary>
/// Finds node and the pinned Prism install under artifacts/prism, installing it with <c>npm ci</c> when it is missing or
/// stale, so a plain <c>dotnet test</c> on a fresh machine works as well as CI (whose .ci/run installs it first).
/// </summary>
internal static class PrismInstall
{
    /// <summary>The version package.json pins; the install is redone when another one is found.</summary>
    public const string PinnedVersion = "5.16.0";

    private static readonly Lock s_installLock = new();
    private static string? s_entryPoint;

    /// <summary>Full path of node, or null when it is not on PATH (the only case in which the wire tests skip).</summary>
    public static string? Node { get; } = FindOnPath("node");

    /// <summary>Why the wire tests are skipped, or null when they run.</summary>
    public static string? SkipReason => Node is null
        ? "node is not on PATH: the Prism wire tests need node (20 or later) and npm to install @stoplight/prism-cli " + PinnedVersion + "."
        : null;

    /// <summary>The repository root: the folder holding LiveAvatarGen.sln above the test binary.</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>Where the checked-in package.json and package-lock.json live.</summary>
    public static string ManifestDirectory => Path.Combine(RepositoryRoot, "tests", "LiveAvatarGen.WireTests", "prism");

    /// <summary>The build folder Prism is installed into (kept out of git by the artifacts/ rule).</summary>
    public static string InstallDirectory => Path.Combine(RepositoryRoot, "artifacts", "prism");

    /// <summary>Prism's CLI script, run as <c>node &lt;script&gt; mock …</c>; installs Prism first when needed.</summary>
    public static string EntryPoint()
    {
        lock (s_installLock)
        {
            s_entryPoint ??= Install();
            return s_entryPoint;
        }
    }

    private static string Install()
    {
        string cli = Path.Combine(InstallDirectory, "node_modules", "@stoplight", "prism-cli");
        string entry = Path.Combine(cli, "dist", "index.js");
        string lockFile = Path.Combine(ManifestDirectory, "package-lock.json");
        string installedLock = Path.Combine(InstallDirectory, "package-lock.json");
        bool current = File.Exists(entry)
            && File.Exists(installedLock)
            && File.ReadAllText(installedLock) == File.ReadAllText(lockFile)
            && File.ReadAllText(Path.Combine(cli, "package.json")).Contains("\"version\": \"" + PinnedVersion + "\"", StringComparison.Ordinal);
        if (current)
        {
            return entry;
        }

        string npm = FindOnPath("npm") ?? throw new InvalidOperationException("node is on PATH but npm is not: npm is needed to install Prism into " + InstallDirectory + ".");
        Directory.CreateDirectory(InstallDirectory);
        File.Copy(Path.Combine(ManifestDirectory, "package.json"), Path.Combine(InstallDirectory, "package.json"), overwrite: true);
        File.Copy(lockFile, installedLock, overwrite: true);

        // --ignore-scripts: nothing Prism needs builds at install time, and the only install script (scarf) phones home.
        ProcessStartInfo start = new(npm, new[] { "ci", "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error" })
        {
            WorkingDirectory = InstallDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["SCARF_ANALYTICS"] = "false";
        using Process process = Process.Start(start) ?? throw new InvalidOperationException("npm did not start.");
        System.Threading.Tasks.Task<string> output = process.StandardOutput.ReadToEndAsync();
        System.Threading.Tasks.Task<string> errors = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException("npm ci in " + InstallDirectory + " took more than 5 minutes.");
        }

        if (process.ExitCode != 0 || !File.Exists(entry))
        {
            throw new InvalidOperationException("npm ci in " + InstallDirectory + " failed (exit " + process.ExitCode + "):\n" + output.Result + errors.Result);
        }

        return entry;
    }

    private static string? FindOnPath(string program)
    {
        string[] directories = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        string[] names = OperatingSystem.IsWindows() ? new[] { program + ".exe", program + ".cmd" } : new[] { program };
        return directories.SelectMany(d => names.Select(n => Path.Combine(d, n))).FirstOrDefault(File.Exists);
    }

    private static string FindRepositoryRoot()
    {
        for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "LiveAvatarGen.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Cannot find LiveAvatarGen.sln above " + AppContext.BaseDirectory);
    }
}
