// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace LiveAvatarGen.PackageTests.Harness;

/// <summary>An assembly read with System.Reflection.Metadata, never loaded.</summary>
internal sealed record AssemblyFacts(string Name, Version Version, IReadOnlyList<(string Name, Version Version)> References, IReadOnlyList<string> TypesWithMethods, IReadOnlyDictionary<string, string> AssemblyMetadata)
{
    public static AssemblyFacts Read(byte[] image)
    {
        using PEReader pe = new(ImmutableArray.Create(image));
        MetadataReader reader = pe.GetMetadataReader();
        AssemblyDefinition assembly = reader.GetAssemblyDefinition();
        List<(string, Version)> references = reader.AssemblyReferences
            .Select(h => reader.GetAssemblyReference(h))
            .Select(r => (reader.GetString(r.Name), r.Version))
            .ToList();

        // "Namespace.Type.Method" for every method, to see what the generator produced without loading anything.
        List<string> methods = new();
        foreach (TypeDefinitionHandle handle in reader.TypeDefinitions)
        {
            TypeDefinition type = reader.GetTypeDefinition(handle);
            string typeName = reader.GetString(type.Namespace) + "." + reader.GetString(type.Name);
            methods.AddRange(type.GetMethods().Select(m => typeName + "." + reader.GetString(reader.GetMethodDefinition(m).Name)));
        }

        Dictionary<string, string> metadata = new(StringComparer.Ordinal);
        foreach (CustomAttributeHandle handle in assembly.GetCustomAttributes())
        {
            CustomAttribute attribute = reader.GetCustomAttribute(handle);
            if (attribute.Constructor.Kind == HandleKind.MemberReference
                && reader.GetMemberReference((MemberReferenceHandle)attribute.Constructor).Parent is { Kind: HandleKind.TypeReference } parent
                && reader.GetString(reader.GetTypeReference((TypeReferenceHandle)parent).Name) == "AssemblyMetadataAttribute")
            {
                BlobReader blob = reader.GetBlobReader(attribute.Value);
                blob.ReadUInt16(); // prolog
                string? key = blob.ReadSerializedString();
                string? value = blob.ReadSerializedString();
                if (key is not null)
                {
                    metadata[key] = value ?? string.Empty;
                }
            }
        }

        return new AssemblyFacts(reader.GetString(assembly.Name), assembly.Version, references, methods, metadata);
    }

    public static AssemblyFacts ReadFile(string path) => Read(File.ReadAllBytes(path));
}

/// <summary>Reads a .nupkg (a zip) without extracting it.</summary>
internal static class Nupkg
{
    public static IReadOnlyList<string> Entries(string package)
    {
        using ZipArchive zip = ZipFile.OpenRead(package);
        return zip.Entries.Select(e => e.FullName).OrderBy(n => n, StringComparer.Ordinal).ToList();
    }

    public static byte[] Read(string package, string entry)
    {
        using ZipArchive zip = ZipFile.OpenRead(package);
        using Stream stream = zip.GetEntry(entry)!.Open();
        using MemoryStream buffer = new();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}
