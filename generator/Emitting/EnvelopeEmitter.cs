// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System.Globalization;
using LiveAvatarGen.Generator.Model;

namespace LiveAvatarGen.Generator.Emitting;

/// <summary>Emits the spec's generic response envelope <c>{code, data, message}</c>.</summary>
internal static class EnvelopeEmitter
{
    /// <summary>The members this emitter writes.</summary>
    public static readonly string[] Members = { "Code", "Data", "Message", "GetDataOrThrow", "ReadJson", "WriteJson" };

    public static string Emit(EnvelopeModel model)
    {
        string name = model.Name;
        string self = name + "<TData>";
        string code = model.DefaultCode.ToString(CultureInfo.InvariantCulture);
        SourceWriter writer = EmitterCommon.Start(model.Namespace);
        writer.Summary(model.Documentation);
        writer.Line("/// <typeparam name=\"TData\">The type of <c>data</c>.</typeparam>");
        writer.Line(EmitterCommon.GeneratedCode);
        writer.Open("public sealed partial class " + self);
        writer.Line("/// <summary>The API's status code (<c>code</c>).</summary>");
        writer.Line("public int Code { get; init; } = " + code + ";");
        writer.Line();
        writer.Line("/// <summary>The payload (<c>data</c>); null when the API sent none.</summary>");
        writer.Line("public TData? Data { get; init; }");
        writer.Line();
        writer.Line("/// <summary>The API's message (<c>message</c>).</summary>");
        writer.Line("public string? Message { get; init; }");
        writer.Line();
        writer.Line("/// <summary>Returns <see cref=\"Data\"/>, or throws when the envelope carries none.</summary>");
        writer.Line("/// <exception cref=\"global::LiveAvatarGen.Runtime.Errors.ApiEnvelopeException\">There is no data; the exception carries the code and message.</exception>");
        writer.Line("public TData GetDataOrThrow() => Data is { } data ? data : throw new global::LiveAvatarGen.Runtime.Errors.ApiEnvelopeException(Code, Message);");
        writer.Line();
        writer.Line("/// <summary>Reads an envelope, reading <c>data</c> with <paramref name=\"readData\"/>.</summary>");
        writer.Open("public static " + self + " ReadJson(ref " + TypeSyntax.Reader + " reader, global::LiveAvatarGen.Runtime.Json.JsonReadFunc<TData> readData)");
        writer.Line(TypeSyntax.JsonRead + ".StartObject(ref reader, " + Literal(name) + ");");
        writer.Line("int code = " + code + ";");
        writer.Line("TData? data = default;");
        writer.Line("string? message = null;");
        writer.Line("string? property = null;");
        writer.Open("try");
        writer.Open("while (" + TypeSyntax.JsonRead + ".NextProperty(ref reader))");
        writer.Open("if (reader.ValueTextEquals(\"code\"u8))");
        writer.Line("property = \"code\";");
        writer.Line("reader.Read();");
        writer.Line("code = " + TypeSyntax.JsonRead + ".Int32(ref reader);");
        writer.Close();
        writer.Open("else if (reader.ValueTextEquals(\"data\"u8))");
        writer.Line("property = \"data\";");
        writer.Line("reader.Read();");
        writer.Line("data = reader.TokenType == global::System.Text.Json.JsonTokenType.Null ? default : readData(ref reader);");
        writer.Close();
        writer.Open("else if (reader.ValueTextEquals(\"message\"u8))");
        writer.Line("property = \"message\";");
        writer.Line("reader.Read();");
        writer.Line("message = reader.TokenType == global::System.Text.Json.JsonTokenType.Null ? null : " + TypeSyntax.JsonRead + ".String(ref reader);");
        writer.Close();
        writer.Open("else");
        writer.Line(TypeSyntax.JsonRead + ".SkipValue(ref reader);");
        writer.Close();
        writer.Close();
        writer.Close();
        writer.Open("catch (global::LiveAvatarGen.Runtime.Errors.ApiDataException ex) when (property is not null)");
        writer.Line("throw ex.AtProperty(property);");
        writer.Close();
        writer.Line();
        writer.Line("return new " + self + " { Code = code, Data = data, Message = message };");
        writer.Close();
        writer.Line();
        writer.Line("/// <summary>Writes an envelope, writing <c>data</c> with <paramref name=\"writeData\"/>.</summary>");
        writer.Open("public static void WriteJson(" + TypeSyntax.Writer + " writer, " + self + " value, global::LiveAvatarGen.Runtime.Json.JsonWriteAction<TData> writeData)");
        writer.Line("writer.WriteStartObject();");
        writer.Line("writer.WriteNumber(\"code\"u8, value.Code);");
        writer.Line("writer.WritePropertyName(\"data\"u8);");
        writer.Open("if (value.Data is { } data)");
        writer.Line("writeData(writer, data);");
        writer.Close();
        writer.Open("else");
        writer.Line("writer.WriteNullValue();");
        writer.Close();
        writer.Open("if (value.Message is not null)");
        writer.Line("writer.WriteString(\"message\"u8, value.Message);");
        writer.Close();
        writer.Line("writer.WriteEndObject();");
        writer.Close();
        writer.Close();
        return writer.ToString();
    }

    private static string Literal(string text) => CSharpLiteral.String(text);
}
