// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

namespace LiveAvatarGen.Generator;

/// <summary>Names of the pipeline steps, so tests can assert how each step was cached.</summary>
public static class TrackingNames
{
    /// <summary>Spec file text and its per-file options.</summary>
    public const string Input = nameof(Input);

    /// <summary>The parsed, immutable spec model with its diagnostics.</summary>
    public const string Parse = nameof(Parse);

    /// <summary>The diagnostics alone.</summary>
    public const string Diagnostics = nameof(Diagnostics);

    /// <summary>One item per generated type.</summary>
    public const string Types = nameof(Types);

    /// <summary>The client and its options (the envelope travels with the types).</summary>
    public const string Client = nameof(Client);

    /// <summary>One item per operation.</summary>
    public const string Operations = nameof(Operations);

    /// <summary>Facts about the consuming compilation (language version, available types).</summary>
    public const string CompilationFacts = nameof(CompilationFacts);
}
