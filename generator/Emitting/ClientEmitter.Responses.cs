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

        private ResponsePlan(List<ResponseModel> ordered, TypeRef? resultType, CompilationFacts facts)
        {
            _ordered = ordered;
            _resultType = resultType;
            _facts = facts;
        }

        /// <summary>The type the handler returns: the success body's type, or bool for operations without one.</summary>
        public string ResultType => _resultType is null ? "bool" : TypeSyntax.Of(_resultType, _facts);

        public string MethodReturnType => _resultType is null
            ? "global::System.Threading.Tasks.Task"
            : "global::System.Threading.Tasks.Task<" + ResultType + ">";

        public static ResponsePlan For(OperationModel operation, CompilationFacts facts)
        {
            // Exact codes first, then ranges such as 4XX, then default: the most specific match wins.
            List<ResponseModel> ordered = operation.Responses
                .OrderBy(r => r.StatusCode == "default" ? 2 : IsRange(r.StatusCode) ? 1 : 0)
                .ThenBy(r => r.StatusCode, StringComparer.Ordinal)
                .ToList();
            List<ResponseModel> successes = ordered.Where(r => IsSuccess(r.StatusCode)).ToList();
            ResponseModel? primary = successes.FirstOrDefault(r => r.Type is not null);
            TypeRef? result = primary?.Type;
            if (result is not null && successes.Any(r => r.Type is null || !r.Type.Equals(result)))
            {
                // Some success carries no body (or another one): the result can then be null.
                result = result.AsNullable();
            }

            return new ResponsePlan(ordered, result, facts);
        }

        public void EmitHandler(SourceWriter writer, string name)
        {
            writer.Open("private static " + ResultType + " " + name + "(" + Http + ".ApiResponseData response)");
            writer.Line("int status = response.StatusCode;");
            foreach (ResponseModel response in _ordered)
            {
                if (response.StatusCode == "default")
                {
                    continue;
                }

                writer.Open("if (" + Condition(response.StatusCode) + ")");
                EmitOutcome(writer, response);
                writer.Close();
            }

            writer.Open("if (status >= 200 && status <= 299)");
            writer.Line(_resultType is null ? "return true;" : "return response.Body.IsEmpty ? default! : " + ReadSuccess(_resultType) + ";");
            writer.Close();
            ResponseModel? fallback = _ordered.FirstOrDefault(r => r.StatusCode == "default");
            if (fallback?.Type is { } errorType)
            {
                writer.Line("throw response.ToException<" + TypeSyntax.Of(errorType, _facts) + ">(" + TypeSyntax.ReadLambda(errorType, "reader", _facts, 0) + ");");
            }
            else
            {
                writer.Line("throw response.ToException();");
            }

            writer.Close();
        }

        private void EmitOutcome(SourceWriter writer, ResponseModel response)
        {
            if (IsSuccess(response.StatusCode))
            {
                if (_resultType is null)
                {
                    writer.Line("return true;");
                }
                else if (response.Type is not null && response.Type.AsNonNullable().Equals(_resultType.AsNonNullable()))
                {
                    writer.Line("return " + ReadSuccess(_resultType) + ";");
                }
                else
                {
                    writer.Line("return default!;");
                }

                return;
            }

            writer.Line(response.Type is null
                ? "throw response.ToException();"
                : "throw response.ToException<" + TypeSyntax.Of(response.Type, _facts) + ">(" + TypeSyntax.ReadLambda(response.Type, "reader", _facts, 0) + ");");
        }

        private string ReadSuccess(TypeRef type) => "response.ReadJson<" + TypeSyntax.Of(type, _facts) + ">(" + TypeSyntax.ReadLambda(type, "reader", _facts, 0) + ")";

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
