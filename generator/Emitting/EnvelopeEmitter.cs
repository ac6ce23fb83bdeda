// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System.Globalization;
using LiveAvatarGen.Generator.Model;

namespace LiveAvatarGen.Generator.Emitting;

/// <summary>Emits the spec's generic response envelope <c>{code, data, message}</c>.</summary>
internal static class EnvelopeEmitter
{
    /// <summary>The members this emitter writes.</summary>
    public static readonly string[] Members = { "Code", "Data", "Message", "AdditionalProperties", "GetDataOrThrow", "ReadJson", "WriteJson" };

    public static string Emit(EnvelopeModel model)
    {
        string name = model.Name;
        string self = name + "<TData>";
        string code = model.DefaultCode.ToString(CultureInfo.InvariantCulture);
        SourceWriter writer = EmitterCommon.Start(model.Namespace);
        writer.Summary(model.Documentation);
        writer.Lines($$"""
            /// <typeparam name="TData">The type of <c>data</c>.</typeparam>
            {{EmitterCommon.GeneratedCode}}
            public sealed partial class {{self}}
            {
                /// <summary>The API's status code (<c>code</c>).</summary>
                public int Code { get; init; } = {{code}};

                /// <summary>The payload (<c>data</c>); null when the API sent none.</summary>
                public TData? Data { get; init; }

                /// <summary>The API's message (<c>message</c>).</summary>
                public string? Message { get; init; }

                /// <summary>The JSON members besides code, data and message, kept when read and written back unchanged; null when there were none.</summary>
                /// <remarks>Also <c>JsonSerializer</c>'s extension data (the envelope has no converter), so a reflection round trip keeps them too.</remarks>
                [global::System.Text.Json.Serialization.JsonExtensionData]
                public global::System.Collections.Generic.IDictionary<string, global::System.Text.Json.JsonElement>? AdditionalProperties { get; init; }

                /// <summary>Returns <see cref="Data"/>, or throws when the envelope carries none.</summary>
                /// <exception cref="global::LiveAvatarGen.Runtime.Errors.ApiEnvelopeException">There is no data; the exception carries the code and message.</exception>
                public TData GetDataOrThrow() => Data is { } data ? data : throw new global::LiveAvatarGen.Runtime.Errors.ApiEnvelopeException(Code, Message);

                /// <summary>Reads an envelope, reading <c>data</c> with <paramref name="readData"/>.</summary>
                public static {{self}} ReadJson(ref {{TypeSyntax.Reader}} reader, global::LiveAvatarGen.Runtime.Json.JsonReadFunc<TData> readData)
                {
                    {{TypeSyntax.JsonRead}}.StartObject(ref reader, {{CSharpLiteral.String(name)}});
                    int code = {{code}};
                    TData? data = default;
                    string? message = null;
                    global::System.Collections.Generic.Dictionary<string, global::System.Text.Json.JsonElement>? extras = null;
                    while ({{TypeSyntax.JsonRead}}.NextProperty(ref reader))
                    {
                        if (reader.ValueTextEquals("code"u8))
                        {
                            reader.Read();
                            code = {{TypeSyntax.JsonRead}}.Int32(ref reader);
                        }
                        else if (reader.ValueTextEquals("data"u8))
                        {
                            reader.Read();
                            data = reader.TokenType == global::System.Text.Json.JsonTokenType.Null ? default : readData(ref reader);
                        }
                        else if (reader.ValueTextEquals("message"u8))
                        {
                            reader.Read();
                            message = reader.TokenType == global::System.Text.Json.JsonTokenType.Null ? null : {{TypeSyntax.JsonRead}}.String(ref reader);
                        }
                        else
                        {
                            string property = reader.GetString()!;
                            reader.Read();
                            (extras ??= new global::System.Collections.Generic.Dictionary<string, global::System.Text.Json.JsonElement>(global::System.StringComparer.Ordinal))[property] = {{TypeSyntax.JsonRead}}.Element(ref reader);
                        }
                    }

                    return new {{self}} { Code = code, Data = data, Message = message, AdditionalProperties = extras };
                }

                /// <summary>Writes an envelope, writing <c>data</c> with <paramref name="writeData"/>.</summary>
                public static void WriteJson({{TypeSyntax.Writer}} writer, {{self}} value, global::LiveAvatarGen.Runtime.Json.JsonWriteAction<TData> writeData)
                {
                    writer.WriteStartObject();
                    writer.WriteNumber("code"u8, value.Code);
                    writer.WritePropertyName("data"u8);
                    if (value.Data is { } data)
                    {
                        writeData(writer, data);
                    }
                    else
                    {
                        writer.WriteNullValue();
                    }
                    if (value.Message is not null)
                    {
                        writer.WriteString("message"u8, value.Message);
                    }
                    if (value.AdditionalProperties is { } extras)
                    {
                        foreach (global::System.Collections.Generic.KeyValuePair<string, global::System.Text.Json.JsonElement> pair in extras)
                        {
                            writer.WritePropertyName(pair.Key);
                            pair.Value.WriteTo(writer);
                        }
                    }
                    writer.WriteEndObject();
                }
            }
            """);
        return writer.ToString();
    }
}
