// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System.Linq;
using LiveAvatarGen.Generator.Configuration;
using LiveAvatarGen.Generator.Infrastructure;
using Microsoft.CodeAnalysis;

namespace LiveAvatarGen.Generator.Emitting;

/// <summary>
/// Which compiler-support types the generated code needs that the consuming compilation may lack (netstandard2.0,
/// .NET Framework, net5/net6), and which of them the generator declares itself. Everything else the output uses is
/// either in netstandard2.0 with System.Text.Json 8 (spans, ValueTask, u8 literals over System.Memory) or avoided
/// on old frameworks (<c>format: date</c> is a string without <c>System.DateOnly</c>).
/// </summary>
internal static class PolyfillPlan
{
    public const string IsExternalInit = "System.Runtime.CompilerServices.IsExternalInit";
    public const string RequiredMember = "System.Runtime.CompilerServices.RequiredMemberAttribute";
    public const string CompilerFeatureRequired = "System.Runtime.CompilerServices.CompilerFeatureRequiredAttribute";

    /// <summary>
    /// The types the output needs, in ordinal order: <c>init</c> accessors need IsExternalInit; <c>required</c>
    /// members need RequiredMemberAttribute, and CompilerFeatureRequiredAttribute, which the compiler puts on the
    /// constructors of a type with required members.
    /// </summary>
    public static readonly string[] Needed = { CompilerFeatureRequired, IsExternalInit, RequiredMember };

    /// <summary>
    /// The needed types that no assembly gives this compilation: none declared in its sources, and none in a
    /// reference that this assembly can see (public, or internal with InternalsVisibleTo). An internal copy in a
    /// reference without InternalsVisibleTo does not count: the compiler cannot use it, so this assembly needs its own.
    /// </summary>
    public static EquatableArray<string> Missing(Compilation compilation) => new(Needed
        .Where(name => !compilation.GetTypesByMetadataName(name).Any(type => compilation.IsSymbolAccessibleWithin(type, compilation.Assembly)))
        .ToArray());

    /// <summary>The missing types the generator declares: all of them, less those PolySharp adds, none when switched off.</summary>
    public static EquatableArray<string> ToEmit(EquatableArray<string> missing, PolyfillSettings settings) => settings.Enabled
        ? new(missing.Where(name => !settings.PolySharpAdds(name)).ToArray())
        : EquatableArray<string>.Empty;
}
