// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.Collections;
using System.Collections.Generic;
using System.Reflection;
using System.Threading;
using LiveAvatarGen.Generator.Configuration;
using LiveAvatarGen.Generator.Model;
using LiveAvatarGen.Generator.Parsing;
using LiveAvatarGen.Tests.Harness;
using Microsoft.CodeAnalysis;
using Xunit;

namespace LiveAvatarGen.Tests.Incremental;

/// <summary>The pipeline model is the unit of caching: equal text gives an equal model, and it holds nothing from Roslyn.</summary>
public sealed class ModelTests
{
    private static ReadResult Read(string text) => SpecReader.Read(new SpecInput("/specs/openapi.json", text, "Test.Api", null), CancellationToken.None);

    [Theory]
    [InlineData("credits.openapi.json")]
    [InlineData(TestPaths.LiveAvatar)]
    [InlineData("constructs.openapi.yaml")]
    public void SameTextGivesEqualModelsAndHashes(string spec)
    {
        string text = TestPaths.ReadSpec(spec);

        ReadResult first = Read(text);
        ReadResult second = Read(text);

        Assert.NotSame(first, second);
        Assert.Equal(first, second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
    }

    [Fact]
    public void DifferentTextGivesUnequalModels()
    {
        string text = TestPaths.ReadSpec("credits.openapi.json");

        ReadResult first = Read(text);
        ReadResult second = Read(text.Replace("\"Credits Left\"", "\"Credits\"", StringComparison.Ordinal));

        Assert.NotEqual(first, second);
    }

    [Fact]
    public void CancellationIsHonouredNotReportedAsAFailure()
    {
        using CancellationTokenSource cancelled = new();
        cancelled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => SpecReader.Read(new SpecInput("/specs/openapi.json", TestPaths.ReadSpec(TestPaths.LiveAvatar), "Test.Api", null), cancelled.Token));
    }

    [Fact]
    public void ModelsHoldNoRoslynObjects()
    {
        ReadResult result = Read(TestPaths.ReadSpec(TestPaths.LiveAvatar));
        Type[] banned = { typeof(ISymbol), typeof(Compilation), typeof(SyntaxNode), typeof(Location), typeof(AdditionalText), typeof(SyntaxTree) };
        HashSet<object> seen = new(ReferenceEqualityComparer.Instance);
        Stack<(object Value, string Path)> pending = new();
        pending.Push((result, "ReadResult"));
        int visited = 0;
        while (pending.Count > 0)
        {
            (object value, string path) = pending.Pop();
            if (!seen.Add(value))
            {
                continue;
            }

            visited++;
            Type type = value.GetType();
            foreach (Type ban in banned)
            {
                Assert.False(ban.IsAssignableFrom(type), $"{path} is a {type.Name}");
            }

            Assert.False(type.Namespace?.StartsWith("Microsoft.OpenApi", StringComparison.Ordinal) == true, $"{path} is a {type.FullName}");
            if (type.IsPrimitive || type.IsEnum || value is string)
            {
                continue;
            }

            if (value is IEnumerable items)
            {
                int index = 0;
                foreach (object? item in items)
                {
                    if (item is not null)
                    {
                        pending.Push((item, path + "[" + index++ + "]"));
                    }
                }
            }

            foreach (FieldInfo field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
            {
                if (field.GetValue(value) is { } child)
                {
                    pending.Push((child, path + "." + field.Name));
                }
            }
        }

        Assert.True(visited > 1000, "walked only " + visited + " objects");
    }
}
