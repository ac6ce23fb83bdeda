using System.IO;
using System.Linq;
using LiveAvatarGen.Tests.Harness;
using Microsoft.CodeAnalysis;
using Xunit;

namespace LiveAvatarGen.Tests.Targets;

public sealed class ProbeTests
{
    [Theory]
    [InlineData(TargetProfile.NetStandard20CSharp14)]
    [InlineData(TargetProfile.Net472CSharp14)]
    public void Probe(TargetProfile profile)
    {
        string[] specs = { TestPaths.LiveAvatar, "constructs.openapi.yaml", "paging.openapi.yaml", "wiretruth31.openapi.yaml", "servers.openapi.yaml", "large/stripe.yaml" };
        using StreamWriter w = new("/tmp/probe-" + profile + ".txt");
        foreach (string spec in specs)
        {
            GenerationResult result = GeneratorHarness.Generate(TestPaths.Spec(spec), TestPaths.ReadSpec(spec), profile, skipCachingCheckBecause: "probe");
            w.WriteLine("== " + spec + " exceptions " + result.GeneratorExceptions.Count + " gen diags " + result.GeneratorDiagnostics.Length + " sources " + result.Sources.Count + " " + string.Join(",", result.Sources.Select(x => x.HintName).Where(h => h.Contains("Polyfill", System.StringComparison.Ordinal))));
            foreach (var g in result.CompilationProblems.GroupBy(d => d.Id + " " + d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)).OrderByDescending(g => g.Count()).Take(60))
            {
                w.WriteLine(g.Count() + "x " + g.Key + "   e.g. " + g.First().Location.GetLineSpan());
            }
        }
    }
}
