// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using Microsoft.CodeAnalysis.Text;

namespace LiveAvatarGen.Generator.Benchmarks;

/// <summary>
/// What our dll and NSwag's are made of, for the same spec: metadata against IL, the rows of the tables that differ
/// most, custom attributes by kind (most are the compiler's own) and IL by method name. `-- --dlls [spec ...]`. It
/// says where the bytes of <see cref="OutputSize"/>'s dll column sit; it times nothing.
/// </summary>
internal static class DllComposition
{
    private static readonly TableIndex[] Tables =
    {
        TableIndex.TypeDef, TableIndex.MethodDef, TableIndex.Field, TableIndex.Property, TableIndex.Param,
        TableIndex.MemberRef, TableIndex.TypeSpec, TableIndex.MethodSpec, TableIndex.CustomAttribute, TableIndex.FieldRva,
    };

    public static void Run(string[] specs)
    {
        foreach (string spec in specs)
        {
            string text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Specs", spec));
            byte[]? ours = OutputSize.CompileToBytes(OutputSize.Generate(spec, text), withNewtonsoft: false).Dll;
            byte[]? nswag = OutputSize.CompileToBytes(new[] { SourceText.From(OutputSize.RenameDuplicateEnumMembers(OutputSize.NSwagSource(spec, text), out _)) }, withNewtonsoft: true).Dll;
            Console.WriteLine("## " + spec);
            Describe("ours", ours);
            Describe("NSwag", nswag);
        }
    }

    private static void Describe(string who, byte[]? dll)
    {
        if (dll is null)
        {
            Console.WriteLine($"{who}: does not compile");
            return;
        }

        using PEReader pe = new(new MemoryStream(dll));
        MetadataReader metadata = pe.GetMetadataReader();
        Dictionary<string, (long Bytes, int Count)> il = new(StringComparer.Ordinal);
        long ilBytes = 0;
        foreach (MethodDefinitionHandle handle in metadata.MethodDefinitions)
        {
            MethodDefinition method = metadata.GetMethodDefinition(handle);
            if (method.RelativeVirtualAddress == 0)
            {
                continue;
            }

            int size = pe.GetMethodBody(method.RelativeVirtualAddress).Size;
            ilBytes += size;
            string name = metadata.GetString(method.Name);
            string key = name.StartsWith("get_", StringComparison.Ordinal) || name.StartsWith("set_", StringComparison.Ordinal) ? name.Substring(0, 4) + "*" : name;
            il[key] = il.TryGetValue(key, out (long Bytes, int Count) sum) ? (sum.Bytes + size, sum.Count + 1) : (size, 1);
        }

        Dictionary<string, int> attributes = new(StringComparer.Ordinal);
        foreach (CustomAttributeHandle handle in metadata.CustomAttributes)
        {
            CustomAttribute attribute = metadata.GetCustomAttribute(handle);
            string key = AttributeName(metadata, attribute) + " on " + attribute.Parent.Kind;
            attributes[key] = attributes.TryGetValue(key, out int count) ? count + 1 : 1;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{who}: {dll.Length:N0} bytes; metadata {pe.PEHeaders.MetadataSize:N0}, IL {ilBytes:N0}; heaps: strings {metadata.GetHeapSize(HeapIndex.String):N0}, user strings {metadata.GetHeapSize(HeapIndex.UserString):N0}, blobs {metadata.GetHeapSize(HeapIndex.Blob):N0}"));
        Console.WriteLine("  rows: " + string.Join(", ", Tables.Select(t => string.Create(CultureInfo.InvariantCulture, $"{t} {metadata.GetTableRowCount(t):N0} x {metadata.GetTableRowSize(t)} B"))));
        Console.WriteLine("  attributes: " + string.Join(", ", attributes.OrderByDescending(a => a.Value).ThenBy(a => a.Key, StringComparer.Ordinal).Take(8).Select(a => string.Create(CultureInfo.InvariantCulture, $"{a.Key} {a.Value:N0}"))));
        Console.WriteLine("  IL by method: " + string.Join(", ", il.OrderByDescending(m => m.Value.Bytes).ThenBy(m => m.Key, StringComparer.Ordinal).Take(8).Select(m => string.Create(CultureInfo.InvariantCulture, $"{m.Key} {m.Value.Bytes:N0} in {m.Value.Count:N0}"))));
    }

    private static string AttributeName(MetadataReader metadata, CustomAttribute attribute)
    {
        EntityHandle type = attribute.Constructor.Kind switch
        {
            HandleKind.MemberReference => metadata.GetMemberReference((MemberReferenceHandle)attribute.Constructor).Parent,
            HandleKind.MethodDefinition => metadata.GetMethodDefinition((MethodDefinitionHandle)attribute.Constructor).GetDeclaringType(),
            _ => default,
        };
        return type.Kind switch
        {
            HandleKind.TypeReference => metadata.GetString(metadata.GetTypeReference((TypeReferenceHandle)type).Name),
            HandleKind.TypeDefinition => metadata.GetString(metadata.GetTypeDefinition((TypeDefinitionHandle)type).Name),
            _ => "?",
        };
    }
}
