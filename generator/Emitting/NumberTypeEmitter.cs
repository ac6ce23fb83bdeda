// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using LiveAvatarGen.Generator.Model;

namespace LiveAvatarGen.Generator.Emitting;

/// <summary>
/// Emits a validated number: a struct that checks minimum, maximum, their exclusive forms and multipleOf when
/// constructed and when read. Integers and decimals are checked exactly, as decimal.
/// </summary>
internal static class NumberTypeEmitter
{
    /// <summary>The members this emitter writes.</summary>
    public static readonly string[] Members = { "Value", "TryCreate", "CompareTo", "ReadJson", "WriteJson", "JsonConverter" };

    public static string Emit(NumberTypeModel model, CompilationFacts facts)
    {
        string name = model.Name;
        string underlying = TypeSyntax.Of(new TypeRef(model.Underlying), facts);
        bool floating = model.Underlying is TypeKind.Double or TypeKind.Float;
        string checkType = floating ? "double" : "decimal";
        string suffix = floating ? "d" : "m";
        string bounds = string.Join(", ", Bound(model.Minimum, suffix), Bound(model.Maximum, suffix), Bound(model.ExclusiveMinimum, suffix), Bound(model.ExclusiveMaximum, suffix), Bound(model.MultipleOf, suffix));
        string rules = TypeSyntax.Runtime + ".Validation.NumberRules";
        SourceWriter writer = EmitterCommon.Start(model.Namespace);
        writer.Summary(model.Documentation ?? name);
        writer.Line("/// <remarks>A validated number: " + SourceWriter.Xml(Describe(model)) + ".</remarks>");
        EmitterCommon.Attributes(writer, model, deprecated: false, facts);
        writer.Open("public readonly partial struct " + name + " : global::System.IEquatable<" + name + ">, global::System.IComparable<" + name + ">" + EmitterCommon.CodecInterface(name, facts));
        writer.Lines($$"""
            /// <summary>Creates the value.</summary>
            /// <exception cref="global::LiveAvatarGen.Runtime.Errors.ApiValidationException">The value is outside the spec's bounds.</exception>
            public {{name}}({{underlying}} value)
            {
                {{rules}}.Check(({{checkType}})value, {{CSharpLiteral.String(name)}}, {{bounds}});
                Value = value;
            }

            /// <summary>The number.</summary>
            public {{underlying}} Value { get; }

            /// <summary>Creates the value, or returns false if it is outside the spec's bounds.</summary>
            public static bool TryCreate({{underlying}} value, out {{name}} result)
            {
                if ({{rules}}.FindBrokenRule(({{checkType}})value, {{bounds}}) is null)
                {
                    result = new {{name}}(value);
                    return true;
                }

                result = default;
                return false;
            }

            /// <summary>Validates and wraps a number; throws ApiValidationException outside the bounds.</summary>
            public static implicit operator {{name}}({{underlying}} value) => new(value);

            /// <summary>The number.</summary>
            public static implicit operator {{underlying}}({{name}} value) => value.Value;

            /// <inheritdoc />
            public int CompareTo({{name}} other) => Value.CompareTo(other.Value);

            """);
        WrapperSemantics semantics = new(
            "Compares the numbers.",
            "Value.Equals(other.Value)",
            "Value.GetHashCode()",
            TypeSyntax.Runtime + ".Http.ApiFormat.Value(Value)",
            TypeSyntax.Read(new TypeRef(model.Underlying), "reader", facts),
            "writer.WriteNumberValue(value.Value)");
        EmitterCommon.WrapperMembers(writer, name, semantics, "Reads and validates the value.", facts);
        writer.Close();
        return writer.ToString();
    }

    private static string Bound(string? value, string suffix) => value is null ? "null" : value + suffix;

    private static string Describe(NumberTypeModel model)
    {
        System.Collections.Generic.List<string> parts = new();
        if (model.Minimum is not null)
        {
            parts.Add("at least " + model.Minimum);
        }

        if (model.ExclusiveMinimum is not null)
        {
            parts.Add("greater than " + model.ExclusiveMinimum);
        }

        if (model.Maximum is not null)
        {
            parts.Add("at most " + model.Maximum);
        }

        if (model.ExclusiveMaximum is not null)
        {
            parts.Add("less than " + model.ExclusiveMaximum);
        }

        if (model.MultipleOf is not null)
        {
            parts.Add("a multiple of " + model.MultipleOf);
        }

        return string.Join(", ", parts);
    }
}
