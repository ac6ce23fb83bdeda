// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using LiveAvatarGen.Tests.Harness;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace LiveAvatarGen.Tests.Diagnostics;

/// <summary>
/// Mutates the real specs under Specs/ with a fixed seed and runs the generator on every mutant: no exception may
/// escape, no run may hang, and a mutant that yields no code must say why with a diagnostic.
/// </summary>
public sealed class FuzzTests
{
    private const int Seed = 20261124;
    private const int MutantsPerSpec = 500;
    private const string NoiseCharacters = "{}[]\":,-&*!|>#\\\n\tàé0\u0000";

    /// <summary>Far above any real run (milliseconds): only a hang or runaway work reaches it.</summary>
    private static readonly TimeSpan s_hangBound = TimeSpan.FromSeconds(60);

    private static readonly string[] s_specs =
    {
        "credits.openapi.json", "constructs.openapi.yaml", "public/oai-petstore.yaml", "public/oai-petstore-expanded.json",
        "public/oai-uspto.yaml", "public/oai-tictactoe.yaml", "public/oai-link-example.json", "public/adyen-binlookup-v54.json",
        TestPaths.LiveAvatar, "public/redocly-museum.yaml",
    };

    private static readonly string[] s_typeWords = { "\"string\"", "\"integer\"", "\"object\"", "\"array\"", "\"number\"", "\"boolean\"", "\"null\"", "string", "integer", "object", "array" };

    public static IEnumerable<object[]> Specs() => s_specs.Select(s => new object[] { s });

    [Theory]
    [MemberData(nameof(Specs))]
    public async Task MutantsNeverCrashHangOrFailSilently(string spec)
    {
        string original = File.ReadAllText(TestPaths.Spec(spec));
        string path = "/specs/fuzz.openapi" + Path.GetExtension(spec);
        Random random = new(Seed ^ spec.Length);
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation(TargetProfile.Net10CSharp14, "namespace Consumer { }");
        List<string> failures = new();
        for (int i = 0; i < MutantsPerSpec && failures.Count < 5; i++)
        {
            (string kind, string mutant) = Mutate(original, random);
            Task<GeneratorDriverRunResult> run = Task.Run(() => GeneratorHarness.Run(GeneratorHarness.CreateDriver(compilation, new[] { (path, mutant) }), compilation).GetRunResult());
            if (await Task.WhenAny(run, Task.Delay(s_hangBound)) != run)
            {
                failures.Add($"mutant {i} ({kind}) did not finish within {s_hangBound}");
                continue;
            }

            GeneratorRunResult result = (await run).Results.Single();
            if (result.Exception is not null)
            {
                failures.Add($"mutant {i} ({kind}) threw {result.Exception}");
            }
            else if (result.Diagnostics.FirstOrDefault(d => d.Id == "LAG1006") is { } internalError)
            {
                // The last-resort catch kept the build alive, but an unexpected exception is still a bug to find here.
                failures.Add($"mutant {i} ({kind}) hit the last-resort catch: {internalError.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}");
            }
            else if (result.GeneratedSources.Length == 0 && result.Diagnostics.Length == 0)
            {
                failures.Add($"mutant {i} ({kind}) produced nothing and said nothing");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static (string Kind, string Text) Mutate(string text, Random random)
    {
        int position = random.Next(text.Length);
        switch (random.Next(7))
        {
            case 0:
                return ("truncate", text.Substring(0, position));
            case 1:
                int length = random.Next(1, Math.Min(200, text.Length - position) + 1);
                return ("delete span", text.Remove(position, Math.Min(length, text.Length - position)));
            case 2:
                string from = s_typeWords[random.Next(s_typeWords.Length)];
                int at = text.IndexOf(from, position, StringComparison.Ordinal);
                return at < 0 ? ("swap type (none)", text) : ("swap type", text.Remove(at, from.Length).Insert(at, s_typeWords[random.Next(s_typeWords.Length)]));
            case 3:
                int reference = text.IndexOf("#/components/", position, StringComparison.Ordinal);
                return reference < 0 ? ("break ref (none)", text) : ("break ref", text.Insert(reference + 13, random.Next(2) == 0 ? "x" : "../"));
            case 4:
                StringBuilder noise = new();
                for (int n = random.Next(1, 8); n > 0; n--)
                {
                    noise.Append(NoiseCharacters[random.Next(NoiseCharacters.Length)]);
                }

                return ("random characters", text.Insert(position, noise.ToString()));
            case 5:
                int spanLength = Math.Min(random.Next(1, 300), text.Length - position);
                return ("duplicate span", text.Insert(position, text.Substring(position, spanLength)));
            default:
                return ("swap digits", new string(text.Select(c => char.IsDigit(c) && random.Next(20) == 0 ? (char)('0' + random.Next(10)) : c).ToArray()));
        }
    }
}
