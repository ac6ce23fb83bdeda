// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace LiveAvatarGen.Generator.Emitting;

/// <summary>
/// The few facts about the consuming compilation that shape the output. Selected from the compilation as a
/// small record, so an edit to C# code leaves it equal and every output cached.
/// </summary>
/// <param name="HasRuntime">LiveAvatarGen.Runtime is referenced.</param>
/// <param name="SupportsCSharp11">u8 literals and required members are available.</param>
/// <param name="HasRequiredMembers">
/// <c>required</c> can be emitted: C# 11, and RequiredMemberAttribute comes from the framework (net7+), from PolySharp
/// or from the generator's own polyfill (<see cref="PolyfillPlan"/>). False only in emitter tests of the older shape.
/// </param>
/// <param name="HasDateOnly">The framework has System.DateOnly (net6+).</param>
/// <param name="HasHttpClient">
/// System.Net.Http.HttpClient resolves: always on .NET and netstandard2.0; a .NET Framework project must reference
/// System.Net.Http itself (its netstandard facade only forwards the type).
/// </param>
/// <param name="HasHttpClientFactory">
/// Microsoft.Extensions.Http, Microsoft.Extensions.Options and Microsoft.Extensions.Configuration.Abstractions are
/// referenced (ASP.NET Core apps have them), so the <c>services.Add{Client}</c> registration can be emitted.
/// </param>
/// <param name="HasAspNetCoreRouting">ASP.NET Core routing and HTTP abstractions are referenced, so the webhooks' <c>Map{Stem}Webhooks</c> endpoint can be emitted.</param>
/// <param name="HasJsonCodecs">
/// The runtime has <c>IJsonCodec&lt;TSelf&gt;</c> (its .NET 8 build) and the language has static abstract members (C# 11):
/// generated types implement it and name the runtime's one <c>JsonCodecConverter&lt;T&gt;</c> in their <c>[JsonConverter]</c>
/// attribute, instead of a nested converter class each (a type and a constructor less per type: Spotify's output
/// compiled 10% faster for a dll 1.4% larger, the attribute naming both assemblies).
/// </param>
internal sealed record CompilationFacts(bool HasRuntime, bool SupportsCSharp11, bool HasRequiredMembers, bool HasDateOnly, bool HasHttpClientFactory = false, bool HasAspNetCoreRouting = false, bool HasHttpClient = true, bool HasJsonCodecs = false)
{
    public static CompilationFacts From(Compilation compilation)
    {
        bool csharp11 = compilation is CSharpCompilation { LanguageVersion: >= LanguageVersion.CSharp11 };
        return new CompilationFacts(
            compilation.GetTypeByMetadataName("LiveAvatarGen.Runtime.Http.ApiClientCore") is not null,
            csharp11,
            csharp11,
            compilation.GetTypeByMetadataName("System.DateOnly") is not null,
            compilation.GetTypeByMetadataName("Microsoft.Extensions.DependencyInjection.HttpClientFactoryServiceCollectionExtensions") is not null
                && compilation.GetTypeByMetadataName("Microsoft.Extensions.Options.OptionsBuilder`1") is not null
                && compilation.GetTypeByMetadataName("Microsoft.Extensions.Configuration.IConfiguration") is not null,
            compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Builder.EndpointRouteBuilderExtensions") is not null
                && compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Routing.Patterns.RoutePatternFactory") is not null
                && compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Http.HttpResponseWritingExtensions") is not null,
            compilation.GetTypeByMetadataName("System.Net.Http.HttpClient") is { TypeKind: not TypeKind.Error },
            csharp11 && compilation.GetTypeByMetadataName("LiveAvatarGen.Runtime.Json.IJsonCodec`1") is not null);
    }
}
