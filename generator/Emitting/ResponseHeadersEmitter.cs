// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using LiveAvatarGen.Generator.Model;

namespace LiveAvatarGen.Generator.Emitting;

/// <summary>
/// Emits an operation's typed headers: a class deriving from the runtime's <c>ApiResponseHeaders</c> with one
/// property per header its success responses declare, parsed when read.
/// </summary>
internal static class ResponseHeadersEmitter
{
    private const string Base = TypeSyntax.Runtime + ".Http.ApiResponseHeaders";

    /// <summary>Members the class has from <c>ApiResponseHeaders</c> and <c>object</c>, and its own <c>Create</c>; header properties avoid them.</summary>
    public static readonly string[] Members =
    {
        "Count", "Keys", "Values", "Item", "ContainsKey", "TryGetValue", "GetValue", "GetEnumerator", "Empty",
        "GetInt32", "GetInt64", "GetDouble", "GetDecimal", "GetBoolean", "GetGuid", "GetDateTimeOffset",
        "Equals", "GetHashCode", "ToString", "GetType", "MemberwiseClone", "Finalize", "Create",
    };

    public static void Emit(SourceWriter writer, OperationModel operation, string ownerClass, CompilationFacts facts)
    {
        writer.Line("/// <summary>The headers the success responses of <see cref=\"" + ownerClass + "." + operation.MethodName + "\"/> declare, typed, and of every operation that declares the same; every header is still readable by name.</summary>");
        writer.Line(EmitterCommon.GeneratedCode);
        writer.Open("public sealed class " + operation.HeadersClass + " : " + Base);
        writer.Lines($$"""
            /// <summary>A typed view over the headers of a response.</summary>
            /// <param name="headers">The response's headers.</param>
            public {{operation.HeadersClass}}({{Base}} headers)
                : base(headers)
            {
            }

            /// <summary>Types a response's headers: how the client's <c>...WithResponseAsync</c> methods build this class.</summary>
            /// <param name="headers">The response's headers.</param>
            public static {{operation.HeadersClass}} Create({{Base}} headers) => new(headers);
            """);
        foreach (ResponseHeaderModel header in operation.Headers)
        {
            writer.Line();
            writer.Summary("The '" + header.WireName + "' header" + (header.Documentation is { } doc ? ": " + doc : ".") + "\nNull when the response does not send it.");
            if (header.Type.Kind != TypeKind.String)
            {
                writer.Line("/// <exception cref=\"global::LiveAvatarGen.Runtime.Errors.ApiResponseFormatException\">The header's value is not of its declared type.</exception>");
            }

            writer.Line("public " + TypeSyntax.Of(header.Type, facts) + " " + header.PropertyName + " => " + Getter(header.Type.Kind) + "(" + CSharpLiteral.String(header.WireName) + ");");
        }

        writer.Close();
    }

    private static string Getter(TypeKind kind) => kind switch
    {
        TypeKind.Int32 => "GetInt32",
        TypeKind.Int64 => "GetInt64",
        TypeKind.Double => "GetDouble",
        TypeKind.Decimal => "GetDecimal",
        TypeKind.Boolean => "GetBoolean",
        TypeKind.Guid => "GetGuid",
        TypeKind.DateTimeOffset => "GetDateTimeOffset",
        _ => "GetValue",
    };
}
