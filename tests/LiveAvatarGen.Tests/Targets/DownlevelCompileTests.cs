// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System.Collections.Generic;
using System.IO;
using System.Linq;
using LiveAvatarGen.Tests.Harness;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace LiveAvatarGen.Tests.Targets;

/// <summary>
/// A netstandard2.0 library and a .NET Framework 4.7.2 app get a client that compiles with nullable on and zero
/// warnings, on C# 11 and on today's C#: the generator declares the compiler-support types those frameworks lack.
/// The references are the frameworks' reference assemblies, the runtime's netstandard2.0 build and System.Text.Json 8.
/// </summary>
public sealed class DownlevelCompileTests
{
    private const string PetSpec = """
        openapi: 3.0.3
        info: { title: Pets, version: "1" }
        paths:
          /pets:
            post:
              operationId: addPet
              requestBody:
                required: true
                content: { application/json: { schema: { $ref: "#/components/schemas/Pet" } } }
              responses:
                "200": { description: ok, content: { application/json: { schema: { $ref: "#/components/schemas/Pet" } } } }
        components:
          schemas:
            Pet:
              type: object
              required: [name]
              properties:
                name: { type: string }
                born: { type: string, format: date }
        """;

    public static IEnumerable<object[]> Cases()
    {
        // The repository's specs (the LiveAvatar spec and the constructs the suite covers) and a few public and large ones.
        string[] specs =
        {
            TestPaths.LiveAvatar, "credits.openapi.json", "constructs.openapi.yaml", "paging.openapi.yaml", "servers.openapi.yaml",
            "wiretruth30.openapi.yaml", "wiretruth31.openapi.yaml", "public/swagger-petstore3.yaml", "public/spotify.yaml",
            "public/sendgrid-mail-v3.json", "large/twilio-flex-v1.json",
        };
        foreach (string spec in specs)
        {
            foreach (TargetProfile profile in new[] { TargetProfile.NetStandard20CSharp14, TargetProfile.Net472CSharp14 })
            {
                foreach (LanguageVersion language in new[] { LanguageVersion.CSharp11, LanguageVersion.Latest })
                {
                    yield return new object[] { spec, profile, language };
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void SpecCompilesWithZeroWarnings(string spec, TargetProfile profile, LanguageVersion language)
    {
        GenerationResult result = DownlevelHarness.Generate(profile, language, DownlevelHarness.AsSpecPath(spec), TestPaths.ReadSpec(spec));

        Assert.Empty(result.GeneratorExceptions);
        Assert.Empty(result.GeneratorDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error));
        Assert.True(result.Sources.Count > DownlevelHarness.AllPolyfills.Length, "the spec generated code");
        Assert.Equal(DownlevelHarness.AllPolyfills, DownlevelHarness.OurPolyfills(result));
        string[] problems = result.CompilationProblems.Select(d => d.ToString()).ToArray();
        Assert.True(problems.Length == 0, problems.Length + " problems:\n" + string.Join("\n", problems.Take(12)));
    }

    [Theory]
    [InlineData(TargetProfile.NetStandard20CSharp14)]
    [InlineData(TargetProfile.Net472CSharp14)]
    public void RequiredMembersAreEnforcedAndDatesAreStringsOnOldFrameworks(TargetProfile profile)
    {
        const string consumer = """
            namespace Consumer
            {
                internal static class Uses
                {
                    public static Test.Api.Pet Complete() => new() { Name = "Rex", Born = "2020-01-31" };

                    public static System.Threading.Tasks.Task<Test.Api.Pet> Send(Test.Api.PetsClient client, Test.Api.Pet pet) => client.AddPetAsync(pet);
                }
            }
            """;
        GenerationResult result = DownlevelHarness.Generate(profile, LanguageVersion.CSharp11, "/specs/pets.openapi.yaml", PetSpec, new[] { consumer });

        Assert.Empty(result.CompilationProblems.Select(d => d.ToString()));
        INamedTypeSymbol pet = result.Output.GetTypeByMetadataName("Test.Api.Pet")!;
        Assert.True(((IPropertySymbol)pet.GetMembers("Name").Single()).IsRequired);
        // No System.DateOnly before .NET 6: format date stays the wire's yyyy-MM-dd string (nothing converted, nothing lost).
        Assert.Equal(SpecialType.System_String, ((IPropertySymbol)pet.GetMembers("Born").Single()).Type.SpecialType);

        // The polyfilled RequiredMemberAttribute is the real thing to the compiler: leaving Name out is an error.
        Compilation missingName = result.Output.AddSyntaxTrees(CSharpSyntaxTree.ParseText(
            "namespace Consumer { internal static class Incomplete { public static Test.Api.Pet Make() => new() { Born = \"2020-01-31\" }; } }",
            (CSharpParseOptions)result.Output.SyntaxTrees.First().Options));
        Assert.Contains(missingName.GetDiagnostics(), d => d.Id == "CS9035");
    }

    [Theory]
    [InlineData(TargetProfile.NetStandard20CSharp14)]
    [InlineData(TargetProfile.Net472CSharp14)]
    public void TheDiRegistrationCompilesWithMicrosoftExtensionsHttp8(TargetProfile profile)
    {
        GenerationResult result = DownlevelHarness.Generate(profile, LanguageVersion.Latest, DownlevelHarness.AsSpecPath("openapi.json"), TestPaths.ReadSpec(TestPaths.LiveAvatar), withHttpClientFactory: true);

        Assert.Contains(result.Sources, s => s.HintName.EndsWith(".LiveAvatarClientServiceCollectionExtensions.g.cs", System.StringComparison.Ordinal));
        Assert.Empty(result.CompilationProblems.Select(d => d.ToString()));
    }

    [Theory]
    [InlineData(TargetProfile.Net8CSharp12)]
    [InlineData(TargetProfile.Net10CSharp14)]
    public void FrameworksThatHaveTheTypesGetNoPolyfill(TargetProfile profile)
    {
        GenerationResult result = DownlevelHarness.Generate(profile, LanguageVersion.CSharp11, "/specs/pets.openapi.yaml", PetSpec);

        Assert.Empty(DownlevelHarness.OurPolyfills(result));
        Assert.Empty(result.CompilationProblems.Select(d => d.ToString()));
    }

    [Fact]
    public void Lag0004ANetFrameworkProjectWithoutSystemNetHttpGetsOneErrorAndNoCode()
    {
        // The SDK does not reference System.Net.Http for .NET Framework; netstandard.dll only forwards HttpClient to it.
        GenerationResult result = DownlevelHarness.Generate(
            TargetProfile.Net472CSharp14, LanguageVersion.Latest, "/specs/pets.openapi.yaml", PetSpec, removedReferences: new[] { Basic.Reference.Assemblies.Net472.References.SystemNetHttp });

        Diagnostic diagnostic = Assert.Single(result.GeneratorDiagnostics, d => d.Id == "LAG0004");
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal("/specs/pets.openapi.yaml", diagnostic.Location.GetLineSpan().Path);
        Assert.Empty(result.Sources);
        Assert.Empty(result.CompilationProblems.Select(d => d.ToString()));
    }

    [Fact]
    public void AProjectWithoutASpecGetsNoPolyfill()
    {
        GenerationResult result = DownlevelHarness.Generate(TargetProfile.NetStandard20CSharp14, LanguageVersion.Latest, specPath: null);

        Assert.Empty(result.Sources);
    }

    [Fact]
    public void BelowCSharp11NothingIsEmittedButLag0002()
    {
        GenerationResult result = DownlevelHarness.Generate(TargetProfile.NetStandard20CSharp14, LanguageVersion.CSharp10, "/specs/pets.openapi.yaml", PetSpec);

        Assert.Empty(result.Sources);
        Assert.Contains(result.GeneratorDiagnostics, d => d.Id == "LAG0002");
    }

    [Fact]
    public void PolyfillsAreInternalAndHiddenFromIntelliSense()
    {
        GenerationResult result = DownlevelHarness.Generate(TargetProfile.NetStandard20CSharp14, LanguageVersion.Latest, "/specs/pets.openapi.yaml", PetSpec);

        foreach (string name in new[] { "IsExternalInit", "RequiredMemberAttribute", "CompilerFeatureRequiredAttribute" })
        {
            INamedTypeSymbol type = result.Output.GetTypeByMetadataName("System.Runtime.CompilerServices." + name)!;
            Assert.Equal(Accessibility.Internal, type.DeclaredAccessibility);
            Assert.Equal("Consumer", type.ContainingAssembly.Name);
            Assert.Contains(type.GetAttributes(), a => a.AttributeClass!.Name == "EditorBrowsableAttribute");
        }
    }
}
