// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System.Collections.Generic;
using System.Linq;
using LiveAvatarGen.Generator.Configuration;
using LiveAvatarGen.Tests.Harness;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace LiveAvatarGen.Tests.Targets;

/// <summary>
/// The polyfills never clash with other copies: the consumer's own, an accessible one in a referenced assembly, or
/// PolySharp's, generated in the same compilation where our generator cannot see them.
/// </summary>
public sealed class PolyfillClashTests
{
    private const string IsExternalInitHint = "LiveAvatarGen.Polyfills.System.Runtime.CompilerServices.IsExternalInit.g.cs";

    private const string OwnIsExternalInit = "namespace System.Runtime.CompilerServices { internal static class IsExternalInit { } }";

    private static string Spec => TestPaths.ReadSpec(TestPaths.LiveAvatar);

    private static string SpecPath => DownlevelHarness.AsSpecPath("openapi.json");

    [Theory]
    [InlineData(TargetProfile.NetStandard20CSharp14)]
    [InlineData(TargetProfile.Net472CSharp14)]
    public void TheConsumersOwnIsExternalInitIsKeptAndTheOthersAreAdded(TargetProfile profile)
    {
        GenerationResult result = DownlevelHarness.Generate(profile, LanguageVersion.Latest, SpecPath, Spec, new[] { OwnIsExternalInit });

        Assert.Equal(DownlevelHarness.AllPolyfills.Where(h => h != IsExternalInitHint), DownlevelHarness.OurPolyfills(result));
        Assert.Empty(result.CompilationProblems.Select(d => d.ToString()));
    }

    [Fact]
    public void AnInternalCopyInAReferenceWithInternalsVisibleToIsUsed()
    {
        MetadataReference shared = DownlevelHarness.Library("Shared", "[assembly: System.Runtime.CompilerServices.InternalsVisibleTo(\"Consumer\")] " + OwnIsExternalInit);

        GenerationResult result = DownlevelHarness.Generate(TargetProfile.NetStandard20CSharp14, LanguageVersion.Latest, SpecPath, Spec, otherReferences: new[] { shared });

        Assert.DoesNotContain(IsExternalInitHint, DownlevelHarness.OurPolyfills(result));
        Assert.Empty(result.CompilationProblems.Select(d => d.ToString()));
    }

    [Fact]
    public void AnInternalCopyInAReferenceWithoutInternalsVisibleToDoesNotCount()
    {
        MetadataReference shared = DownlevelHarness.Library("Shared", OwnIsExternalInit);

        GenerationResult result = DownlevelHarness.Generate(TargetProfile.NetStandard20CSharp14, LanguageVersion.Latest, SpecPath, Spec, otherReferences: new[] { shared });

        Assert.Equal(DownlevelHarness.AllPolyfills, DownlevelHarness.OurPolyfills(result));
        Assert.Empty(result.CompilationProblems.Select(d => d.ToString()));
    }

    [Fact]
    public void PublicCopiesInTwoReferencesLeaveNothingToDeclare()
    {
        // Two libraries that made PolySharp's polyfills public (PolySharpUsePublicAccessibilityForGeneratedTypes).
        const string publicCopies = """
            namespace System.Runtime.CompilerServices
            {
                public static class IsExternalInit { }
                public sealed class RequiredMemberAttribute : System.Attribute { }
                public sealed class CompilerFeatureRequiredAttribute : System.Attribute
                {
                    public CompilerFeatureRequiredAttribute(string featureName) => FeatureName = featureName;
                    public string FeatureName { get; }
                    public bool IsOptional { get; set; }
                }
            }
            """;
        MetadataReference[] libraries = { DownlevelHarness.Library("One", publicCopies), DownlevelHarness.Library("Two", publicCopies) };

        GenerationResult result = DownlevelHarness.Generate(TargetProfile.NetStandard20CSharp14, LanguageVersion.Latest, SpecPath, Spec, otherReferences: libraries);

        Assert.Empty(DownlevelHarness.OurPolyfills(result));
    }

    [Theory]
    [InlineData(TargetProfile.NetStandard20CSharp14, LanguageVersion.Latest)]
    [InlineData(TargetProfile.NetStandard20CSharp14, LanguageVersion.CSharp11)]
    [InlineData(TargetProfile.Net472CSharp14, LanguageVersion.Latest)]
    public void WithPolySharpInTheSameCompilationItsCopiesAreUsed(TargetProfile profile, LanguageVersion language)
    {
        GenerationResult result = DownlevelHarness.Generate(profile, language, SpecPath, Spec, globalOptions: DownlevelHarness.PolySharpDefaults(), otherGenerators: new[] { DownlevelHarness.PolySharp() });

        Assert.Empty(result.GeneratorExceptions);
        Assert.Empty(DownlevelHarness.OurPolyfills(result));
        Assert.Contains(result.Sources, s => s.HintName == "System.Runtime.CompilerServices.IsExternalInit.g.cs");
        Assert.Contains(result.Sources, s => s.HintName == "System.Runtime.CompilerServices.RequiredMemberAttribute.g.cs");
        Assert.Empty(result.CompilationProblems.Select(d => d.ToString()));
    }

    [Theory]
    [InlineData("build_property.PolySharpExcludeGeneratedTypes", "System.Runtime.CompilerServices.IsExternalInit", new[] { IsExternalInitHint })]
    [InlineData("build_property.PolySharpExcludeGeneratedTypes", " System.Runtime.CompilerServices.RequiredMemberAttribute ,System.Runtime.CompilerServices.IsExternalInit", new[] { IsExternalInitHint, "LiveAvatarGen.Polyfills.System.Runtime.CompilerServices.RequiredMemberAttribute.g.cs" })]
    [InlineData("build_property.PolySharpIncludeGeneratedTypes", "System.Runtime.CompilerServices.IsExternalInit,System.Diagnostics.CodeAnalysis.NotNullWhenAttribute", new[] { "LiveAvatarGen.Polyfills.System.Runtime.CompilerServices.CompilerFeatureRequiredAttribute.g.cs", "LiveAvatarGen.Polyfills.System.Runtime.CompilerServices.RequiredMemberAttribute.g.cs" })]
    public void TypesPolySharpIsToldNotToAddAreDeclaredByUs(string property, string value, string[] expected)
    {
        Dictionary<string, string> options = DownlevelHarness.PolySharpDefaults();
        options[property] = value;

        GenerationResult result = DownlevelHarness.Generate(TargetProfile.NetStandard20CSharp14, LanguageVersion.Latest, SpecPath, Spec, globalOptions: options, otherGenerators: new[] { DownlevelHarness.PolySharp() });

        Assert.Equal(expected.OrderBy(h => h, System.StringComparer.Ordinal), DownlevelHarness.OurPolyfills(result));
        Assert.Empty(result.CompilationProblems.Select(d => d.ToString()));
    }

    [Fact]
    public void PolySharpsGeneratorWithoutItsSettingsWouldClash()
    {
        // Why the settings matter: a generator cannot see another's output, so both would declare the types.
        GenerationResult result = DownlevelHarness.Generate(TargetProfile.NetStandard20CSharp14, LanguageVersion.Latest, SpecPath, Spec, otherGenerators: new[] { DownlevelHarness.PolySharp() });

        Assert.Equal(DownlevelHarness.AllPolyfills, DownlevelHarness.OurPolyfills(result));
        Assert.Contains(result.CompilationProblems, d => d.Id == "CS0101");
    }

    [Fact]
    public void SwitchedOffTheProjectBringsItsOwn()
    {
        const string own = """
            namespace System.Runtime.CompilerServices
            {
                internal static class IsExternalInit { }
                internal sealed class RequiredMemberAttribute : System.Attribute { }
                internal sealed class CompilerFeatureRequiredAttribute : System.Attribute
                {
                    public CompilerFeatureRequiredAttribute(string featureName) => FeatureName = featureName;
                    public string FeatureName { get; }
                    public bool IsOptional { get; init; }
                }
            }
            """;
        Dictionary<string, string> options = new() { ["build_property.LiveAvatarGenPolyfills"] = "False" };

        GenerationResult without = DownlevelHarness.Generate(TargetProfile.NetStandard20CSharp14, LanguageVersion.Latest, SpecPath, Spec, globalOptions: options);
        GenerationResult with = DownlevelHarness.Generate(TargetProfile.NetStandard20CSharp14, LanguageVersion.Latest, SpecPath, Spec, new[] { own }, options);

        Assert.Empty(DownlevelHarness.OurPolyfills(without));
        Assert.Contains(without.CompilationProblems, d => d.Id == "CS0518");
        Assert.Empty(DownlevelHarness.OurPolyfills(with));
        Assert.Empty(with.CompilationProblems.Select(d => d.ToString()));
    }

    [Fact]
    public void PolySharpListsAreReadAsPolySharpReadsThem()
    {
        Dictionary<string, string> options = DownlevelHarness.PolySharpDefaults();
        options["build_property.PolySharpExcludeGeneratedTypes"] = "B ; A,,A";
        PolyfillSettings settings = PolyfillSettings.From(new TestOptionsProvider(new(), options).GlobalOptions);

        Assert.True(settings.HasPolySharp);
        Assert.Equal(new[] { "A", "B" }, settings.PolySharpExcluded);
        Assert.Empty(settings.PolySharpIncluded);
        Assert.False(settings.PolySharpAdds("A"));
        Assert.True(settings.PolySharpAdds("C"));
        Assert.False(PolyfillSettings.From(new TestOptionsProvider(new(), new()).GlobalOptions).PolySharpAdds("C"));
    }
}
