// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using LiveAvatarGen.Generator.Model;

namespace LiveAvatarGen.Generator.Emitting;

/// <summary>
/// An object's <c>ReadJson</c> and <c>WriteJson</c>: the reader finds each member in the type's name table, counts
/// the required ones in flag words and keeps the undeclared ones; the writer sends required and const members, the
/// optional ones that were set (null included) and the kept undeclared ones.
/// </summary>
internal static partial class ObjectEmitter
{
    private static void EmitRead(SourceWriter writer, ObjectModel model, List<Member> members, CompilationFacts facts)
    {
        string extrasValue = TypeSyntax.Of(model.AdditionalPropertiesType ?? TypeRef.AnyJson, facts);
        if (members.Count > 0)
        {
            // The member names in the order of the reader's cases, each spelled once.
            writer.Line(TypeSyntax.NameTable("s_jsonNames", members.Select(m => m.Property.JsonName)));
            writer.Line();
        }

        writer.Lines($$"""
            {{CodecDocumentation(model, facts, ReadSummary(model))}}
            public static {{(IsDerived(model) ? "new " : string.Empty)}}{{Self(model)}} ReadJson(ref {{TypeSyntax.Reader}} reader{{SlotParameter(model, read: true)}})
            {
            """);
        writer.Indent(1);
        EmitReadDispatch(writer, model);
        writer.Line(TypeSyntax.JsonRead + ".StartObject(ref reader, " + CSharpLiteral.String(model.Name) + ");");

        bool direct = ReadsIntoFields(model, members, facts);
        if (direct)
        {
            string arguments = NeedsReadingConstructor(model, members, facts) ? "(default(" + TypeSyntax.JsonReading + "))" : "()";
            writer.Line(Self(model) + " result = new " + Self(model) + arguments + ";");
        }

        // Plain loops, not LINQ: this runs for every object of a spec (grouping here was a fifth of emitting Stripe's objects).
        List<Member> required = members.FindAll(m => m.MustBePresent);
        List<string> flagWords = Words("set", members.FindAll(m => m.IsTracked).Count);
        List<string> requiredWords = Words("required", required.Count);
        foreach (string word in flagWords)
        {
            writer.Line("int " + word + " = 0;");
        }

        foreach (string word in requiredWords)
        {
            writer.Line("int " + word + " = 0;");
        }

        for (int i = 0; !direct && i < members.Count; i++)
        {
            PropertyModel property = members[i].Property;
            string initial = property.IsRequired ? "default!" : property.ConstJson is not null ? ConstLiteral(property) : "default";
            writer.Line($"{TypeSyntax.Of(property.Type, facts)} {members[i].Local} = {initial};");
        }

        writer.Lines($$"""
            global::System.Collections.Generic.Dictionary<string, {{extrasValue}}>? extras = null;
            string? property = null;
            """);
        if (members.Count > 0)
        {
            // The member the table tries first: the one after the last found.
            writer.Line("int next = 0;");
        }

        // No try/catch for the JSON path of a failure: the place that started reading the document finds it
        // (JsonPaths), so no reader pays for a handler.
        writer.Lines($$"""
            while ({{TypeSyntax.JsonRead}}.NextProperty(ref reader))
            {
            """);
        writer.Indent(1);

        // Undeclared members are read by one runtime call; typed ones pass the value's reader.
        string readExtra = model.AdditionalPropertiesType is { } extrasType && extrasType.Kind != TypeKind.Any
            ? ", " + TypeSyntax.ReadLambda(extrasType, "r1", facts, 1)
            : string.Empty;
        string readMember = $"{TypeSyntax.JsonRead}.Member(ref reader, ref extras, out property{readExtra});";
        if (members.Count == 0)
        {
            writer.Line(readMember);
        }
        else
        {
            // The table finds the member's index, sets `property` and moves to the value; the reader switches on it.
            // One line per member, like a table: the read, its check, its flag.
            writer.Open("switch (s_jsonNames.ReadMember(ref reader, ref next, out property))");
            for (int i = 0; i < members.Count; i++)
            {
                Member member = members[i];

                // Checked here, where a broken rule gets the member's JSON path; a tri-state member then goes straight
                // to its field, a required one through its init accessor, which checks it again (a count of code points).
                string target = direct ? "result." + member.Field : member.Local;
                string check = member.Rule is not null ? " " + member.CheckLength(target) : string.Empty;
                string flag = member.IsTracked ? $" {member.LocalFlagWord} |= {member.FlagBit};"
                    : member.MustBePresent ? $" {member.RequiredWord} |= {member.RequiredBit};"
                    : string.Empty;
                writer.Line($"case {i}: {target} = {TypeSyntax.Read(member.Property.Type, "reader", facts)};{check}{flag} break;");
            }

            writer.Line("default: " + readMember + " break;");
            writer.Close();
        }

        writer.Indent(-1);
        writer.Line("}");
        writer.Line();
        // One comparison per word of required members; the names are spelled out only on the way to the error.
        for (int w = 0; w < requiredWords.Count; w++)
        {
            List<Member> word = required.GetRange(w * BitsPerWord, System.Math.Min(BitsPerWord, required.Count - (w * BitsPerWord)));
            string all = word.Count == BitsPerWord ? "-1" : "0x" + ((1 << word.Count) - 1).ToString("X", CultureInfo.InvariantCulture);
            // Up to 32 members, the table names the missing one from a mask of the required members' indexes; the
            // names spelled again in an array were 27 KB of Stripe's dll.
            string error = members.Count <= BitsPerWord
                ? "s_jsonNames.MissingProperty(" + requiredWords[w] + ", " + CSharpLiteral.String(model.Name) + ", " + word.Aggregate(0, (mask, m) => mask | (1 << m.Index)).ToString(CultureInfo.InvariantCulture) + ")"
                : TypeSyntax.JsonRead + ".MissingProperty(" + requiredWords[w] + ", " + CSharpLiteral.String(model.Name) + ", " + string.Join(", ", word.Select(m => CSharpLiteral.String(m.Property.JsonName))) + ")";
            writer.Lines($$"""
                if ({{requiredWords[w]}} != {{all}})
                {
                    throw {{error}};
                }

                """);
        }

        if (direct)
        {
            writer.Line("result._extras = extras;");
        }
        else
        {
            writer.Line(Self(model) + " result = new " + Self(model));
            writer.Line("{");
            foreach (Member member in members.Where(m => !m.IsTracked))
            {
                writer.Line($"    {member.Property.Name} = {member.Local},");
            }

            writer.Line("    " + model.AdditionalPropertiesName + " = extras,");
            writer.Line("};");
            // Straight to the fields: an unread member's local is the field's default.
            foreach (Member member in members.Where(m => m.IsTracked))
            {
                writer.Line($"result.{member.Field} = {member.Local};");
            }
        }

        // The flag words: only a member the JSON held counts as set, so writing it back sends what was read.
        foreach (string word in flagWords)
        {
            writer.Line("result._" + word + " = " + word + ";");
        }

        if (flagWords.Count > 0)
        {
            writer.Line();
        }

        writer.Line("return result;");
        writer.Indent(-1);
        writer.Line("}");
    }

    /// <summary>
    /// The reader's or writer's documentation: the <c>IJsonCodec</c> member's where the object implements it and its
    /// own summary would say nothing more (two sentences per type were 2% of Stripe's output); a hierarchy's and a
    /// generic family's describe what they do besides.
    /// </summary>
    private static string CodecDocumentation(ObjectModel model, CompilationFacts facts, string summary)
        => facts.HasJsonCodecs && model.Hierarchy is null && model.Generic is null ? "/// <inheritdoc />" : "/// <summary>" + summary + "</summary>";

    /// <summary>
    /// Whether the reader creates the object first and reads each value straight into its field: no local and no copy
    /// per member. Every member needs a field (a const or a hierarchy's tag is an auto-property set in an initializer or
    /// a constructor), a derived class reads through its base's fields, and an object with C# <c>required</c> members
    /// is created through a <c>[SetsRequiredMembers]</c> constructor, which the reader's own check of the required
    /// members replaces; that attribute is in .NET 7 and later, where the consumer has <c>IJsonCodec</c>.
    /// </summary>
    private static bool ReadsIntoFields(ObjectModel model, List<Member> members, CompilationFacts facts)
        => !IsDerived(model)
            && members.TrueForAll(m => m.HasField)
            && (facts.HasJsonCodecs || !members.Exists(m => UsesRequiredKeyword(m.Property, facts)));

    /// <summary>The object is read into its fields and has C# <c>required</c> members: the reader needs its own constructor.</summary>
    private static bool NeedsReadingConstructor(ObjectModel model, List<Member> members, CompilationFacts facts)
        => ReadsIntoFields(model, members, facts) && members.Exists(m => UsesRequiredKeyword(m.Property, facts));

    /// <summary>The names of the words that hold <paramref name="bits"/> bits, 32 to a word: <c>set0</c>, <c>set1</c>.</summary>
    private static List<string> Words(string prefix, int bits)
    {
        int count = (bits + BitsPerWord - 1) / BitsPerWord;
        List<string> words = new(count);
        for (int i = 0; i < count; i++)
        {
            words.Add(prefix + i.ToString(CultureInfo.InvariantCulture));
        }

        return words;
    }

    private static void EmitWrite(SourceWriter writer, ObjectModel model, List<Member> members, CompilationFacts facts)
    {
        writer.Lines($$"""
            {{CodecDocumentation(model, facts, WriteSummary(model))}}
            public static void WriteJson({{TypeSyntax.Writer}} writer, {{Self(model)}} value{{SlotParameter(model, read: false)}})
            {
            """);
        writer.Indent(1);
        EmitWriteDispatch(writer, model);
        writer.Line("writer.WriteStartObject();");
        for (int i = 0; i < members.Count; i++)
        {
            Member member = members[i];
            PropertyModel property = member.Property;

            // The reader's table holds the name, escaped once for writing (members are in the same order).
            string name = "s_jsonNames.WriteName(writer, " + i.ToString(CultureInfo.InvariantCulture) + ");";
            // One line per member, as in the reader.
            if (member.IsTracked)
            {
                writer.Line($"if ((value.{member.FlagWord} & ({member.FlagBit})) != 0) {{ {name} {TypeSyntax.Write(property.Type, "writer", "value." + member.Field, facts, 1)} }}");
            }
            else
            {
                writer.Line($"{name} {TypeSyntax.Write(property.Type, "writer", "value." + property.Name, facts, 1)}");
            }
        }

        string writeExtra = model.AdditionalPropertiesType is { } extras && extras.Kind != TypeKind.Any
            ? ", " + TypeSyntax.WriteLambda(extras, facts, 1)
            : string.Empty;
        writer.Lines($$"""
            {{TypeSyntax.JsonWrite}}.Members(writer, value.{{model.AdditionalPropertiesName}}{{writeExtra}});
            writer.WriteEndObject();
            """);
        writer.Indent(-1);
        writer.Line("}");
    }
}
