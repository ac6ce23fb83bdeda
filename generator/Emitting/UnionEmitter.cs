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
        EmitterCommon.Attributes(writer, name, deprecated: false);
        writer.Open("public sealed partial class " + name);
        writer.Line("private readonly object? _value;");
        writer.Line("private readonly int _variant;");
        writer.Line();
        writer.Open("private " + name + "(object? value, int variant, global::System.Text.Json.JsonElement raw)");
        writer.Line("_value = value;");
        writer.Line("_variant = variant;");
        writer.Line("Raw = raw;");
        writer.Close();
        writer.Line();
        writer.Line("/// <summary>The JSON as received; undefined for a value built in code.</summary>");
        writer.Line("public global::System.Text.Json.JsonElement Raw { get; }");
        if (model.Discriminator is { } discriminator)
        {
            writer.Line();
            writer.Line("/// <summary>The discriminator (<c>" + SourceWriter.Xml(discriminator) + "</c>) of the received JSON, or null.</summary>");
            writer.Line("public string? Discriminator => Raw.ValueKind == global::System.Text.Json.JsonValueKind.Object && Raw.TryGetProperty(" + CSharpLiteral.String(discriminator) + ", out global::System.Text.Json.JsonElement tag) && tag.ValueKind == global::System.Text.Json.JsonValueKind.String ? tag.GetString() : null;");
        }
        HashSet<string> converted = new(System.StringComparer.Ordinal);
        for (int i = 0; i < model.Variants.Count; i++)
        {
            UnionVariantModel variant = model.Variants[i];
            string type = TypeSyntax.Of(variant.Type, facts);
            string index = i.ToString(CultureInfo.InvariantCulture);
            writer.Line();
            writer.Line("/// <summary>Builds the union from the " + variant.Name + " variant.</summary>");
            writer.Line("public static " + name + " From" + variant.Name + "(" + type + " value) => new(value, " + index + ", default);");
            if (variant.Type.Kind is not (TypeKind.List or TypeKind.Map) && converted.Add(type))
            {
                writer.Line();
                writer.Line("/// <summary>Builds the union from the " + variant.Name + " variant.</summary>");
                writer.Line("public static implicit operator " + name + "(" + type + " value) => new(value, " + index + ", default);");
            }

            writer.Line();
            writer.Line("/// <summary>The value as the " + variant.Name + " variant, or null when it is not one.</summary>");
            writer.Open("public " + TypeSyntax.Of(variant.Type.AsNullable(), facts) + " As" + variant.Name + "()");
            writer.Open("if (_variant == " + index + ")");
            writer.Line("return (" + type + ")_value!;");
            writer.Close();
            writer.Line();
            if (model.Discriminator is not null && variant.DiscriminatorValues.Count > 0)
            {
                // The discriminator decides: a variant it does not name is not tried.
                writer.Open("if (_variant < 0 && Discriminator is { } tag && tag is not (" + string.Join(" or ", variant.DiscriminatorValues.Select(CSharpLiteral.String)) + "))");
                writer.Line("return null;");
                writer.Close();
                writer.Line();
            }

            writer.Open("if (_variant < 0 && " + TypeSyntax.Runtime + ".Json.JsonUnion.TryRead<" + type + ">(Raw, " + TypeSyntax.ReadLambda(variant.Type, "r", facts, 0) + ", out " + type + " read))");
            writer.Line("return read;");
            writer.Close();
            writer.Line();
            writer.Line("return null;");
            writer.Close();
        }

        writer.Line();
        writer.Line("/// <inheritdoc />");
        writer.Line("public override string ToString() => _variant < 0 ? Raw.GetRawText() : _value?.ToString() ?? string.Empty;");
        writer.Line();
        writer.Line("/// <summary>Reads any JSON value; the variant is decided when it is asked for.</summary>");
        writer.Line("public static " + name + " ReadJson(ref " + TypeSyntax.Reader + " reader) => new(null, -1, " + TypeSyntax.JsonRead + ".Element(ref reader));");
        writer.Line();
        writer.Line("/// <summary>Writes the variant it was built from, or the JSON it was read from.</summary>");
        writer.Open("public static void WriteJson(" + TypeSyntax.Writer + " writer, " + name + " value)");
        writer.Open("switch (value._variant)");
        for (int i = 0; i < model.Variants.Count; i++)
        {
            UnionVariantModel variant = model.Variants[i];
            writer.Open("case " + i.ToString(CultureInfo.InvariantCulture) + ":");
            writer.Line(TypeSyntax.Write(variant.Type, "writer", "((" + TypeSyntax.Of(variant.Type, facts) + ")value._value!)", facts, 1));
            writer.Line("break;");
            writer.Close();
        }

        writer.Open("default:");
        writer.Line("value.Raw.WriteTo(writer);");
        writer.Line("break;");
        writer.Close();
        writer.Close();
        writer.Close();
        writer.Line();
        EmitterCommon.Converter(writer, name);
        writer.Close();
        return writer.ToString();
    }

    private static IEnumerable<string> Names(UnionModel model)
    {
        foreach (UnionVariantModel variant in model.Variants)
        {
            yield return variant.Name;
        }
    }
}
