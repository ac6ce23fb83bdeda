// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System.Globalization;
using LiveAvatarGen.Generator.Model;

namespace LiveAvatarGen.Generator.Emitting;

/// <summary>Emits a class for an object schema, with its JSON reader and writer.</summary>
internal static class ObjectEmitter
{
    /// <summary>The members this emitter writes besides the properties; the parser keeps property names off them.</summary>
    public static readonly string[] Members = { "ReadJson", "WriteJson", "JsonConverter" };

    public static string Emit(ObjectModel model, CompilationFacts facts)
    {
        SourceWriter writer = EmitterCommon.Start(model.Namespace);
        writer.Summary(model.Documentation ?? model.Name);
        EmitterCommon.Attributes(writer, model.Name, model.IsDeprecated);
        writer.Open("public sealed partial class " + model.Name);
        foreach (PropertyModel property in model.Properties)
        {
            EmitProperty(writer, property, facts);
            writer.Line();
        }

        EmitRead(writer, model, facts);
        writer.Line();
        EmitWrite(writer, model, facts);
        writer.Line();
        EmitterCommon.Converter(writer, model.Name);
        writer.Close();
        return writer.ToString();
    }

    private static void EmitProperty(SourceWriter writer, PropertyModel property, CompilationFacts facts)
    {
        writer.Summary(property.Documentation ?? property.JsonName);
        string access = property.Access switch { PropertyAccess.ReadOnly => " Read-only: set by the server.", PropertyAccess.WriteOnly => " Write-only: never returned by the server.", _ => string.Empty };
        string assumed = property.ConstJson is not null
            ? " Always <c>" + SourceWriter.Xml(property.ConstJson) + "</c>, the one value the spec allows; always sent."
            : property.DefaultJson is null ? string.Empty : " When not set it is not sent, and the server assumes <c>" + SourceWriter.Xml(property.DefaultJson) + "</c>.";
        writer.Line("/// <remarks>JSON name: <c>" + SourceWriter.Xml(property.JsonName) + "</c>" + (property.IsRequired ? "; required." : "; optional.") + access + assumed + "</remarks>");
        if (property.IsDeprecated)
        {
            writer.Line("[global::System.Obsolete(\"Deprecated in the API spec.\")]");
        }

        string type = TypeSyntax.Of(property.Type, facts);
        if (property.IsRequired)
        {
            // C# warns on required members that are also obsolete (CS9042): those stay checked when read, not when built.
            // A required readOnly member is the server's to send: code building a request need not set it.
            bool useRequired = facts.HasRequiredMembers && !property.IsDeprecated && property.Access != PropertyAccess.ReadOnly;
            bool needsInitializer = !useRequired && !property.Type.IsNullable && !property.Type.IsValueType;
            writer.Line("public " + (useRequired ? "required " : string.Empty) + type + " " + property.Name + " { get; init; }" + (needsInitializer ? " = default!;" : string.Empty));
        }
        else if (property.ConstJson is not null)
        {
            writer.Line("public " + type + " " + property.Name + " { get; init; } = " + ConstLiteral(property) + ";");
        }
        else
        {
            writer.Line("public " + type + " " + property.Name + " { get; init; }");
        }
    }

    private static void EmitRead(SourceWriter writer, ObjectModel model, CompilationFacts facts)
    {
        writer.Line("/// <summary>Reads the object at the reader's current token; unknown members are skipped.</summary>");
        writer.Open("public static " + model.Name + " ReadJson(ref " + TypeSyntax.Reader + " reader)");
        writer.Line(TypeSyntax.JsonRead + ".StartObject(ref reader, " + CSharpLiteral.String(model.Name) + ");");
        for (int i = 0; i < model.Properties.Count; i++)
        {
            PropertyModel property = model.Properties[i];
            string initial = property.IsRequired ? "default!" : property.ConstJson is not null ? ConstLiteral(property) : "default";
            writer.Line(TypeSyntax.Of(property.Type, facts) + " p" + Index(i) + " = " + initial + ";");
            if (TracksPresence(property))
            {
                writer.Line("bool has" + Index(i) + " = false;");
            }
        }

        writer.Line("string? property = null;");
        writer.Open("try");
        writer.Open("while (" + TypeSyntax.JsonRead + ".NextProperty(ref reader))");
        for (int i = 0; i < model.Properties.Count; i++)
        {
            PropertyModel property = model.Properties[i];
            string literal = CSharpLiteral.String(property.JsonName);
            writer.Open((i == 0 ? "if" : "else if") + " (reader.ValueTextEquals(" + literal + "u8))");
            writer.Line("property = " + literal + ";");
            writer.Line("reader.Read();");
            writer.Line("p" + Index(i) + " = " + TypeSyntax.Read(property.Type, "reader", facts) + ";");
            if (TracksPresence(property))
            {
                writer.Line("has" + Index(i) + " = true;");
            }

            writer.Close();
        }

        if (model.Properties.Count > 0)
        {
            writer.Open("else");
            writer.Line(TypeSyntax.JsonRead + ".SkipValue(ref reader);");
            writer.Close();
        }
        else
        {
            writer.Line(TypeSyntax.JsonRead + ".SkipValue(ref reader);");
        }

        writer.Close();
        writer.Close();
        writer.Open("catch (" + TypeSyntax.Runtime + ".Errors.ApiDataException ex) when (property is not null)");
        writer.Line("throw ex.AtProperty(property);");
        writer.Close();
        writer.Line();
        for (int i = 0; i < model.Properties.Count; i++)
        {
            PropertyModel property = model.Properties[i];
            if (TracksPresence(property))
            {
                writer.Open("if (!has" + Index(i) + ")");
                writer.Line("throw " + TypeSyntax.JsonRead + ".MissingProperty(" + CSharpLiteral.String(property.JsonName) + ", " + CSharpLiteral.String(model.Name) + ");");
                writer.Close();
                writer.Line();
            }
        }

        writer.Open("return new " + model.Name);
        for (int i = 0; i < model.Properties.Count; i++)
        {
            writer.Line(model.Properties[i].Name + " = p" + Index(i) + ",");
        }

        writer.Close(";");
        writer.Close();
    }

    private static void EmitWrite(SourceWriter writer, ObjectModel model, CompilationFacts facts)
    {
        writer.Line("/// <summary>Writes the object; optional members that are null are left out.</summary>");
        writer.Open("public static void WriteJson(" + TypeSyntax.Writer + " writer, " + model.Name + " value)");
        writer.Line("writer.WriteStartObject();");
        foreach (PropertyModel property in model.Properties)
        {
            string name = "writer.WritePropertyName(" + CSharpLiteral.String(property.JsonName) + "u8);";
            if (!property.IsRequired && property.Type.IsNullable)
            {
                writer.Open("if (value." + property.Name + " is { } " + Local(property) + ")");
                writer.Line(name);
                writer.Line(TypeSyntax.Write(property.Type.AsNonNullable(), "writer", Local(property), facts, 1));
                writer.Close();
            }
            else
            {
                writer.Line(name);
                writer.Line(TypeSyntax.Write(property.Type, "writer", "value." + property.Name, facts, 1));
            }
        }

        writer.Line("writer.WriteEndObject();");
        writer.Close();
    }

    /// <summary>The C# literal of a const member's value: JSON strings become C# strings; numbers and booleans read the same in both.</summary>
    private static string ConstLiteral(PropertyModel property)
    {
        string json = property.ConstJson!;
        return json.StartsWith("\"", System.StringComparison.Ordinal)
            ? CSharpLiteral.String(System.Text.Json.JsonDocument.Parse(json).RootElement.GetString()!)
            : json;
    }

    /// <summary>Required members must be present when read, except writeOnly ones, which never come back from a server.</summary>
    private static bool TracksPresence(PropertyModel property) => property.IsRequired && property.Access != PropertyAccess.WriteOnly;

    private static string Local(PropertyModel property) => "__" + property.Name;

    private static string Index(int i) => i.ToString(CultureInfo.InvariantCulture);
}
