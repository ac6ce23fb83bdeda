// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System.Collections.Generic;
using System.Linq;
using LiveAvatarGen.Tests.Harness;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace LiveAvatarGen.Tests.Emitting;

/// <summary>Compiles emitted text (net10.0, C# 14, nullable on, the runtime and Microsoft.Extensions.Http referenced) and reads its symbols.</summary>
internal static class EmitterHarness
{
    private static CSharpCompilation? s_all;

    /// <summary>Every sample file compiled together, once per test run; zero warnings asserted.</summary>
    public static CSharpCompilation All => s_all ??= Compile(EmitterSamples.AllFiles().Values.ToArray());

    public static CSharpCompilation Compile(params string[] sources)
    {
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation(TargetProfile.Net10CSharp14, withHttpClientFactory: true, sources.Select(NullableWarnings.TurnedOn).ToArray());
        List<string> problems = compilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).Select(d => d.ToString()).ToList();
        Assert.True(problems.Count == 0, "The emitted code does not compile clean:\n" + string.Join("\n", problems));
        return compilation;
    }

    public static INamedTypeSymbol Type(this Compilation compilation, string name)
    {
        INamedTypeSymbol? type = compilation.GetTypeByMetadataName(ModelFactory.Namespace + "." + name);
        Assert.True(type is not null, "no type " + name);
        return type!;
    }

    public static IPropertySymbol Property(this INamedTypeSymbol type, string name)
        => Assert.Single(type.GetMembers(name).OfType<IPropertySymbol>());

    public static IMethodSymbol Method(this INamedTypeSymbol type, string name)
        => Assert.Single(type.GetMembers(name).OfType<IMethodSymbol>());

    /// <summary>The type as C# spells it, with nullable annotations (<c>string?</c>, <c>long</c>, <c>Test.Api.Pet?</c>).</summary>
    public static string Display(this ITypeSymbol type) => type.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat.WithMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier | SymbolDisplayMiscellaneousOptions.UseSpecialTypes));
}
