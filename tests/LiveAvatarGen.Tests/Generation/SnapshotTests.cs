// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.Collections.Generic;
using System.Linq;
using LiveAvatarGen.Generator.Model;
using LiveAvatarGen.Tests.Emitting;
using LiveAvatarGen.Tests.Harness;
using Xunit;

namespace LiveAvatarGen.Tests.Generation;

/// <summary>
/// Snapshots, kept few so an emitter change is a small diff: one file per kind of generated file, emitted from the
/// hand-built <see cref="EmitterSamples"/> (so a parser change never touches them), plus every file of the constructs
/// spec end to end. The generator version is scrubbed. Rewrite with <c>UPDATE_SNAPSHOTS=1</c> and review the diff.
/// </summary>
public sealed class SnapshotTests
{
    /// <summary>Kind of generated file → the sample file that shows it.</summary>
    private static readonly (string Kind, string File)[] s_kinds =
    {
        ("Object", EmitterSamples.Pet.Name + ".g.cs"),
        ("BaseObject", EmitterSamples.Vehicle.Name + ".g.cs"),
        ("DerivedObject", EmitterSamples.Car.Name + ".g.cs"),
        ("Enum", EmitterSamples.PetKind.Name + ".g.cs"),
        ("IntegerEnum", EmitterSamples.PetStatus.Name + ".g.cs"),
        ("Union", EmitterSamples.AnyParty.Name + ".g.cs"),
        ("ValueType", EmitterSamples.PetName.Name + ".g.cs"),
        ("NumberType", EmitterSamples.Weight.Name + ".g.cs"),
        ("Envelope", EmitterSamples.ApiEnvelope.Name + ".g.cs"),
        ("ClientCore", EmitterSamples.Client.Name + ".g.cs"),
        ("Operation", EmitterSamples.Client.Name + "." + EmitterSamples.GetPet.MethodName + ".g.cs"),
        ("Options", EmitterSamples.Client.OptionsName + ".g.cs"),
        ("Interface", EmitterSamples.Client.InterfaceName + ".g.cs"),
        ("ServiceCollectionExtensions", EmitterSamples.Client.ServiceCollectionExtensionsName + ".g.cs"),
    };

    [Fact]
    public void OneFilePerKindMatchesItsSnapshot()
    {
        IReadOnlyDictionary<string, string> files = EmitterSamples.AllFiles();

        SnapshotFolder.Match("Kinds", s_kinds.ToDictionary(k => k.Kind + ".g.cs", k => files[k.File], StringComparer.Ordinal));
    }

    [Fact]
    public void ConstructsSpecMatchesItsSnapshots()
    {
        GenerationResult result = GeneratorHarness.Generate("/specs/constructs.openapi.yaml", TestPaths.ReadSpec("constructs.openapi.yaml"), ns: "Constructs.Api", withHttpClientFactory: true);

        Assert.Empty(result.CompilationProblems.Select(d => d.ToString()));
        SnapshotFolder.Match("Constructs", result.Sources.ToDictionary(s => s.HintName, s => s.SourceText.ToString(), StringComparer.Ordinal));
    }

    /// <summary>
    /// The API shape LiveAvatar users see, in a few files rather than one per type: the client with its ten
    /// sub-clients, one sub-client, the generic page, a paged list operation with its auto-paging method, and a
    /// tri-state PATCH body.
    /// </summary>
    [Fact]
    public void LiveAvatarShapeMatchesItsSnapshots()
    {
        GenerationResult result = GeneratorHarness.Generate(TestPaths.Spec(TestPaths.LiveAvatar), TestPaths.ReadSpec(TestPaths.LiveAvatar), ns: "LiveAvatar.Api", clientName: "LiveAvatarClient", withHttpClientFactory: true);
        string[] shown =
        {
            "LiveAvatar.Api.LiveAvatarClient.LiveAvatarClient.g.cs",
            "LiveAvatar.Api.LiveAvatarClient.ILiveAvatarClient.g.cs",
            "LiveAvatar.Api.LiveAvatarClient.LiveAvatarAvatarClient.g.cs",
            "LiveAvatar.Api.LiveAvatarClient.PaginatedResponse.g.cs",
            "LiveAvatar.Api.LiveAvatarClient.LiveAvatarAvatarClient.ListUserAvatarsAsync.g.cs",
            "LiveAvatar.Api.LiveAvatarClient.UpdateAvatarSchema.g.cs",
        };

        Dictionary<string, string> files = result.Sources.ToDictionary(s => s.HintName, s => s.SourceText.ToString(), StringComparer.Ordinal);
        Assert.All(shown, name => Assert.True(files.ContainsKey(name), name + " is not generated; generated: " + string.Join(", ", files.Keys.Where(k => k.Contains("Avatar", StringComparison.Ordinal)).Take(20))));
        SnapshotFolder.Match("LiveAvatarShape", shown.ToDictionary(n => n, n => files[n], StringComparer.Ordinal));
    }

    [Fact]
    public void TheVersionIsScrubbedAndOnlyTheVersion()
    {
        string emitted = EmitterSamples.EmitType(EmitterSamples.Pet);
        string scrubbed = SnapshotFolder.Scrub(emitted);

        Assert.Contains("GeneratedCode(\"LiveAvatarGen\", \"" + SnapshotFolder.ScrubbedVersion + "\")", scrubbed, StringComparison.Ordinal);
        Assert.Equal(emitted.Replace("\"" + Generator.ThisAssembly.Version + "\")", "\"" + SnapshotFolder.ScrubbedVersion + "\")", StringComparison.Ordinal), scrubbed);
        Assert.Equal(SnapshotFolder.Scrub("[GeneratedCode(\"LiveAvatarGen\", \"0.1.0\")]"), SnapshotFolder.Scrub("[GeneratedCode(\"LiveAvatarGen\", \"9.9.9-beta\")]"));
    }

    [Fact]
    public void EveryKindOfTypeModelHasASnapshot()
    {
        Type[] kinds = typeof(TypeModel).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(TypeModel)) && !t.IsAbstract).ToArray();
        Type[] snapshotted = EmitterSamples.Types.Where(t => s_kinds.Any(k => k.File == t.Name + ".g.cs")).Select(t => t.GetType()).ToArray();

        Assert.All(kinds, kind => Assert.Contains(kind, snapshotted));
    }
}
