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
    private readonly HashSet<string> _taken;

    /// <param name="ignoreCase">Type names are unique ignoring case, because they become file names.</param>
    public NameRegistry(bool ignoreCase = false)
    {
        _taken = new HashSet<string>(ignoreCase ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);
    }

    private NameRegistry(HashSet<string> taken)
    {
        _taken = taken;
    }

    /// <summary>
    /// A registry with <paramref name="names"/> taken, kept as a template for <see cref="Copy"/>: mapping starts a
    /// registry for every object, enum, union and operation, and adding the same few dozen names one by one (growing
    /// the set each time) was a tenth of mapping a spec.
    /// </summary>
    public static NameRegistry Of(IEnumerable<string> names)
    {
        NameRegistry registry = new();
        foreach (string name in names)
        {
            registry.Reserve(name);
        }

        return registry;
    }

    /// <summary>A new registry with the names this one has taken; a set with the same comparer is copied whole.</summary>
    public NameRegistry Copy() => new(new HashSet<string>(_taken, _taken.Comparer));

    public void Reserve(string name) => _taken.Add(name);

    public bool IsTaken(string name) => _taken.Contains(name);

    /// <summary>Takes exactly <paramref name="name"/>; false, taking nothing, when it is taken.</summary>
    public bool TryClaimExact(string name) => _taken.Add(name);

    public string Claim(string wanted)
    {
        if (_taken.Add(wanted))
        {
            return wanted;
        }

        for (int suffix = 2; ; suffix++)
        {
            string candidate = wanted + suffix.ToString(CultureInfo.InvariantCulture);
            if (_taken.Add(candidate))
            {
                return candidate;
            }
        }
    }
}
