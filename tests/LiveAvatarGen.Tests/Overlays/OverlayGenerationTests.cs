// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using LiveAvatarGen.Generator;
using LiveAvatarGen.Tests.Harness;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace LiveAvatarGen.Tests.Overlays;

/// <summary>
/// Overlays through the whole generator: paired with their spec as AdditionalFiles (by name beside it, or by
/// <c>OpenApiOverlays</c>), the client they produce compiled with nullable on and zero warnings, and the caching:
/// editing an overlay re-parses its spec, any other edit does not.
/// </summary>
public sealed class OverlayGenerationTests
{
    private const string SpecPath = "/src/api/pets.openapi.yaml";

    /// <summary>Code a user writes against the fixed client: it compiles only when the overlay was applied.</summary>
    private const string Consumer = """
        namespace Consumer
        {
            internal static class UsesFixedClient
            {
                public static async System.Threading.Tasks.Task<string> FirstNameAsync(Pets.Api.PetsClient client)
                {
                    var pets = await client.Pets.ListPetsAsync();
                    Pets.Api.Pet made = new() { Id = 1, Name = "Rex" };
                    return pets[0].Name + made.Name;
                }
            }
        }
        """;

    private sealed record Run(GeneratorDriver Driver, CSharpCompilation Compilation, Compilation Output, ImmutableArray<Diagnostic> Diagnostics)
    {
        public string Source(string hintSuffix) => Driver.GetRunResult().GeneratedTrees.Single(t => t.FilePath.EndsWith(hintSuffix, StringComparison.Ordinal)).ToString();

        public IEnumerable<string> HintNames => Driver.GetRunResult().GeneratedTrees.Select(t => System.IO.Path.GetFileName(t.FilePath));

        public IReadOnlyList<Diagnostic> CompilationProblems => NullableWarnings.TurnedOn(Output).GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
    }

    private static Run Generate(IReadOnlyDictionary<string, string>? metadata, string consumer, params (string Path, string Text)[] files)
    {
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation(TargetProfile.Net10CSharp14, consumer);
        GeneratorDriver driver = GeneratorHarness.CreateDriver(compilation, files, "Pets.Api", metadata: metadata);
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out ImmutableArray<Diagnostic> diagnostics);
        GeneratorHarness.AssertCachedAfterUnrelatedEdit(driver, compilation);
        return new Run(driver, compilation, output, diagnostics);
    }

    private static IncrementalStepRunReason[] Reasons(GeneratorDriver driver, string step)
        => driver.GetRunResult().Results.Single().TrackedSteps[step].SelectMany(s => s.Outputs).Select(o => o.Reason).ToArray();

    [Theory]
    [InlineData("/src/api/pets.openapi.overlay.yaml", true)]
    [InlineData("/src/api/pets.openapi.overlay.yml", true)]
    [InlineData("/src/api/pets.openapi.overlay.json", false)]
    public void AnOverlayNamedAfterTheSpecBesideItIsAppliedAndTheFixedClientCompiles(string overlayPath, bool yaml)
    {
        Run run = Generate(null, Consumer, (SpecPath, OverlaySpecs.SpecYaml), (overlayPath, yaml ? OverlaySpecs.FixYaml : OverlaySpecs.FixJson));

        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.CompilationProblems);
        Assert.Contains("ListPetsAsync(", run.Source(".PetsPetsClient.ListPetsAsync.g.cs"), StringComparison.Ordinal);
        Assert.DoesNotContain(run.HintNames, h => h.Contains("DeleteAllPets", StringComparison.Ordinal));
        Assert.Contains("The pet's name.", run.Source(".Pet.g.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void WithoutTheOverlayTheSameConsumerDoesNotCompile()
    {
        Run run = Generate(null, Consumer, (SpecPath, OverlaySpecs.SpecYaml), ("/src/other/pets.openapi.overlay.yaml", OverlaySpecs.FixYaml), ("/src/api/openapi.overlay.yaml", OverlaySpecs.FixYaml));

        // Neither is this spec's: one is in another folder, the other is named after another spec.
        Assert.Empty(run.Diagnostics);
        Assert.Contains(run.CompilationProblems, d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Contains("ListPetsAsync", StringComparison.Ordinal));
        Assert.Contains(run.HintNames, h => h.Contains("DeleteAllPets", StringComparison.Ordinal));
    }

    [Fact]
    public void OpenApiOverlaysNamesFilesRelativeToTheSpecAppliedAfterTheConventionsInListedOrder()
    {
        const string rename = """
            overlay: 1.0.0
            info: { title: rename again, version: "1" }
            actions:
              - target: $.paths['/pets'].get
                update: { operationId: fetchPets }
            """;
        const string renameBack = """
            { "overlay": "1.0.0", "info": { "title": "back", "version": "1" },
              "actions": [ { "target": "$..[?@.operationId == 'fetchPets']", "update": { "operationId": "listPets" } } ] }
            """;
        Dictionary<string, string> metadata = new() { ["OpenApiOverlays"] = " fixes/rename.yaml ; ..\\shared\\.\\back.json;" };

        Run run = Generate(
            metadata,
            Consumer,
            (SpecPath, OverlaySpecs.SpecYaml),
            ("/src/shared/back.json", renameBack),
            ("/src/api/fixes/rename.yaml", rename),
            ("/src/api/pets.openapi.overlay.yaml", OverlaySpecs.FixYaml));

        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.CompilationProblems);
        Assert.Contains(run.HintNames, h => h.EndsWith(".ListPetsAsync.g.cs", StringComparison.Ordinal));
    }

    [Fact]
    public void ANamedOverlayThatIsNotAnAdditionalFileIsReported()
    {
        Run run = Generate(new Dictionary<string, string> { ["OpenApiOverlays"] = "fix.yaml" }, "namespace Consumer { }", (SpecPath, OverlaySpecs.SpecYaml));

        Diagnostic error = Assert.Single(run.Diagnostics);
        Assert.Equal("LAG1009", error.Id);
        Assert.Equal(SpecPath, error.Location.GetLineSpan().Path);
        Assert.Contains("/src/api/fix.yaml", error.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Empty(run.CompilationProblems);
    }

    [Fact]
    public void AnOverlayDiagnosticOpensTheOverlayAtTheAction()
    {
        const string overlay = "overlay: 1.0.0\ninfo: { title: x, version: '1' }\nactions:\n  - target: $.paths['/pets'].get\n    update: { operationId: listPets }\n  - target: $.paths['/cats']\n    remove: true\n";

        Run run = Generate(null, "namespace Consumer { }", (SpecPath, OverlaySpecs.SpecYaml), ("/src/api/pets.openapi.overlay.yaml", overlay));

        Diagnostic warning = Assert.Single(run.Diagnostics);
        Assert.Equal("LAG2006", warning.Id);
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        FileLinePositionSpan span = warning.Location.GetLineSpan();
        Assert.Equal("/src/api/pets.openapi.overlay.yaml", span.Path);
        Assert.Equal(5, span.StartLinePosition.Line);
        Assert.Equal(4, span.StartLinePosition.Character);
        Assert.Equal("#/actions/1: the target '$.paths['/cats']' matches nothing in the spec; the action changed nothing", warning.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void EditingTheOverlayRegeneratesAndAnUnrelatedFileEditDoesNot()
    {
        InMemoryText spec = new(SpecPath, OverlaySpecs.SpecYaml);
        InMemoryText overlay = new("/src/api/pets.openapi.overlay.yaml", OverlaySpecs.FixYaml);
        InMemoryText notes = new("/src/api/notes.overlay.yaml", "overlay: 1.0.0\n");
        InMemoryText otherSpec = new("/src/other/openapi.json", """{ "openapi": "3.1.0", "info": { "title": "Other API", "version": "1" }, "paths": {} }""");
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation(TargetProfile.Net10CSharp14, Consumer);
        GeneratorDriver driver = GeneratorHarness.CreateDriver(compilation, new List<(string, string)>(), "Pets.Api")
            .AddAdditionalTexts(ImmutableArray.Create<AdditionalText>(spec, overlay, notes, otherSpec));
        driver = GeneratorHarness.Run(driver, compilation);

        // An unrelated additional file (no spec asks for it) and another spec: the pets spec is not parsed again.
        InMemoryText notesEdited = new(notes.Path, "overlay: 1.0.0\nactions: []\n");
        driver = GeneratorHarness.Run(driver.ReplaceAdditionalText(notes, notesEdited), compilation);
        Assert.All(Reasons(driver, TrackingNames.Parse), r => Assert.True(r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, r.ToString()));
        InMemoryText otherEdited = new(otherSpec.Path, otherSpec.GetText().ToString().Replace("Other API", "Another API", StringComparison.Ordinal));
        driver = driver.ReplaceAdditionalText(otherSpec, otherEdited).RunGenerators(compilation);
        Assert.Equal(1, Reasons(driver, TrackingNames.Parse).Count(r => r == IncrementalStepRunReason.Modified));
        Assert.Contains(driver.GetRunResult().GeneratedTrees, t => t.FilePath.EndsWith(".AnotherClient.AnotherClient.g.cs", StringComparison.Ordinal));
        Assert.Contains(driver.GetRunResult().GeneratedTrees, t => t.FilePath.EndsWith(".PetsPetsClient.ListPetsAsync.g.cs", StringComparison.Ordinal));

        // Editing the overlay parses the spec again and changes what is generated.
        InMemoryText overlayEdited = new(overlay.Path, OverlaySpecs.FixYaml.Replace("operationId: listPets", "operationId: listEveryPet", StringComparison.Ordinal));
        driver = driver.ReplaceAdditionalText(overlay, overlayEdited).RunGenerators(compilation);
        Assert.Contains(IncrementalStepRunReason.Modified, Reasons(driver, TrackingNames.Input));
        Assert.Contains(IncrementalStepRunReason.Modified, Reasons(driver, TrackingNames.Parse));
        Assert.Contains(driver.GetRunResult().GeneratedTrees, t => t.FilePath.EndsWith(".PetsPetsClient.ListEveryPetAsync.g.cs", StringComparison.Ordinal));
        Assert.DoesNotContain(driver.GetRunResult().GeneratedTrees, t => t.FilePath.EndsWith(".PetsPetsClient.ListPetsAsync.g.cs", StringComparison.Ordinal));

        // Only the operation changed: the types are untouched.
        Assert.All(Reasons(driver, TrackingNames.Types), r => Assert.True(r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, r.ToString()));

        // Removing the overlay brings the spec back as written.
        driver = driver.RemoveAdditionalTexts(ImmutableArray.Create<AdditionalText>(overlayEdited)).RunGenerators(compilation);
        Assert.Contains(driver.GetRunResult().GeneratedTrees, t => t.FilePath.EndsWith(".PetsPetsClient.DeleteAllPetsAsync.g.cs", StringComparison.Ordinal));
        GeneratorHarness.AssertCachedAfterUnrelatedEdit(driver, compilation);
    }

    [Theory]
    [InlineData("version: \"1\"", 0)]
    [InlineData("version: !!str 1", 1)]
    public void AMergeKeyInASpecWithAnOverlayIsAppliedOrReported(string version, int reported)
    {
        // Our YAML reader applies '<<' before the overlay; with a tag the spec is outside it, and the overlay step's
        // converter keeps '<<' as a plain key, so the merged members are missing and LAG1002 says so at the line.
        string spec = string.Join("\n",
            "openapi: 3.1.0",
            "info: {title: Merge, " + version + "}",
            "paths:",
            "  /pets:",
            "    get:",
            "      operationId: listPets",
            "      responses:",
            "        '200':",
            "          description: ok",
            "          content:",
            "            application/json:",
            "              schema: {$ref: '#/components/schemas/Pet'}",
            "components:",
            "  schemas:",
            "    Named: &named",
            "      type: object",
            "      properties:",
            "        name: {type: string}",
            "    Pet:",
            "      <<: *named",
            "      description: A pet.",
            "");
        const string Overlay = "overlay: 1.0.0\ninfo: { title: x, version: '1' }\nactions:\n  - target: $.paths['/pets'].get\n    update: { summary: Lists the pets. }\n";

        Run run = Generate(null, "namespace Consumer { }", (SpecPath, spec), ("/src/api/pets.openapi.overlay.yaml", Overlay));

        Diagnostic[] merges = run.Diagnostics.Where(d => d.Id == "LAG1002" && d.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Contains("merge key", StringComparison.Ordinal)).ToArray();
        Assert.Equal(reported, merges.Length);
        if (reported == 0)
        {
            Assert.Contains("public string? Name", run.Source(".Pet.g.cs"), StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal(19, merges[0].Location.GetLineSpan().StartLinePosition.Line);
        }
    }
}
