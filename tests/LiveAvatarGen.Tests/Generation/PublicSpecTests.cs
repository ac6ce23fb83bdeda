// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System.Collections.Generic;
using System.IO;
using System.Linq;
using LiveAvatarGen.Tests.Harness;
using Microsoft.CodeAnalysis;
using Xunit;

namespace LiveAvatarGen.Tests.Generation;

/// <summary>Real public specs written by other projects: each generates and compiles with zero errors and zero warnings.</summary>
public sealed class PublicSpecTests
{
    public static IEnumerable<object[]> Specs() => Directory.GetFiles(TestPaths.Spec("public"))
        .Select(Path.GetFileName)
        .OrderBy(n => n, System.StringComparer.Ordinal)
        .Select(n => new object[] { n! });

    /// <summary>The big real specs (Stripe, Adyen, Twilio) from the scale work: same contract, C# 12 / net8.0 as well.</summary>
    public static IEnumerable<object[]> LargeSpecs() => Directory.GetFiles(TestPaths.Spec("large"))
        .Select(Path.GetFileName)
        .OrderBy(n => n, System.StringComparer.Ordinal)
        .Select(n => new object[] { n! });

    [Theory]
    [MemberData(nameof(Specs))]
    public void GeneratesAndCompilesClean(string file) => AssertCompilesClean("public", file, TargetProfile.Net10CSharp14);

    [Theory]
    [MemberData(nameof(Specs))]
    public void GeneratesAndCompilesCleanForNet8(string file) => AssertCompilesClean("public", file, TargetProfile.Net8CSharp12);

    [Theory]
    [MemberData(nameof(LargeSpecs))]
    public void LargeSpecGeneratesAndCompilesClean(string file) => AssertCompilesClean("large", file, TargetProfile.Net8CSharp12);

    private static void AssertCompilesClean(string folder, string file, TargetProfile profile)
    {
        string path = TestPaths.Spec(Path.Combine(folder, file));
        // The file keeps its public name; the generator sees it under the *.openapi.* name a user would give it.
        string asSpec = "/specs/" + Path.GetFileNameWithoutExtension(file) + ".openapi" + Path.GetExtension(file);
        GenerationResult result = GeneratorHarness.Generate(asSpec, File.ReadAllText(path), profile);

        Assert.Empty(result.GeneratorExceptions);
        string[] errors = result.GeneratorDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()).ToArray();
        Assert.True(errors.Length == 0, string.Join("\n", errors));
        Assert.NotEmpty(result.Sources);
        string[] problems = result.CompilationProblems.Select(d => d.ToString()).ToArray();
        Assert.True(problems.Length == 0, problems.Length + " problems:\n" + string.Join("\n", problems.Take(12)));
    }
}
