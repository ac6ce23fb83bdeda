// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;

namespace LiveAvatarGen.Generator.Overlays;

/// <summary>A JSONPath expression this evaluator cannot parse; <see cref="Position"/> is the offending character's index.</summary>
internal sealed class JsonPathException : Exception
{
    public JsonPathException(string message, int position)
        : base(message + " at position " + position)
    {
        Position = position;
    }

    public int Position { get; }
}
