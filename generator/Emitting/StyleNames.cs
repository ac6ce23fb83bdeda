// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using LiveAvatarGen.Generator.Model;

namespace LiveAvatarGen.Generator.Emitting;

/// <summary>The spec's spelling of a style, which the runtime's <c>ApiStyles</c> helpers take.</summary>
internal static class StyleNames
{
    public static string Of(SerializationStyle style) => style switch
    {
        SerializationStyle.Simple => "simple",
        SerializationStyle.Label => "label",
        SerializationStyle.Matrix => "matrix",
        SerializationStyle.SpaceDelimited => "spaceDelimited",
        SerializationStyle.PipeDelimited => "pipeDelimited",
        SerializationStyle.DeepObject => "deepObject",
        _ => "form",
    };

    /// <summary>The style as a C# string literal.</summary>
    public static string Literal(SerializationStyle style) => "\"" + Of(style) + "\"";
}
