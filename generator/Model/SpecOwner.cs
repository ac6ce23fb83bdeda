// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using LiveAvatarGen.Generator.Infrastructure;

namespace LiveAvatarGen.Generator.Model;

/// <summary>Which spec generates which client (namespace-qualified), to find clashes between specs.</summary>
internal sealed record SpecOwner(string FilePath, string? HintPrefix)
{
    /// <summary>The clients more than one spec generates, in ordinal order.</summary>
    public static EquatableArray<string> Clashes(ImmutableArray<SpecOwner> owners)
    {
        return owners
            .Where(o => o.HintPrefix is not null)
            .GroupBy(o => o.HintPrefix!, StringComparer.Ordinal)
            .Where(g => g.Count() > 1)
            .Select(g => g.Key)
            .OrderBy(k => k, StringComparer.Ordinal)
            .ToEquatableArray();
    }
}
