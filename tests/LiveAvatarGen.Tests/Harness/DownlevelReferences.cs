// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;

namespace LiveAvatarGen.Tests.Harness;

/// <summary>
/// What a netstandard2.0 or net472 consumer of the packages compiles against besides its framework: the runtime's
/// netstandard2.0 build and System.Text.Json 8 with its netstandard2.0 dependencies. The test project downloads those
/// packages (PackageDownload) and builds the runtime for netstandard2.0 (the RecordRuntimeNetStandard20 target); both
/// locations reach the tests as assembly metadata, so a fresh clone needs only a restore and a build.
/// </summary>
internal static class DownlevelReferences
{
    /// <summary>System.Text.Json 8.0.6's netstandard2.0 dependency closure, as NuGet resolves it for the runtime package.</summary>
    private static readonly (string Id, string Version, string Assembly)[] s_packages =
    {
        ("system.text.json", "8.0.6", "System.Text.Json"),
        ("microsoft.bcl.asyncinterfaces", "8.0.0", "Microsoft.Bcl.AsyncInterfaces"),
        ("system.text.encodings.web", "8.0.0", "System.Text.Encodings.Web"),
        ("system.buffers", "4.5.1", "System.Buffers"),
        ("system.memory", "4.5.5", "System.Memory"),
        ("system.numerics.vectors", "4.4.0", "System.Numerics.Vectors"),
        ("system.runtime.compilerservices.unsafe", "6.0.0", "System.Runtime.CompilerServices.Unsafe"),
        ("system.threading.tasks.extensions", "4.5.4", "System.Threading.Tasks.Extensions"),
    };

    public static bool IsDownlevel(TargetProfile profile) => profile is TargetProfile.NetStandard20CSharp14 or TargetProfile.Net472CSharp14;

    public static IEnumerable<MetadataReference> SystemTextJson => s_packages.Select(p =>
        MetadataReference.CreateFromFile(Path.Combine(Metadata("NuGetPackageRoot"), p.Id, p.Version, "lib", "netstandard2.0", p.Assembly + ".dll")));

    public static MetadataReference RuntimeNetStandard20 => MetadataReference.CreateFromFile(Metadata("RuntimeNetStandard20"));

    /// <summary>PolySharp 1.16.0's source generator, loaded from the package the test project downloads.</summary>
    public static string PolySharpGeneratorPath => Path.Combine(Metadata("NuGetPackageRoot"), "polysharp", "1.16.0", "analyzers", "dotnet", "cs", "PolySharp.SourceGenerators.dll");

    private static string Metadata(string key) => typeof(DownlevelReferences).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == key).Value!;
}
