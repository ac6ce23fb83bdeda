// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System.Linq;
using LiveAvatarGen.Generator.Infrastructure;

namespace LiveAvatarGen.Generator.Emitting;

/// <summary>What every emit step needs besides its model: the compilation facts and the clashing clients.</summary>
internal sealed record EmitContext(CompilationFacts Facts, EquatableArray<string> Clashes)
{
    public bool CanEmit(string hintPrefix) => Facts.HasRuntime && Facts.SupportsCSharp11 && Facts.HasHttpClient && !Enumerable.Contains(Clashes, hintPrefix);
}
