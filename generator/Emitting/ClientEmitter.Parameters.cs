// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System.Collections.Generic;
using System.Linq;
using LiveAvatarGen.Generator.Model;
using LiveAvatarGen.Generator.Parsing;

namespace LiveAvatarGen.Generator.Emitting;

/// <summary>Method parameters: their order in the signature and the code that adds each to the request.</summary>
internal static partial class ClientEmitter
{
    private sealed class Parameter
    {
        private Parameter(string name, string wireName, string declaration, string? documentation, ParameterModel? model, RequestBodyModel? body)
        {
            Name = name;
            WireName = wireName;
            Declaration = declaration;
            Documentation = documentation;
            Model = model;
            Body = body;
        }

        public string Name { get; }

        public string WireName { get; }

        public string Declaration { get; }

        public string? Documentation { get; }

        private ParameterModel? Model { get; }

        private RequestBodyModel? Body { get; }

        /// <summary>Required parameters first (path ones in path order), then the body, then optional ones with defaults.</summary>
        public static List<Parameter> Ordered(OperationModel operation, CompilationFacts facts)
        {
            List<Parameter> required = new();
            List<Parameter> optional = new();
            foreach (ParameterModel parameter in operation.Parameters.OrderBy(p => p.Location == ParameterLocation.Path ? 0 : 1))
            {
                string type = TypeSyntax.Of(parameter.Type, facts);
                Parameter mapped = new(parameter.Name, parameter.JsonName, type + " " + parameter.Name + (parameter.IsRequired ? string.Empty : " = default"), parameter.Documentation, parameter, null);
                (parameter.IsRequired ? required : optional).Add(mapped);
            }

            if (operation.Body is { } body)
            {
                string type = TypeSyntax.Of(body.Type, facts);
                Parameter mapped = new(body.Name, "request body", type + " " + body.Name + (body.IsRequired ? string.Empty : " = default"), body.Documentation ?? "The request body.", null, body);
                (body.IsRequired ? required : optional).Insert(body.IsRequired ? required.Count : 0, mapped);
            }

            required.AddRange(optional);
            return required;
        }

        public void EmitAdd(SourceWriter writer, CompilationFacts facts)
        {
            if (Body is { } body)
            {
                string call = "request.SetJsonBody<" + TypeSyntax.Of(body.Type.AsNonNullable(), facts) + ">(" + (body.IsRequired ? body.Name : "bodyValue") + ", " + TypeSyntax.WriteLambda(body.Type.AsNonNullable(), facts, 0) + (body.MediaType == "application/json" ? string.Empty : ", " + CSharpLiteral.String(body.MediaType)) + ");";
                if (body.IsRequired)
                {
                    writer.Line(call);
                }
                else
                {
                    writer.Open("if (" + body.Name + " is { } bodyValue)");
                    writer.Line(call);
                    writer.Close();
                }

                return;
            }

            ParameterModel parameter = Model!;
            if (parameter.Location == ParameterLocation.Path)
            {
                return;
            }

            string method = parameter.Location switch
            {
                ParameterLocation.Header => "AddHeader",
                ParameterLocation.Cookie => "AddCookie",
                _ => "AddQuery",
            };
            TypeRef type = parameter.Type.AsNonNullable();
            string value = parameter.IsRequired && !parameter.Type.IsNullable ? parameter.Name : "__" + parameter.Name.TrimStart('@');
            if (value != parameter.Name)
            {
                writer.Open("if (" + parameter.Name + " is { } " + value + ")");
            }

            if (type.Kind == TypeKind.List && parameter.Location == ParameterLocation.Query && parameter.Explode)
            {
                writer.Open("foreach (" + TypeSyntax.Of(type.Element!, facts) + " item in " + value + ")");
                writer.Line(ItemAdd(method, parameter.JsonName, type.Element!, facts));
                writer.Close();
            }
            else if (type.Kind == TypeKind.List)
            {
                // Non-exploded form style and simple style: one value, items joined by commas.
                string joined = "string.Join(\",\", global::System.Linq.Enumerable.Select(" + value + ", static item => " + TypeSyntax.Format(type.Element!.AsNonNullable(), "item", facts) + "))";
                writer.Line("request." + method + "(" + CSharpLiteral.String(parameter.JsonName) + ", " + joined + ");");
            }
            else
            {
                writer.Line("request." + method + "(" + CSharpLiteral.String(parameter.JsonName) + ", " + TypeSyntax.Format(type, value, facts) + ");");
            }

            if (value != parameter.Name)
            {
                writer.Close();
            }
        }

        private static string ItemAdd(string method, string wireName, TypeRef element, CompilationFacts facts)
        {
            if (element.IsNullable)
            {
                return "if (item is { } itemValue) { request." + method + "(" + CSharpLiteral.String(wireName) + ", " + TypeSyntax.Format(element.AsNonNullable(), "itemValue", facts) + "); }";
            }

            return "request." + method + "(" + CSharpLiteral.String(wireName) + ", " + TypeSyntax.Format(element, "item", facts) + ");";
        }
    }
}
