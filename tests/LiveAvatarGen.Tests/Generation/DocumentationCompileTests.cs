// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System.Collections.Immutable;
using System.Linq;
using LiveAvatarGen.Tests.Harness;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace LiveAvatarGen.Tests.Generation;

/// <summary>
/// The generated XML documentation as a project with <c>GenerateDocumentationFile</c> sees it: every public member
/// documented, every <c>cref</c> bound. Implementations document themselves with <c>inheritdoc</c> from the
/// interface, so the text is written once per operation.
/// </summary>
public sealed class DocumentationCompileTests
{
    [Theory]
    [InlineData("../../../openapi.json")]
    [InlineData("constructs.openapi.yaml")]
    public void DocumentationCommentsCompileWithoutWarnings(string spec)
    {
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation(TargetProfile.Net10CSharp14, "namespace Consumer { /// <summary>Placeholder.</summary>\npublic static class Placeholder { } }");
        CSharpParseOptions diagnose = ((CSharpParseOptions)compilation.SyntaxTrees.First().Options).WithDocumentationMode(DocumentationMode.Diagnose);
        compilation = compilation.RemoveAllSyntaxTrees().AddSyntaxTrees(compilation.SyntaxTrees.Select(t => t.WithRootAndOptions(t.GetRoot(), diagnose)));
        string path = TestPaths.Spec(spec);
        GeneratorDriver driver = GeneratorHarness.CreateDriver(compilation, new[] { (path, System.IO.File.ReadAllText(path)) });
        driver.RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out ImmutableArray<Diagnostic> generatorDiagnostics);

        Assert.DoesNotContain(generatorDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Diagnostic[] problems = NullableWarnings.TurnedOn(output).GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToArray();
        Assert.True(problems.Length == 0, string.Join("\n", problems.Take(20).Select(d => d.ToString())));

        // The interface carries the text; the client's method and the companion point at it.
        SyntaxTree operationFile = output.SyntaxTrees.First(t => t.FilePath.EndsWith("Async.g.cs", System.StringComparison.Ordinal));
        string text = operationFile.ToString();
        Assert.Contains("/// <param name=\"cancellationToken\">Cancels the call.</param>", text, System.StringComparison.Ordinal);
        Assert.Contains("/// <inheritdoc />", text, System.StringComparison.Ordinal);
        Assert.Contains("/// <inheritdoc cref=\"", text, System.StringComparison.Ordinal);
    }
}
