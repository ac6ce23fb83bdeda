// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.Globalization;
using System.IO;
using System.Text;

namespace LiveAvatarGen.Tests.Harness;

/// <summary>
/// The test assembly's entry point. The test runner never calls it (it loads the assembly as a library); the
/// determinism test runs it as <c>dotnet exec LiveAvatarGen.Tests.dll generate &lt;spec&gt; &lt;namespace&gt; &lt;culture&gt; &lt;output&gt;</c>
/// to generate in a process of its own (its own string hash seed, culture and JIT state).
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length != 5 || args[0] != "generate")
        {
            Console.Error.WriteLine("usage: generate <spec path> <namespace> <culture> <output file>");
            return 2;
        }

        CultureInfo culture;
        try
        {
            culture = CultureInfo.GetCultureInfo(args[3]);
        }
        catch (CultureNotFoundException)
        {
            // Globalization-invariant hosts know no cultures; the separate process still has its own hash seed.
            culture = CultureInfo.InvariantCulture;
        }

        CultureInfo.DefaultThreadCurrentCulture = culture;
        CultureInfo.DefaultThreadCurrentUICulture = culture;
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = culture;
        File.WriteAllBytes(args[4], Determinism.GenerateAll(args[1], args[2]));
        return 0;
    }
}

/// <summary>What the determinism test compares: every generated file of one spec, in hint-name order, as bytes.</summary>
internal static class Determinism
{
    public static byte[] GenerateAll(string specPath, string ns)
    {
        GenerationResult result = GeneratorHarness.Generate(specPath, File.ReadAllText(specPath), ns: ns, withHttpClientFactory: true);
        if (result.GeneratorExceptions.Count > 0)
        {
            throw new InvalidOperationException("the generator threw", result.GeneratorExceptions[0]);
        }

        StringBuilder all = new();
        foreach (Microsoft.CodeAnalysis.GeneratedSourceResult source in result.Sources)
        {
            all.Append("//// ").Append(source.HintName).Append('\n').Append(source.SourceText.ToString());
        }

        foreach (Microsoft.CodeAnalysis.Diagnostic diagnostic in result.GeneratorDiagnostics)
        {
            all.Append("//// diagnostic ").Append(diagnostic.ToString()).Append('\n');
        }

        return Encoding.UTF8.GetBytes(all.ToString());
    }
}
