// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.Linq;
using System.Text;
using LiveAvatarGen.Generator.Model;
using Xunit;

namespace LiveAvatarGen.Tests.Overlays;

/// <summary>A broken overlay is reported, never an internal error (LAG1006) and never a crash of the build.</summary>
public sealed class OverlayHostileInputTests
{
    private const string Structural = "{}[]:,'\"$.?@*!=<>&|()- \n\\";

    [Theory]
    [InlineData(1, true)]
    [InlineData(2, false)]
    [InlineData(3, true)]
    [InlineData(4, false)]
    public void MutatedOverlaysNeverFailTheGenerator(int seed, bool yaml)
    {
        Random random = new(seed);
        string original = yaml ? OverlaySpecs.FixYaml : OverlaySpecs.FixJson;
        for (int round = 0; round < 150; round++)
        {
            StringBuilder text = new(original);
            for (int edit = random.Next(1, 6); edit > 0; edit--)
            {
                int at = random.Next(text.Length);
                if (random.Next(2) == 0)
                {
                    text.Remove(at, Math.Min(random.Next(1, 8), text.Length - at));
                }
                else
                {
                    text.Insert(at, Structural[random.Next(Structural.Length)]);
                }
            }

            ReadResult result = OverlayApplyTests.Read("/specs/pets.openapi.yaml", OverlaySpecs.SpecYaml, (yaml ? "/specs/pets.openapi.overlay.yaml" : "/specs/pets.openapi.overlay.json", text.ToString()));

            // A mutated overlay may legitimately break the spec (LAG1001); it must never fail the generator itself.
            Assert.DoesNotContain(result.Diagnostics, d => d.Id == "LAG1006");
        }
    }

    [Fact]
    public void DeeplyNestedOverlaysAreReportedNotOverflowed()
    {
        string json = "{\"overlay\":\"1.0.0\",\"actions\":[{\"target\":\"$\",\"update\":" + new string('[', 100000) + new string(']', 100000) + "}]}";
        string yaml = "overlay: 1.0.0\nactions:\n  - target: $.info\n    update: " + new string('[', 100000) + new string(']', 100000) + "\n";

        foreach ((string path, string text) in new[] { ("/specs/pets.openapi.overlay.json", json), ("/specs/pets.openapi.overlay.yaml", yaml) })
        {
            ReadResult result = OverlayApplyTests.Read("/specs/pets.openapi.yaml", OverlaySpecs.SpecYaml, (path, text));

            Assert.DoesNotContain(result.Diagnostics, d => d.Id == "LAG1006");
            Assert.Contains(result.Diagnostics, d => d.Id is "LAG1007" or "LAG1008");
            Assert.NotNull(result.Spec);
        }
    }
}
