// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using LiveAvatarGen.Generator.Model;

namespace LiveAvatarGen.Generator.Emitting;

/// <summary>
/// Emits a union (oneOf/anyOf/type array). A value read from JSON keeps its raw JSON, so nothing is lost
/// whichever variant it is; <c>AsX()</c> reads it as a variant on demand. A value built from a variant writes that variant.
/// </summary>
internal static class UnionEmitter
{
    /// <summary>The members this emitter writes besides the per-variant ones; the parser keeps variant names off them.</summary>
    public static readonly string[] Members = { "Raw", "Value", "Discriminator", "ReadJson", "WriteJson", "JsonConverter" };

    public static string Emit(UnionModel model, CompilationFacts facts)
    {
        string name = model.Name;
        SourceWriter writer = EmitterCommon.Start(model.Namespace);
        writer.Summary(model.Documentation ?? "One of: " + string.Join(", ", Names(model)) + ".");
        writer.Line("/// <remarks>A union. Read values keep their JSON in <see cref=\"Raw\"/>; use the <c>As</c> methods to get a variant.</remarks>");
        EmitterCommon.Attributes(writer, model, deprecated: false, facts);
        writer.Open("public sealed partial class " + name + EmitterCommon.CodecInterface(name, facts, first: true));
        writer.Lines($$"""
            private readonly object? _value;
            private readonly int _variant;

            private {{name}}(object? value, int variant, global::System.Text.Json.JsonElement raw)
            {
                _value = value;
                _variant = variant;
                Raw = raw;
            }

            /// <summary>The JSON as received; undefined for a value built in code.</summary>
            public global::System.Text.Json.JsonElement Raw { get; }
            """);
        if (model.Discriminator is { } discriminator)
        {
            writer.Lines($$"""

                /// <summary>The discriminator (<c>{{SourceWriter.Xml(discriminator)}}</c>) of the received JSON, or null.</summary>
                public string? Discriminator => Raw.ValueKind == global::System.Text.Json.JsonValueKind.Object && Raw.TryGetProperty({{CSharpLiteral.String(discriminator)}}, out global::System.Text.Json.JsonElement tag) && tag.ValueKind == global::System.Text.Json.JsonValueKind.String ? tag.GetString() : null;
                """);
        }

        HashSet<string> converted = new(System.StringComparer.Ordinal);
        for (int i = 0; i < model.Variants.Count; i++)
        {
            EmitVariant(writer, model, i, converted, facts);
        }

        writer.Lines($$"""

            /// <inheritdoc />
            public override string ToString() => _variant < 0 ? Raw.GetRawText() : _value?.ToString() ?? string.Empty;

            /// <summary>Reads any JSON value; the variant is decided when it is asked for.</summary>
            public static {{name}} ReadJson(ref {{TypeSyntax.Reader}} reader) => new(null, -1, {{TypeSyntax.JsonRead}}.Element(ref reader));

            /// <summary>Writes the variant it was built from, or the JSON it was read from.</summary>
            public static void WriteJson({{TypeSyntax.Writer}} writer, {{name}} value)
            {
                switch (value._variant)
                {
            """);
        writer.Indent(2);
        for (int i = 0; i < model.Variants.Count; i++)
        {
            UnionVariantModel variant = model.Variants[i];
            writer.Lines($$"""
                case {{i.ToString(CultureInfo.InvariantCulture)}}:
                {
                    {{TypeSyntax.Write(variant.Type, "writer", "((" + TypeSyntax.Of(variant.Type, facts) + ")value._value!)", facts, 1)}}
                    break;
                }
                """);
        }

        writer.Indent(-2);
        writer.Lines("""
                    default:
                    {
                        value.Raw.WriteTo(writer);
                        break;
                    }
                }
            }
            """);
        EmitterCommon.Converter(writer, name, facts);
        writer.Close();
        return writer.ToString();
    }

    /// <summary>Building the union from one variant, and asking for it.</summary>
    private static void EmitVariant(SourceWriter writer, UnionModel model, int i, HashSet<string> converted, CompilationFacts facts)
    {
        UnionVariantModel variant = model.Variants[i];
        string name = model.Name;
        string type = TypeSyntax.Of(variant.Type, facts);
        string index = i.ToString(CultureInfo.InvariantCulture);
        writer.Lines($$"""

            /// <summary>Builds the union from the {{variant.Name}} variant.</summary>
            public static {{name}} From{{variant.Name}}({{type}} value) => new(value, {{index}}, default);
            """);
        if (variant.Type.Kind is not (TypeKind.List or TypeKind.Map) && converted.Add(type))
        {
            writer.Lines($$"""

                /// <summary>Builds the union from the {{variant.Name}} variant.</summary>
                public static implicit operator {{name}}({{type}} value) => new(value, {{index}}, default);
                """);
        }

        writer.Lines($$"""

            /// <summary>The value as the {{variant.Name}} variant, or null when it is not one.</summary>
            public {{TypeSyntax.Of(variant.Type.AsNullable(), facts)}} As{{variant.Name}}()
            {
                if (_variant == {{index}})
                {
                    return ({{type}})_value!;
                }

            """);
        writer.Indent(1);
        if (model.Discriminator is not null && variant.DiscriminatorValues.Count > 0)
        {
            // The discriminator decides: a variant it does not name is not tried.
            writer.Lines($$"""
                if (_variant < 0 && Discriminator is { } tag && tag is not ({{string.Join(" or ", variant.DiscriminatorValues.Select(CSharpLiteral.String))}}))
                {
                    return null;
                }

                """);
        }

        writer.Lines($$"""
            if (_variant < 0 && {{TypeSyntax.Runtime}}.Json.JsonUnion.{{TryReadCall(variant.Type, facts)}}, out {{type}} read))
            {
                return read;
            }

            return null;
            """);
        writer.Indent(-1);
        writer.Line("}");
    }

    private static IEnumerable<string> Names(UnionModel model)
    {
        foreach (UnionVariantModel variant in model.Variants)
        {
            yield return variant.Name;
        }
    }

    /// <summary>
    /// The <c>JsonUnion</c> call that tries a variant, up to its out argument. A list or map variant whose items have a
    /// method-group reader is read by <c>TryReadList</c> or <c>TryReadMap</c> with that method group: the union then
    /// declares no lambda, whose closure class would make NativeAOT keep its converter (reader and writer) in any app
    /// that asks for the variant.
    /// </summary>
    private static string TryReadCall(TypeRef type, CompilationFacts facts)
    {
        if (TypeSyntax.ItemReaderGroup(type, facts) is { } itemReader)
        {
            return (type.Kind == TypeKind.List ? "TryReadList<" : "TryReadMap<") + TypeSyntax.Of(type.Element!, facts) + ">(Raw, " + itemReader;
        }

        return "TryRead<" + TypeSyntax.Of(type, facts) + ">(Raw, " + TypeSyntax.ReadLambda(type, "r", facts, 0);
    }
}
