// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System.Linq;
using LiveAvatarGen.Generator.Diagnostics;
using LiveAvatarGen.Generator.Model;
using Microsoft.CodeAnalysis;
using Xunit;

namespace LiveAvatarGen.Tests.Overlays;

/// <summary>Bad overlays are reported in the overlay file, at the action, and never stop the spec from generating.</summary>
public sealed class OverlayDiagnosticTests
{
    private const string SpecPath = "/specs/pets.openapi.yaml";
    private const string OverlayPath = "/specs/pets.openapi.overlay.yaml";

    private static DiagnosticInfo Single(ReadResult result, string id)
    {
        DiagnosticInfo diagnostic = Assert.Single(result.Diagnostics, d => d.Id == id);
        Assert.Equal(new[] { id }, result.Diagnostics.Select(d => d.Id).Distinct());
        return diagnostic;
    }

    /// <summary>The spec as written: no overlay change reached it, and it still generated.</summary>
    private static void AssertSpecUnchanged(ReadResult result)
    {
        Assert.Equal(new[] { "ListPetsV1Async", "DeleteAllPetsAsync" }, result.Spec!.Client!.Operations.Select(o => o.MethodName));
    }

    [Theory]
    [InlineData("overlay: 1.0.0\nactions: [ {target: $.x, update: {}}\n", 1, "not JSON or YAML")]
    [InlineData("{ \"overlay\": \"1.0.0\", \"actions\": [ }", 0, "not JSON or YAML")]
    [InlineData("- just\n- a list\n", 0, "it is a list, not an object")]
    [InlineData("openapi: 3.1.0\ninfo: { title: x, version: '1' }\n", 0, "no 'overlay' field")]
    [InlineData("info: { title: x, version: '1' }\noverlay: 2.0.0\nactions: []\n", 1, "version '2.0.0' is not supported")]
    [InlineData("overlay: 1.0.0\ninfo: { title: x, version: '1' }\n", 0, "no 'actions' list")]
    [InlineData("overlay: 1.0.0\ninfo: { title: x, version: '1' }\nactions: { target: $ }\n", 2, "'actions' is an object, not a list")]
    public void AnInvalidOverlayIsAnErrorInTheOverlayFileAndIsNotApplied(string overlay, int line, string reason)
    {
        ReadResult result = OverlayApplyTests.Read(SpecPath, OverlaySpecs.SpecYaml, (OverlayPath, overlay));

        DiagnosticInfo error = Single(result, "LAG1007");
        Assert.Equal(OverlayPath, error.Location!.FilePath);
        Assert.Equal(line, error.Location.StartLine);
        Assert.Equal("pets.openapi.overlay.yaml", error.Arguments[0]);
        Assert.Contains(reason, error.Arguments[1], System.StringComparison.Ordinal);
        Assert.Equal(DiagnosticSeverity.Error, DiagnosticDescriptors.ById("LAG1007").DefaultSeverity);
        AssertSpecUnchanged(result);
    }

    [Theory]
    [InlineData("  - description: no target\n    update: { x-a: 1 }\n", 3, "#/actions/0", "has no 'target'")]
    [InlineData("  - target: paths\n    update: { x-a: 1 }\n", 3, "#/actions/0/target", "starts with '$'")]
    [InlineData("  - target: $.paths[?length(@) > 1]\n    update: { x-a: 1 }\n", 3, "#/actions/0/target", "function extensions")]
    [InlineData("  - target: $.paths\n    remove: yes please\n", 4, "#/actions/0/remove", "'remove' must be true or false")]
    [InlineData("  - target: $.paths\n    description: does nothing\n", 3, "#/actions/0", "neither 'update' nor 'remove: true'")]
    [InlineData("  - target: $.info.title\n    update: New title\n", 3, "#/actions/0", "the target selects a string")]
    [InlineData("  - target: $.info\n    update: [1]\n", 3, "#/actions/0", "'update' is a list, which cannot be merged into an object")]
    [InlineData("  - target: $\n    remove: true\n", 3, "#/actions/0", "whole document, which cannot be removed")]
    [InlineData("  - just a string\n", 3, "#/actions/0", "not a string")]
    public void ABadActionIsAWarningAtTheActionAndTheOthersStillApply(string action, int line, string pointer, string reason)
    {
        string overlay = "overlay: 1.0.0\ninfo: { title: x, version: '1' }\nactions:\n" + action
            + "  - target: $.paths['/pets'].get\n    update: { operationId: listPets }\n";

        ReadResult result = OverlayApplyTests.Read(SpecPath, OverlaySpecs.SpecYaml, (OverlayPath, overlay));

        DiagnosticInfo warning = Single(result, "LAG1008");
        Assert.Equal(OverlayPath, warning.Location!.FilePath);
        Assert.Equal(line, warning.Location.StartLine);
        Assert.Equal(pointer, warning.Arguments[0]);
        Assert.Contains(reason, warning.Arguments[1], System.StringComparison.Ordinal);
        Assert.Equal("ListPetsAsync", result.Spec!.Client!.Operations[0].MethodName);
    }

    [Fact]
    public void ATargetThatMatchesNothingIsAWarningAtItsTarget()
    {
        const string overlay = """
            {
              "overlay": "1.0.0",
              "info": { "title": "x", "version": "1" },
              "actions": [
                { "target": "$.paths['/pets'].get", "update": { "operationId": "listPets" } },
                {
                  "target": "$.paths['/dogs'].get",
                  "remove": true
                }
              ]
            }
            """;

        ReadResult result = OverlayApplyTests.Read(SpecPath, OverlaySpecs.SpecYaml, ("/specs/pets.openapi.overlay.json", overlay));

        DiagnosticInfo warning = Single(result, "LAG2006");
        Assert.Equal("/specs/pets.openapi.overlay.json", warning.Location!.FilePath);
        Assert.Equal(6, warning.Location.StartLine);
        Assert.Equal(new[] { "#/actions/1", "$.paths['/dogs'].get" }, warning.Arguments);
        Assert.Equal("ListPetsAsync", result.Spec!.Client!.Operations[0].MethodName);
        Assert.Equal(2, result.Spec.Client.Operations.Count);
    }

    [Fact]
    public void ANamedOverlayThatIsNotAnAdditionalFileIsAnErrorAtTheSpec()
    {
        ReadResult result = OverlayApplyTests.Read(SpecPath, OverlaySpecs.SpecYaml, ("/specs/fixes/missing.yaml", null));

        DiagnosticInfo error = Single(result, "LAG1009");
        Assert.Equal(SpecPath, error.Location!.FilePath);
        Assert.Equal("missing.yaml", error.Arguments[0]);
        Assert.Equal(SpecPath, error.Arguments[1]);
        Assert.Contains("/specs/fixes/missing.yaml", error.Arguments[2], System.StringComparison.Ordinal);
        AssertSpecUnchanged(result);
    }

    [Fact]
    public void ASpecThatIsNotJsonOrYamlGetsNoOverlayAndTheReadersOwnError()
    {
        ReadResult result = OverlayApplyTests.Read("/specs/broken.openapi.json", "{ \"openapi\": \"3.1.0\", ", ("/specs/broken.openapi.overlay.yaml", OverlaySpecs.FixYaml));

        Assert.Contains(result.Diagnostics, d => d.Id == "LAG1009" && d.Location!.FilePath == "/specs/broken.openapi.overlay.yaml");
        Assert.Contains(result.Diagnostics, d => d.Id == "LAG1001" && d.Location!.FilePath == "/specs/broken.openapi.json");
        Assert.Null(result.Spec);
    }

    [Fact]
    public void SpecDiagnosticsStillPointIntoTheSpecFile()
    {
        const string spec = """
            openapi: 3.1.0
            info: { title: Pets API, version: "1" }
            paths: {}
            components:
              schemas:
                Code:
                  type: string
                  pattern: "[unclosed"
            """;
        const string overlay = "overlay: 1.0.0\ninfo: { title: x, version: '1' }\nactions:\n  - target: $.info\n    update: { description: Fixed. }\n";

        ReadResult result = OverlayApplyTests.Read(SpecPath, spec, (OverlayPath, overlay));

        DiagnosticInfo pattern = Assert.Single(result.Diagnostics, d => d.Id == "LAG1005");
        Assert.Equal(SpecPath, pattern.Location!.FilePath);
        Assert.Equal(7, pattern.Location.StartLine);
    }
}
