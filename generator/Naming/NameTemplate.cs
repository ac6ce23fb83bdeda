// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.Collections.Generic;

namespace LiveAvatarGen.Generator.Naming;

/// <summary>
/// The names a kind of scope always reserves (what its emitter declares), for the registries started from it.
/// Mapping starts a registry for every object, enum, union and operation: adding the same few dozen names to each
/// one by one was a tenth of mapping a spec, and copying a set of them still a fifth on Stripe, so a registry looks
/// them up here, in a set nothing changes after construction (safe to share between concurrent generator runs).
/// </summary>
internal sealed class NameTemplate
{
    private readonly HashSet<string> _names;

    public NameTemplate(IEnumerable<string> names)
    {
        _names = new HashSet<string>(names, StringComparer.Ordinal);
    }

    /// <summary>A new registry with these names taken.</summary>
    public NameRegistry Start() => new(_names);
}
