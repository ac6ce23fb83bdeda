// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using LiveAvatarGen.Generator.Configuration;
using LiveAvatarGen.Generator.Infrastructure;
using LiveAvatarGen.Generator.Model;
using LiveAvatarGen.Generator.Parsing;
using Xunit;

namespace LiveAvatarGen.Tests.Overlays;

/// <summary>Overlays applied by <see cref="SpecReader"/>: update, remove, order, JSON and YAML on either side.</summary>
public sealed class OverlayApplyTests
{
    internal static ReadResult Read(string specPath, string spec, params (string Path, string? Text)[] overlays)
        => SpecReader.Read(
            new SpecInput(specPath, spec, "Pets.Api", null, Overlays: overlays.Select(o => new OverlayFile(o.Path, o.Text, System.IO.Path.GetFileName(o.Path))).ToEquatableArray()),
            CancellationToken.None);

    private static ObjectModel Pet(ReadResult result) => (ObjectModel)result.Spec!.Types.Single(t => t.Name == "Pet");

    [Theory]
    [InlineData("/specs/pets.openapi.yaml", "/specs/pets.openapi.overlay.yaml", true)]
    [InlineData("/specs/pets.openapi.yaml", "/specs/pets.openapi.overlay.json", false)]
    [InlineData("/specs/pets.openapi.json", "/specs/pets.openapi.overlay.yaml", true)]
    [InlineData("/specs/pets.openapi.json", "/specs/pets.openapi.overlay.json", false)]
    public void UpdateRenamesAnOperationAndAddsAPropertyAndRemoveDropsAnOperation(string specPath, string overlayPath, bool yamlOverlay)
    {
        string spec = specPath.EndsWith(".json", System.StringComparison.Ordinal) ? Generator.Overlays.NodeText.ToJson(Generator.Overlays.NodeText.Parse(".yaml", OverlaySpecs.SpecYaml)) : OverlaySpecs.SpecYaml;

        ReadResult result = Read(specPath, spec, (overlayPath, yamlOverlay ? OverlaySpecs.FixYaml : OverlaySpecs.FixJson));

        Assert.Empty(result.Diagnostics);
        OperationModel list = Assert.Single(result.Spec!.Client!.Operations);
        Assert.Equal("ListPetsAsync", list.MethodName);
        Assert.Equal(new[] { "id", "name" }, Pet(result).Properties.Select(p => p.JsonName));
        Assert.True(Pet(result).Properties.Single(p => p.JsonName == "name").IsRequired);
        Assert.Equal("The pet's name.", Pet(result).Properties.Single(p => p.JsonName == "name").Documentation);
    }

    [Fact]
    public void WithoutOverlaysTheSpecIsReadAsWritten()
    {
        ReadResult result = Read("/specs/pets.openapi.yaml", OverlaySpecs.SpecYaml);

        Assert.Equal(new[] { "ListPetsV1Async", "DeleteAllPetsAsync" }, result.Spec!.Client!.Operations.Select(o => o.MethodName));
        Assert.Equal(new[] { "id" }, Pet(result).Properties.Select(p => p.JsonName));
    }

    [Fact]
    public void OverlaysApplyInOrderEachSeeingTheLastOnesResult()
    {
        const string second = """
            overlay: 1.0.1
            info: { title: second, version: "1" }
            actions:
              - target: $.paths.*[?@.operationId == 'listPets']
                update: { operationId: listAllPets, summary: All pets. }
              - target: $.components.schemas.Pet.required
                update: tag
            """;

        ReadResult result = Read("/specs/pets.openapi.yaml", OverlaySpecs.SpecYaml, ("/specs/pets.openapi.overlay.yaml", OverlaySpecs.FixYaml), ("/specs/second.yaml", second));

        Assert.Empty(result.Diagnostics.Select(d => d.Id + " " + string.Join("|", d.Arguments)));
        Assert.Equal("ListAllPetsAsync", Assert.Single(result.Spec!.Client!.Operations).MethodName);
        Assert.True(Pet(result).Properties.Single(p => p.JsonName == "name").IsRequired);
        Assert.Equal(new[] { "id", "name", "tag" }, Pet(result).Properties.Select(p => p.JsonName));
    }

    [Fact]
    public void UpdatesMergeObjectsAppendToListsReplaceScalarsAndNeverShareNodes()
    {
        const string overlay = """
            overlay: 1.0.0
            info: { title: merge, version: "1" }
            actions:
              - target: $.paths.*[*]
                update: { tags: [animals], x-extra: { a: 1 } }
              - target: $.info
                update: { title: Better Pets API }
            """;

        ReadResult result = Read("/specs/pets.openapi.yaml", OverlaySpecs.SpecYaml, ("/specs/o.overlay.yaml", overlay));

        Assert.Empty(result.Diagnostics);
        Assert.Equal("BetterPetsClient", result.Spec!.Client!.Name);

        // Tags [pets] + [animals]: the first tag still picks the sub-client; both operations got the same update.
        Assert.All(result.Spec.Client.Operations, o => Assert.Equal("pets", result.Spec.Client.Groups.Single().Tag));
    }

    [Fact]
    public void RemovingListItemsRemovesEachOnceFromTheEnd()
    {
        const string spec = """
            openapi: 3.1.0
            info: { title: Pets API, version: "1" }
            paths: {}
            components:
              schemas:
                Pet:
                  type: object
                  required: [a, b, c, d]
                  properties: { a: { type: string }, b: { type: string }, c: { type: string }, d: { type: string } }
            """;
        const string overlay = """
            overlay: 1.0.0
            info: { title: remove, version: "1" }
            actions:
              - target: $.components.schemas.Pet.required[?@ == 'a' || @ == 'c']
                remove: true
              - target: $..required[0,0]
                remove: true
            """;

        ReadResult result = Read("/specs/pets.openapi.yaml", spec, ("/specs/o.overlay.yaml", overlay));

        Assert.Empty(result.Diagnostics);
        Assert.Equal(new[] { "d" }, Pet(result).Properties.Where(p => p.IsRequired).Select(p => p.JsonName));
    }

    [Fact]
    public void TheReadmeExampleDoesWhatTheReadmeSays()
    {
        const string overlay = """
            overlay: 1.0.0
            info: { title: Fixes for the vendor's spec, version: 1.0.0 }
            actions:
              - target: $.paths['/v1/avatars'].get          # JSONPath: which nodes
                update: { operationId: listAvatars }        # merged into each: ListUserAvatarsAsync becomes ListAvatarsAsync
              - target: $.components.schemas.AvatarSchema
                update: { properties: { tier: { type: string } } }   # a member the spec forgot
              - target: $.paths['/v1/avatars/{avatar_id}'].delete
                remove: true                                # never generated
            """;
        string readme = System.IO.File.ReadAllText(System.IO.Path.Combine(Harness.TestPaths.RepositoryRoot, "README.md"));
        Assert.Contains(overlay.Replace("\r", string.Empty, System.StringComparison.Ordinal), readme.Replace("\r", string.Empty, System.StringComparison.Ordinal), System.StringComparison.Ordinal);

        ReadResult before = Read("/specs/openapi.json", Harness.TestPaths.ReadSpec(Harness.TestPaths.LiveAvatar));
        ReadResult after = Read("/specs/openapi.json", Harness.TestPaths.ReadSpec(Harness.TestPaths.LiveAvatar), ("/specs/openapi.overlay.yaml", overlay));

        Assert.Equal(before.Diagnostics.Select(d => d.Id), after.Diagnostics.Select(d => d.Id));
        Assert.Contains(before.Spec!.Client!.Operations, o => o.MethodName == "ListUserAvatarsAsync");
        Assert.Contains(after.Spec!.Client!.Operations, o => o.MethodName == "ListAvatarsAsync" && o.PathTemplate == "/v1/avatars");
        Assert.DoesNotContain(after.Spec.Client.Operations, o => o.MethodName == "ListUserAvatarsAsync");
        Assert.Equal(before.Spec.Client.Operations.Count - 1, after.Spec.Client.Operations.Count);
        Assert.DoesNotContain(after.Spec.Client.Operations, o => o.HttpMethod == "DELETE" && o.PathTemplate == "/v1/avatars/{avatar_id}");
        Assert.Contains(((ObjectModel)after.Spec.Types.Single(t => t.Name == "AvatarSchema")).Properties, p => p.JsonName == "tier");
    }

    [Fact]
    public void ATextOnlyOverlayResultIsValidJsonWithTheSpecsValues()
    {
        JsonNode? tree = Generator.Overlays.NodeText.Parse("/x.yaml", "a: 1\nb: [x, 2.50, true, null]\nc: 'quoted: yes'\n");

        Assert.Equal("""{"a":1,"b":["x",2.50,true,null],"c":"quoted: yes"}""", tree!.ToJsonString());
    }
}
