// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.Collections.Generic;
using System.Linq;
using LiveAvatarGen.Generator.Model;

namespace LiveAvatarGen.Generator.Emitting;

/// <summary>How an operation's responses become a return value or a typed exception.</summary>
internal static partial class ClientEmitter
{
    private sealed class ResponsePlan
    {
        private readonly List<ResponseModel> _ordered;
        private readonly TypeRef? _resultType;
        private readonly CompilationFacts _facts;
        private readonly string? _headersClass;

        private ResponsePlan(List<ResponseModel> ordered, TypeRef? resultType, ContentKind streamKind, CompilationFacts facts, string? headersClass)
        {
            _ordered = ordered;
            _resultType = resultType;
            StreamKind = streamKind;
            _facts = facts;
            _headersClass = headersClass;
        }

        /// <summary>EventStream or NdJson when the operation streams items; None otherwise.</summary>
        public ContentKind StreamKind { get; }

        public bool IsStream => StreamKind != ContentKind.None;

        /// <summary>The type of a streamed item.</summary>
        public string ItemType => TypeSyntax.Of(_resultType!, _facts);

        /// <summary>A success returns a body (else the handler returns bool and the method a bare Task).</summary>
        public bool HasResult => _resultType is not null;

        /// <summary>The operation's headers class in full, when its responses declare headers.</summary>
        public string? HeadersType => _headersClass;

        /// <summary>The type the handler returns: the success body's type, or bool for operations without one.</summary>
        public string ResultType => _resultType is null ? "bool" : TypeSyntax.Of(_resultType, _facts);

        public string MethodReturnType => IsStream
            ? "global::System.Collections.Generic.IAsyncEnumerable<" + ItemType + ">"
            : _resultType is null
                ? "global::System.Threading.Tasks.Task"
                : "global::System.Threading.Tasks.Task<" + ResultType + ">";

        /// <summary>What the companion's response holds: the untyped response, or its variant with the typed headers.</summary>
        public string WithResponseResultType => IsStream
            ? _headersClass is null ? Http + ".ApiStreamResponse<" + ItemType + ">" : Http + ".ApiStreamResponse<" + ItemType + ", " + _headersClass + ">"
            : _resultType is null
                ? _headersClass is null ? Http + ".ApiResponse" : Http + ".ApiHeadersResponse<" + _headersClass + ">"
                : _headersClass is null ? Http + ".ApiResponse<" + ResultType + ">" : Http + ".ApiResponse<" + ResultType + ", " + _headersClass + ">";

        public string WithResponseReturnType => "global::System.Threading.Tasks.Task<" + WithResponseResultType + ">";

        /// <summary>The line the companion adds to the operation's summary.</summary>
        public string WithResponseSummary => IsStream
            ? "Returns when the response headers arrive, with the status code and headers" + (_headersClass is null ? string.Empty : " (declared ones typed)") + "; enumerate the result to read the items, and dispose it if you stop early."
            : "Also returns the status code and the response headers" + (_headersClass is null ? string.Empty : " (declared ones typed)") + (_resultType is null ? "." : " with the body.");

        /// <summary>What a success response gives back: JSON as its type, binary as a Stream, text as a string.</summary>
        private static TypeRef? ResultOf(ResponseModel response) => response.Kind switch
        {
            ContentKind.Json or ContentKind.EventStream or ContentKind.NdJson => response.Type ?? new TypeRef(TypeKind.String),
            ContentKind.Binary => new TypeRef(TypeKind.Stream),
            ContentKind.Text => new TypeRef(TypeKind.String),
            _ => null,
        };

        /// <param name="operation">The operation.</param>
        /// <param name="facts">The compilation's facts.</param>
        /// <param name="ns">The namespace of the operation's headers class, which the companion's types name in full.</param>
        public static ResponsePlan For(OperationModel operation, CompilationFacts facts, string ns)
        {
            string? headersType = operation.HeadersClass is null ? null : "global::" + ns + "." + operation.HeadersClass;
            // Exact codes first, then ranges such as 4XX, then default: the most specific match wins.
            List<ResponseModel> ordered = operation.Responses
                .OrderBy(r => r.StatusCode == "default" ? 2 : IsRange(r.StatusCode) ? 1 : 0)
                .ThenBy(r => r.StatusCode, StringComparer.Ordinal)
                .ToList();
            List<ResponseModel> successes = ordered.Where(r => IsSuccess(r.StatusCode)).ToList();
            ResponseModel? primary = successes.FirstOrDefault(r => ResultOf(r) is not null);
            TypeRef? result = primary is null ? null : ResultOf(primary);
            if (primary?.Kind is ContentKind.EventStream or ContentKind.NdJson)
            {
                return new ResponsePlan(ordered, result, primary.Kind, facts, headersType);
            }

            if (result is not null && successes.Any(r => ResultOf(r) is not { } other || !other.Equals(result)))
            {
                // Some success carries no body (or another one): the result can then be null.
                result = result.AsNullable();
            }

            return new ResponsePlan(ordered, result, ContentKind.None, facts, headersType);
        }

        /// <param name="writer">The writer.</param>
        /// <param name="name">The handler's name.</param>
        /// <param name="access">private, or internal when operations of other classes use it.</param>
        public void EmitHandler(SourceWriter writer, string name, string access)
        {
            writer.Open(access + " static " + ResultType + " " + name + "(" + Http + ".ApiResponseData response)");
            writer.Line("int status = response.StatusCode;");

            // Exact codes with the same outcome share one branch (Adyen answers five error statuses with one type);
            // they are disjoint, so only ranges, which come after them, depend on the order.
            List<(List<string> Codes, string Outcome)> branches = new();
            foreach (ResponseModel response in _ordered.Where(r => r.StatusCode != "default"))
            {
                string outcome = Outcome(response);
                int same = IsRange(response.StatusCode) ? -1 : branches.FindIndex(b => !IsRange(b.Codes[0]) && b.Outcome == outcome);
                if (same >= 0)
                {
                    branches[same].Codes.Add(response.StatusCode);
                }
                else
                {
                    branches.Add((new List<string> { response.StatusCode }, outcome));
                }
            }

            // Any other 2xx reads as the first success with a body, unless it comes empty. When that success has a
            // branch of its own (no other code shares it) and no 2XX range could come between, the branch folds into
            // this one, an empty body staying an error for its code only: most of Stripe's 468 handlers.
            ResponseModel? primary = _ordered.FirstOrDefault(r => IsSuccess(r.StatusCode) && ResultOf(r) is not null);
            string? read = _resultType is null || primary is null ? null : ReadBody(primary, _resultType);
            int folded = read is null || _ordered.Any(r => IsRange(r.StatusCode) && IsSuccess(r.StatusCode))
                ? -1
                : branches.FindIndex(b => b.Codes.Count == 1 && b.Codes[0] == primary!.StatusCode && b.Outcome == Outcome(primary));
            for (int i = 0; i < branches.Count; i++)
            {
                // Without a body every success returns true, as the 2xx branch does: such a branch would repeat it.
                if (i != folded && !(_resultType is null && branches[i].Outcome == "return true;"))
                {
                    writer.Open("if (" + string.Join(" || ", branches[i].Codes.Select(Condition)) + ")");
                    writer.Line(branches[i].Outcome);
                    writer.Close();
                }
            }

            writer.Open("if (status >= 200 && status <= 299)");
            string ifEmpty = folded >= 0 ? "status != " + primary!.StatusCode + " && response.Body.IsEmpty" : "response.Body.IsEmpty";
            writer.Line(read is null ? "return true;" : "return " + ifEmpty + " ? default! : " + read + ";");
            writer.Close();
            ResponseModel? fallback = _ordered.FirstOrDefault(r => r.StatusCode == "default");
            if (fallback?.Type is { } errorType)
            {
                writer.Line($"throw response.ToException<{TypeSyntax.Of(errorType, _facts)}>({TypeSyntax.ReadLambda(errorType, "reader", _facts, 0)});");
            }
            else
            {
                writer.Line("throw response.ToException();");
            }

            writer.Close();
        }

        /// <summary>For streams with declared headers: the opened stream with its headers typed.</summary>
        public void EmitStreamWithResponseHandler(SourceWriter writer, string name)
        {
            writer.Open("private static async " + "global::System.Threading.Tasks.Task<" + WithResponseResultType + "> " + name + "(global::System.Threading.Tasks.Task<" + Http + ".ApiStreamResponse<" + ItemType + ">> opened)");
            writer.Line(Http + ".ApiStreamResponse<" + ItemType + "> response = await opened.ConfigureAwait(false);");
            writer.Line("return new(response, " + _headersClass + ".Create(response.Headers));");
            writer.Close();
        }

        /// <summary>The statement a status leads to: the result (read, default or true) or the exception thrown.</summary>
        private string Outcome(ResponseModel response)
        {
            if (IsSuccess(response.StatusCode))
            {
                return _resultType is null
                    ? "return true;"
                    : ResultOf(response) is { } own && own.AsNonNullable().Equals(_resultType.AsNonNullable())
                        ? $"return {ReadBody(response, _resultType)};"
                        : "return default!;";
            }

            return response.Type is null || response.Kind != ContentKind.Json
                ? "throw response.ToException();"
                : "throw response.ToException<" + TypeSyntax.Of(response.Type, _facts) + ">(" + TypeSyntax.ReadLambda(response.Type, "reader", _facts, 0) + ");";
        }

        private string ReadBody(ResponseModel response, TypeRef type) => response.Kind switch
        {
            ContentKind.Binary => "response.ReadStream()",
            ContentKind.Text => "response.BodyText",
            _ => ReadSuccess(type),
        };

        /// <summary>For streams: a handler that turns an error status into its exception (success never reaches it).</summary>
        public void EmitStreamErrorHandler(SourceWriter writer, string name)
        {
            writer.Open("private static global::System.Exception " + name + "(" + Http + ".ApiResponseData response)");
            writer.Line("int status = response.StatusCode;");
            foreach (ResponseModel response in _ordered.Where(r => !IsSuccess(r.StatusCode) && r.StatusCode != "default" && r.Type is not null && r.Kind == ContentKind.Json))
            {
                writer.Open("if (" + Condition(response.StatusCode) + ")");
                writer.Line($"return response.ToException<{TypeSyntax.Of(response.Type!, _facts)}>({TypeSyntax.ReadLambda(response.Type!, "reader", _facts, 0)});");
                writer.Close();
            }

            ResponseModel? fallback = _ordered.FirstOrDefault(r => r.StatusCode == "default" && r.Type is not null && r.Kind == ContentKind.Json);
            writer.Line(fallback is null
                ? "return response.ToException();"
                : "return response.ToException<" + TypeSyntax.Of(fallback.Type!, _facts) + ">(" + TypeSyntax.ReadLambda(fallback.Type!, "reader", _facts, 0) + ");");
            writer.Close();
        }

        /// <summary>A delegate that reads one streamed item.</summary>
        public string ItemReader() => _resultType!.Kind == TypeKind.String ? "null" : TypeSyntax.ReadLambda(_resultType!, "reader", _facts, 0);

        /// <summary>
        /// The body read as the result. A nullable generated class is read by <c>ReadJsonOrNull</c> with the class's
        /// own reader: a lambda checking for null would be a method and a cache field per handler in the dll.
        /// </summary>
        private string ReadSuccess(TypeRef type) => type.IsNullable && type.Kind == TypeKind.Class
            ? "response.ReadJsonOrNull<" + TypeSyntax.Of(type.AsNonNullable(), _facts) + ">(" + TypeSyntax.ReadLambda(type.AsNonNullable(), "reader", _facts, 0) + ")"
            : "response.ReadJson<" + TypeSyntax.Of(type, _facts) + ">(" + TypeSyntax.ReadLambda(type, "reader", _facts, 0) + ")";

        private static bool IsRange(string code) => code.Length == 3 && code.EndsWith("XX", StringComparison.OrdinalIgnoreCase);

        private static bool IsSuccess(string code) => code.Length == 3 && code[0] == '2';

        private static string Condition(string code)
        {
            if (IsRange(code))
            {
                return "status >= " + code[0] + "00 && status <= " + code[0] + "99";
            }

            return "status == " + code;
        }
    }
}
