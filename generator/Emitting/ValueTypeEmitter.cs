// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System.Globalization;
using LiveAvatarGen.Generator.Model;

namespace LiveAvatarGen.Generator.Emitting;

/// <summary>
/// Emits a validated string: a struct that checks the spec's pattern and length when constructed and when
/// read, with the regex built once and bounded by a match timeout.
/// </summary>
internal static class ValueTypeEmitter
{
    /// <summary>The members this emitter writes.</summary>
    public static readonly string[] Members = { "Value", "Pattern", "TryCreate", "ToDecimal", "TryGetDecimal", "FromDecimal", "ReadJson", "WriteJson", "JsonConverter" };

    public static string Emit(ValueTypeModel model, CompilationFacts facts)
    {
        string name = model.Name;
        string rules = TypeSyntax.Runtime + ".Validation";
        SourceWriter writer = EmitterCommon.Start(model.Namespace);
        writer.Summary(model.Documentation ?? name);
        writer.Line("/// <remarks>A validated value: " + SourceWriter.Xml(Describe(model)) + ".</remarks>");
        EmitterCommon.Attributes(writer, model, deprecated: false, facts);
        writer.Open("public readonly partial struct " + name + " : global::System.IEquatable<" + name + ">" + EmitterCommon.CodecInterface(name, facts));
        string patternArgument = "null";
        string patternTextArgument = "null";
        if (model.Pattern is not null)
        {
            writer.Lines($$"""
                /// <summary>The pattern as the spec writes it (ECMA-262).</summary>
                public const string Pattern = {{CSharpLiteral.String(model.SpecPattern!)}};

                private static readonly global::System.Text.RegularExpressions.Regex s_pattern = {{rules}}.ApiRegex.Create({{CSharpLiteral.String(model.Pattern)}});

                """);
            patternArgument = "s_pattern";
            patternTextArgument = "Pattern";
        }

        string ruleArguments = patternArgument + ", " + patternTextArgument + ", " + Int(model.MinLength) + ", " + Int(model.MaxLength);
        writer.Lines($$"""
            private readonly string? _value;

            /// <summary>Creates the value.</summary>
            /// <exception cref="global::LiveAvatarGen.Runtime.Errors.ApiValidationException">The value breaks the spec's rules.</exception>
            public {{name}}(string value)
            {
                _value = {{rules}}.StringRules.Check(value, {{CSharpLiteral.String(name)}}, {{ruleArguments}});
            }

            /// <summary>The text, exactly as given or received.</summary>
            public string Value => _value ?? string.Empty;

            /// <summary>Creates the value, or returns false if it breaks the spec's rules.</summary>
            public static bool TryCreate(string? value, out {{name}} result)
            {
                if ({{rules}}.StringRules.FindBrokenRule(value, {{ruleArguments}}, out _) is null)
                {
                    result = new {{name}}(value!);
                    return true;
                }

                result = default;
                return false;
            }
            """);
        if (model.IsDecimalString)
        {
            EmitDecimal(writer, name);
        }

        writer.Lines($$"""

            /// <summary>The text.</summary>
            public static implicit operator string({{name}} value) => value.Value;

            /// <summary>Validates and wraps text.</summary>
            public static explicit operator {{name}}(string value) => new(value);

            """);
        EmitterCommon.StringValueMembers(writer, name, "Reads and validates the value.", facts);
        writer.Close();
        return writer.ToString();
    }

    private static void EmitDecimal(SourceWriter writer, string name)
    {
        string rules = TypeSyntax.Runtime + ".Validation.DecimalText";
        writer.Lines($$"""

            /// <summary>Converts exactly, with no floating point, or returns false when <see cref="decimal"/> cannot hold the value exactly.</summary>
            public bool TryGetDecimal(out decimal value) => {{rules}}.TryParse(Value, out value);

            /// <summary>Converts exactly, with no floating point.</summary>
            /// <exception cref="global::LiveAvatarGen.Runtime.Errors.ApiValidationException">The value is outside decimal's range or precision.</exception>
            public decimal ToDecimal()
            {
                if ({{rules}}.TryParse(Value, out decimal value))
                {
                    return value;
                }

                throw new global::LiveAvatarGen.Runtime.Errors.ApiValidationException({{CSharpLiteral.String(name)}}, Value, "does not fit System.Decimal exactly (at most 28 decimal places and 29 significant digits)");
            }

            /// <summary>Creates the value from a decimal, in invariant form, keeping its scale (12.50m gives "12.50").</summary>
            public static {{name}} FromDecimal(decimal value) => new({{rules}}.Format(value));
            """);
    }

    private static string Describe(ValueTypeModel model)
    {
        string text = model.SpecPattern is null ? "a string" : "a string matching " + model.SpecPattern;
        if (model.MinLength >= 0)
        {
            text += ", at least " + Int(model.MinLength) + " characters";
        }

        if (model.MaxLength >= 0)
        {
            text += ", at most " + Int(model.MaxLength) + " characters";
        }

        return text;
    }

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);
}
