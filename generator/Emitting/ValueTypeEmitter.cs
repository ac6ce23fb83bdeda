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
    public static readonly string[] Members = { "Value", "Pattern", "TryCreate", "ToDecimal", "TryGetDecimal", "ReadJson", "WriteJson", "JsonConverter" };

    public static string Emit(ValueTypeModel model)
    {
        string name = model.Name;
        string rules = TypeSyntax.Runtime + ".Validation";
        SourceWriter writer = EmitterCommon.Start(model.Namespace);
        writer.Summary(model.Documentation ?? name);
        writer.Line("/// <remarks>A validated value: " + SourceWriter.Xml(Describe(model)) + ".</remarks>");
        EmitterCommon.Attributes(writer, name, deprecated: false);
        writer.Open("public readonly partial struct " + name + " : global::System.IEquatable<" + name + ">");
        string patternArgument = "null";
        string patternTextArgument = "null";
        if (model.Pattern is not null)
        {
            writer.Line("/// <summary>The pattern as the spec writes it (ECMA-262).</summary>");
            writer.Line("public const string Pattern = " + CSharpLiteral.String(model.SpecPattern!) + ";");
            writer.Line();
            writer.Line("private static readonly global::System.Text.RegularExpressions.Regex s_pattern = " + rules + ".ApiRegex.Create(" + CSharpLiteral.String(model.Pattern) + ");");
            writer.Line();
            patternArgument = "s_pattern";
            patternTextArgument = "Pattern";
        }

        string check = rules + ".StringRules.Check(value, " + CSharpLiteral.String(name) + ", " + patternArgument + ", " + patternTextArgument + ", " + Int(model.MinLength) + ", " + Int(model.MaxLength) + ")";
        writer.Line("private readonly string? _value;");
        writer.Line();
        writer.Line("/// <summary>Creates the value.</summary>");
        writer.Line("/// <exception cref=\"global::LiveAvatarGen.Runtime.Errors.ApiValidationException\">The value breaks the spec's rules.</exception>");
        writer.Open("public " + name + "(string value)");
        writer.Line("_value = " + check + ";");
        writer.Close();
        writer.Line();
        writer.Line("/// <summary>The text, exactly as given or received.</summary>");
        writer.Line("public string Value => _value ?? string.Empty;");
        writer.Line();
        writer.Line("/// <summary>Creates the value, or returns false if it breaks the spec's rules.</summary>");
        writer.Open("public static bool TryCreate(string? value, out " + name + " result)");
        writer.Open("if (" + rules + ".StringRules.FindBrokenRule(value, " + patternArgument + ", " + patternTextArgument + ", " + Int(model.MinLength) + ", " + Int(model.MaxLength) + ", out _) is null)");
        writer.Line("result = new " + name + "(value!);");
        writer.Line("return true;");
        writer.Close();
        writer.Line();
        writer.Line("result = default;");
        writer.Line("return false;");
        writer.Close();
        if (model.IsDecimalString)
        {
            EmitDecimal(writer, name);
        }

        writer.Line();
        writer.Line("/// <summary>The text.</summary>");
        writer.Line("public static implicit operator string(" + name + " value) => value.Value;");
        writer.Line();
        writer.Line("/// <summary>Validates and wraps text.</summary>");
        writer.Line("public static explicit operator " + name + "(string value) => new(value);");
        writer.Line();
        EmitterCommon.StringValueMembers(writer, name, "Reads and validates the value.");
        writer.Close();
        return writer.ToString();
    }

    private static void EmitDecimal(SourceWriter writer, string name)
    {
        string rules = TypeSyntax.Runtime + ".Validation.DecimalText";
        writer.Line();
        writer.Line("/// <summary>Converts exactly, with no floating point, or returns false when <see cref=\"decimal\"/> cannot hold the value exactly.</summary>");
        writer.Line("public bool TryGetDecimal(out decimal value) => " + rules + ".TryParse(Value, out value);");
        writer.Line();
        writer.Line("/// <summary>Converts exactly, with no floating point.</summary>");
        writer.Line("/// <exception cref=\"global::LiveAvatarGen.Runtime.Errors.ApiValidationException\">The value is outside decimal's range or precision.</exception>");
        writer.Open("public decimal ToDecimal()");
        writer.Open("if (" + rules + ".TryParse(Value, out decimal value))");
        writer.Line("return value;");
        writer.Close();
        writer.Line();
        writer.Line("throw new global::LiveAvatarGen.Runtime.Errors.ApiValidationException(" + CSharpLiteral.String(name) + ", Value, \"does not fit System.Decimal exactly (at most 28 decimal places and 29 significant digits)\");");
        writer.Close();
        writer.Line();
        writer.Line("/// <summary>Creates the value from a decimal, in invariant form, keeping its scale (12.50m gives \"12.50\").</summary>");
        writer.Line("public static " + name + " FromDecimal(decimal value) => new(" + rules + ".Format(value));");
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
