// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using LiveAvatarGen.Runtime.Http;
using LiveAvatarGen.Tests.Harness;
using Xunit;

namespace LiveAvatarGen.Tests.Runtime;

/// <summary>
/// The runtime's public surface, as a user sees it in IntelliSense, is checked in at
/// <c>Snapshots/RuntimeSurface.txt</c>: a new public type, or one that is no longer hidden, shows up in review.
/// Types and members that only generated code calls carry <c>[EditorBrowsable(Never)]</c>. Update the file with
/// <c>UPDATE_SNAPSHOTS=1</c>, then review the diff.
/// </summary>
public sealed class RuntimeSurfaceSnapshotTests
{
    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static readonly Assembly s_runtime = typeof(ApiClientOptions).Assembly;

    [Fact]
    public void TheVisibleSurfaceMatchesItsSnapshot()
    {
        string actual = Describe();
        string path = Path.Combine(TestPaths.ProjectDirectory, "Snapshots", "RuntimeSurface.txt");
        if (Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") == "1")
        {
            File.WriteAllText(path, actual);
            return;
        }

        Assert.True(File.Exists(path), $"No surface snapshot at {path}; run the tests once with UPDATE_SNAPSHOTS=1 and review it.");
        string expected = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);
        Assert.True(expected == actual, "The runtime's public surface changed. If that is intended, rerun with UPDATE_SNAPSHOTS=1 and review the diff.\n" + actual);
    }

    [Fact]
    public void NoVisibleMemberOfAVisibleTypeNeedsAHiddenType()
    {
        // What a user sees must be callable without naming what is hidden from them.
        List<string> leaks = new();
        foreach (Type type in VisibleTypes())
        {
            foreach (MemberInfo member in VisibleMembers(type))
            {
                foreach (Type used in SignatureTypes(member))
                {
                    if (used.Assembly == s_runtime && IsHidden(used))
                    {
                        leaks.Add(type.FullName + "." + member.Name + " uses " + used.FullName);
                    }
                }
            }
        }

        Assert.Empty(leaks);
    }

    private static string Describe()
    {
        StringBuilder text = new();
        text.Append("# The runtime's exported types: what IntelliSense shows a user, and what only generated code calls.\n");
        text.Append("# Rewritten with UPDATE_SNAPSHOTS=1; review changes like code.\n\n");
        text.Append("[visible]\n");
        foreach (Type type in VisibleTypes())
        {
            text.Append(Name(type)).Append(" : ").Append(Name(type.BaseType!)).Append('\n');
        }

        text.Append("\n[hidden: types only generated code uses]\n");
        foreach (Type type in ExportedTypes().Where(IsHidden))
        {
            text.Append(Name(type)).Append('\n');
        }

        text.Append("\n[hidden: members of visible types only generated code or the runtime uses]\n");
        foreach (Type type in VisibleTypes())
        {
            foreach (string member in type.GetMembers(Declared).Where(m => IsAccessible(m) && IsHidden(m)).Select(m => m.Name).Distinct().Order(StringComparer.Ordinal))
            {
                text.Append(Name(type)).Append('.').Append(member).Append('\n');
            }
        }

        return text.ToString();
    }

    private static IEnumerable<Type> ExportedTypes() => s_runtime.GetExportedTypes().OrderBy(Name, StringComparer.Ordinal);

    private static IEnumerable<Type> VisibleTypes() => ExportedTypes().Where(t => !IsHidden(t));

    private static IEnumerable<MemberInfo> VisibleMembers(Type type) => type.GetMembers(Declared).Where(m => IsAccessible(m) && !IsHidden(m));

    private static bool IsHidden(MemberInfo member)
        => member.GetCustomAttribute<EditorBrowsableAttribute>() is { State: EditorBrowsableState.Never };

    private static bool IsAccessible(MemberInfo member) => member switch
    {
        MethodBase method => (method.IsPublic || method.IsFamily || method.IsFamilyOrAssembly) && !method.IsSpecialName,
        FieldInfo field => field.IsPublic || field.IsFamily || field.IsFamilyOrAssembly,
        PropertyInfo property => property.GetMethod is { } get && IsAccessible(get) || property.SetMethod is { } set && IsAccessible(set),
        EventInfo e => e.AddMethod is { } add && IsAccessible(add),
        Type nested => nested.IsNestedPublic || nested.IsNestedFamily,
        _ => false,
    };

    private static IEnumerable<Type> SignatureTypes(MemberInfo member)
    {
        IEnumerable<Type> roots = member switch
        {
            MethodInfo method => method.GetParameters().Select(p => p.ParameterType).Append(method.ReturnType),
            ConstructorInfo constructor => constructor.GetParameters().Select(p => p.ParameterType),
            PropertyInfo property => new[] { property.PropertyType },
            FieldInfo field => new[] { field.FieldType },
            _ => Array.Empty<Type>(),
        };

        return roots.SelectMany(Flatten);
    }

    private static IEnumerable<Type> Flatten(Type type)
    {
        if (type.HasElementType)
        {
            return Flatten(type.GetElementType()!);
        }

        return type.IsGenericType ? type.GetGenericArguments().SelectMany(Flatten).Prepend(type.GetGenericTypeDefinition()) : new[] { type };
    }

    private static string Name(Type type) => type.FullName ?? type.Name;
}
