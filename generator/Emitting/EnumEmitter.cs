// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System.Linq;
using LiveAvatarGen.Generator.Model;

namespace LiveAvatarGen.Generator.Emitting;

/// <summary>
/// Emits an open enum: a struct with the spec's values as static members that still holds, and writes back,
/// any value the server adds later. An unknown value is never null and never an exception.
/// </summary>
internal static class EnumEmitter
{
    /// <summary>The members this emitter writes besides the known values; the parser keeps value names off them.</summary>
    public static readonly string[] Members = { "Value", "IsKnown", "KnownValues", "ReadJson", "WriteJson", "JsonConverter", "s_values", "s_known" };

    public static string Emit(EnumModel model, CompilationFacts facts)
    {
        string name = model.Name;
        SourceWriter writer = EmitterCommon.Start(model.Namespace);
        writer.Summary(model.Documentation ?? name);
        writer.Line("/// <remarks>An open enum: values not listed in the spec are kept as they are and round-trip.</remarks>");
        EmitterCommon.Attributes(writer, model, deprecated: false, facts);
        // A string enum with listed values where the consumer has static abstract members builds KnownValues from its
        // name table in the runtime, through its conversion from string: no array of its members to initialize.
        bool knownFromTable = facts.HasJsonCodecs && !model.IsInteger && model.Members.Count > 0;
        writer.Open("public readonly partial struct " + name + " : global::System.IEquatable<" + name + ">" + EmitterCommon.CodecInterface(name, facts)
            + (knownFromTable ? ", global::LiveAvatarGen.Runtime.Json.IOpenEnum<" + name + ">" : string.Empty));
        string underlying = model.IsInteger ? "long" : "string";
        if (model.IsInteger)
        {
            writer.Lines($$"""
                /// <summary>Wraps any value, known or not.</summary>
                public {{name}}(long value)
                {
                    Value = value;
                }
                """);
        }
        else
        {
            writer.Lines($$"""
                private readonly string? _value;

                /// <summary>Wraps any value, known or not.</summary>
                public {{name}}(string value)
                {
                    _value = value ?? throw new global::System.ArgumentNullException(nameof(value));
                }
                """);
        }

        if (!model.IsInteger && model.Members.Count > 0)
        {
            // The reader and IsKnown find a value in one probe of this table, instead of one comparison per value.
            writer.Line();
            writer.Line(TypeSyntax.NameTable("s_values", model.Members.Select(m => m.Value)));
        }

        string known = model.Members.Count == 0 ? "false"
            : model.IsInteger ? "Value is " + string.Join(" or ", model.Members.Select(m => Literal(model, m.Value)))
            : "s_values.IndexOf(Value) >= 0";

        // One static readonly field per listed value (the design guidelines' predefined instances): no getter to
        // compile and no property row per value (Stripe's 433 enums have 3,673 values: 2.3% of its dll). The array of
        // them, where there is one, comes after, since static fields are initialized in the order they are written.
        for (int i = 0; i < model.Members.Count; i++)
        {
            EnumMemberModel member = model.Members[i];
            writer.Lines($$"""

                /// <summary>The value <c>{{SourceWriter.Xml(member.Value)}}</c>.</summary>
                public static readonly {{name}} {{member.Name}} = new({{Literal(model, member.Value)}});
                """);
        }

        if (knownFromTable)
        {
            writer.Lines($$"""

                private static {{name}}[]? s_known;

                /// <summary>The values the spec lists.</summary>
                public static global::System.Collections.Generic.IReadOnlyList<{{name}}> KnownValues => s_known ??= s_values.Values<{{name}}>();
                """);
        }
        else
        {
            writer.Lines($$"""

                private static readonly {{name}}[] s_known = {{(model.Members.Count == 0 ? "global::System.Array.Empty<" + name + ">()" : "{ " + string.Join(", ", model.Members.Select(m => m.Name)) + " }")}};

                /// <summary>The values the spec lists.</summary>
                public static global::System.Collections.Generic.IReadOnlyList<{{name}}> KnownValues => s_known;
                """);
        }

        writer.Lines($$"""

            /// <summary>The wire value.</summary>
            {{(model.IsInteger ? "public long Value { get; }" : "public string Value => _value ?? string.Empty;")}}

            /// <summary>True when the value is one the spec lists.</summary>
            public bool IsKnown => {{known}};

            /// <summary>Wraps a wire value.</summary>
            public static implicit operator {{name}}({{underlying}} value) => new(value);

            """);
        EmitterCommon.StringValueMembers(
            writer,
            name,
            model.IsInteger ? "Reads the value; any integer is accepted." : "Reads the value; any string is accepted, and a listed one reuses its member without allocating.",
            facts,
            model.IsInteger,
            knownValues: !model.IsInteger && model.Members.Count > 0);
        writer.Close();
        return writer.ToString();
    }

    private static string Literal(EnumModel model, string value) => model.IsInteger ? value + "L" : CSharpLiteral.String(value);
}
