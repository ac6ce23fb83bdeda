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

    [Theory]
    [MemberData(nameof(Specs))]
    public void GeneratesAndCompilesClean(string file)
    {
        string path = TestPaths.Spec(Path.Combine("public", file));
        // The file keeps its public name; the generator sees it under the *.openapi.* name a user would give it.
        string asSpec = "/specs/" + Path.GetFileNameWithoutExtension(file) + ".openapi" + Path.GetExtension(file);
        GenerationResult result = GeneratorHarness.Generate(asSpec, File.ReadAllText(path), TargetProfile.Net10CSharp14);

        Assert.Empty(result.GeneratorExceptions);
        string[] errors = result.GeneratorDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()).ToArray();
        Assert.True(errors.Length == 0, string.Join("\n", errors));
        Assert.NotEmpty(result.Sources);
        string[] problems = result.CompilationProblems.Select(d => d.ToString()).ToArray();
        Assert.True(problems.Length == 0, problems.Length + " problems:\n" + string.Join("\n", problems.Take(12)));
    }
}
