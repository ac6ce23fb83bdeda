// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.Collections.Generic;
using System.Globalization;

namespace LiveAvatarGen.Generator.Naming;

/// <summary>
/// Hands out unique names in one scope (a namespace, a class, a parameter list). A taken name gets the
/// smallest free numeric suffix, so the outcome depends only on the order of requests, which callers keep deterministic.
/// </summary>
internal sealed class NameRegistry
{
    /// <summary>The names of the <see cref="NameTemplate"/> this registry started from: shared, never changed.</summary>
    private readonly HashSet<string>? _reserved;

    private readonly HashSet<string> _taken;

    /// <param name="ignoreCase">Type names are unique ignoring case, because they become file names.</param>
    public NameRegistry(bool ignoreCase = false)
    {
        _taken = new HashSet<string>(ignoreCase ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);
    }

    internal NameRegistry(HashSet<string> reserved)
    {
        _reserved = reserved;
        _taken = new HashSet<string>(reserved.Comparer);
    }

    public void Reserve(string name) => _taken.Add(name);

    public bool IsTaken(string name) => _reserved?.Contains(name) == true || _taken.Contains(name);

    /// <summary>Takes exactly <paramref name="name"/>; false, taking nothing, when it is taken.</summary>
    public bool TryClaimExact(string name) => _reserved?.Contains(name) != true && _taken.Add(name);

    public string Claim(string wanted)
    {
        if (TryClaimExact(wanted))
        {
            return wanted;
        }

        for (int suffix = 2; ; suffix++)
        {
            string candidate = wanted + suffix.ToString(CultureInfo.InvariantCulture);
            if (TryClaimExact(candidate))
            {
                return candidate;
            }
        }
    }
}
