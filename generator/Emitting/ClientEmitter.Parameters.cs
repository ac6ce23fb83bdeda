// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System.Collections.Generic;
using System.Linq;
using LiveAvatarGen.Generator.Model;

namespace LiveAvatarGen.Generator.Emitting;

/// <summary>Method parameters: their order in the signature and the code that adds each to the request.</summary>
internal static partial class ClientEmitter
{
    private sealed class Parameter
    {
        private Parameter(string name, string wireName, TypeRef type, bool isRequired, string? documentation, ParameterModel? model, RequestBodyModel? body, CompilationFacts facts)
        {
            Name = name;
            WireName = wireName;
            Typed = TypeSyntax.Of(type, facts) + " " + name;
            Declaration = Typed + (isRequired ? string.Empty : " = default");
            Documentation = documentation;
            Model = model;
            Body = body;
            IsNullChecked = isRequired && !type.IsNullable && !type.IsValueType;
        }

        public string Name { get; }

        public string WireName { get; }

        /// <summary>The public declaration: type, name and, when optional, <c>= default</c>.</summary>
        public string Declaration { get; }

        /// <summary>Type and name only, for the private request factory, which is always called with every argument.</summary>
        public string Typed { get; }

        public string? Documentation { get; }

        /// <summary>A required reference: null is refused up front, naming the parameter, before any writer dereferences it.</summary>
        public bool IsNullChecked { get; }

        private ParameterModel? Model { get; }

        private RequestBodyModel? Body { get; }

        /// <summary>Required parameters first (path ones in path order), then the body, then optional ones with defaults.</summary>
        public static List<Parameter> Ordered(OperationModel operation, CompilationFacts facts)
        {
            List<Parameter> required = new();
            List<Parameter> optional = new();
            foreach (ParameterModel parameter in operation.Parameters.OrderBy(p => p.Location == ParameterLocation.Path ? 0 : 1))
            {
                Parameter mapped = new(parameter.Name, parameter.JsonName, parameter.Type, parameter.IsRequired, parameter.Documentation, parameter, null, facts);
                (parameter.IsRequired ? required : optional).Add(mapped);
            }

            if (operation.Body is { Kind: ContentKind.Form or ContentKind.Multipart } fieldsBody)
            {
                foreach (BodyFieldModel field in fieldsBody.Fields)
                {
                    Parameter mapped = new(field.Name, field.JsonName, field.Type, field.IsRequired, field.Documentation, null, null, facts);
                    (field.IsRequired ? required : optional).Add(mapped);
                }
            }
            else if (operation.Body is { } body)
            {
                Parameter mapped = new(body.Name, "request body", body.Type, body.IsRequired, body.Documentation ?? "The request body.", null, body, facts);
                (body.IsRequired ? required : optional).Insert(body.IsRequired ? required.Count : 0, mapped);
            }

            required.AddRange(optional);
            return required;
        }

        public void EmitAdd(SourceWriter writer, CompilationFacts facts)
        {
            if (Body is { Kind: not ContentKind.Json } raw)
            {
                string content = raw.Kind == ContentKind.Binary
                    ? Http + ".ApiContent.Stream(" + raw.Name + ", " + CSharpLiteral.String(raw.MediaType) + ")"
                    : Http + ".ApiContent.Text(" + raw.Name + ", " + CSharpLiteral.String(raw.MediaType) + ")";
                if (raw.IsRequired)
                {
                    writer.Line("request.SetContent(" + content + ");");
                    return;
                }

                writer.Open("if (" + raw.Name + " is not null)");
                writer.Line("request.SetContent(" + content + ");");
                writer.Close();
                return;
            }

            if (Body is { } body)
            {
                TypeRef bodyType = body.Type.AsNonNullable();
                string bodyValue = body.IsRequired ? body.Name : "bodyValue";
                string mediaType = body.MediaType == "application/json" ? string.Empty : ", " + CSharpLiteral.String(body.MediaType);
                string call = $"request.SetJsonBody<{TypeSyntax.Of(bodyType, facts)}>({bodyValue}, {TypeSyntax.WriteLambda(bodyType, facts, 0)}{mediaType});";
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

            if (Model is not { } parameter || parameter.Location == ParameterLocation.Path)
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
            if (NullPassesThrough(type))
            {
                // The request adds nothing for a null value: no test needed, whether the parameter is required or not.
                writer.Line("request." + method + "(" + CSharpLiteral.String(parameter.JsonName) + ", " + TypeSyntax.Format(type, parameter.Name, facts) + ");");
                return;
            }

            bool deepList = type.Kind == TypeKind.List && parameter.Location == ParameterLocation.Query && parameter.Style == SerializationStyle.DeepObject;
            if (deepList && type.Element!.Kind == TypeKind.String)
            {
                // A list of strings: the request adds each under its index, and nothing for null (no test, no loop).
                writer.Line("request.AddQueryIndexed(" + CSharpLiteral.String(parameter.JsonName) + ", " + parameter.Name + ");");
                return;
            }

            if (type.Kind == TypeKind.List && type.Element!.Kind == TypeKind.String && parameter.Location == ParameterLocation.Query && parameter.Explode)
            {
                // Exploded (form's default): the request adds one parameter per item, and nothing for null.
                writer.Line("request.AddQuery(" + CSharpLiteral.String(parameter.JsonName) + ", " + parameter.Name + ");");
                return;
            }

            string value = parameter.IsRequired && !parameter.Type.IsNullable ? parameter.Name : "__" + parameter.Name.TrimStart('@');
            if (value != parameter.Name)
            {
                writer.Open("if (" + parameter.Name + " is { } " + value + ")");
            }

            if (type.Kind is TypeKind.Class or TypeKind.Map || (deepList && !IsScalar(type.Element!.AsNonNullable())))
            {
                string element = Styles + ".ToElement<" + TypeSyntax.Of(type, facts) + ">(" + value + ", " + TypeSyntax.WriteLambda(type, facts, 0) + ")";
                writer.Line(parameter.Location == ParameterLocation.Query
                    ? Styles + ".AddQueryObject(request, " + CSharpLiteral.String(parameter.JsonName) + ", " + element + ", " + StyleNames.Literal(parameter.Style) + ", " + (parameter.Explode ? "true" : "false") + ");"
                    : "request." + method + "(" + CSharpLiteral.String(parameter.JsonName) + ", " + Styles + ".ObjectValue(" + element + ", " + (parameter.Explode ? "true" : "false") + "));");
            }
            else if (deepList)
            {
                // OpenAPI leaves deepObject arrays undefined; each item goes under its index, name[0]=a&name[1]=b, as
                // Stripe's own SDKs send them and Rack, PHP and qs read them (repeated or joined keys lose items there).
                string counter = "_" + parameter.Name.TrimStart('@') + "Index";
                writer.Line("int " + counter + " = 0;");
                writer.Open("foreach (" + TypeSyntax.Of(type.Element!, facts) + " item in " + value + ")");
                writer.Line(ItemAdd("request." + method, Styles + ".Indexed(" + CSharpLiteral.String(parameter.JsonName) + ", " + counter + "++)", type.Element!, facts));
                writer.Close();
            }
            else if (type.Kind == TypeKind.List && parameter.Location == ParameterLocation.Query && parameter.Explode)
            {
                writer.Open("foreach (" + TypeSyntax.Of(type.Element!, facts) + " item in " + value + ")");
                writer.Line(ItemAdd("request." + method, CSharpLiteral.String(parameter.JsonName), type.Element!, facts));
                writer.Close();
            }
            else if (type.Kind == TypeKind.List)
            {
                // Non-exploded lists are one value: joined by commas, pipes or spaces as the style says.
                string item = TypeSyntax.Format(type.Element!.AsNonNullable(), "item", facts);
                string joined = $"string.Join({Styles}.Separator({StyleNames.Literal(parameter.Style)}), global::System.Linq.Enumerable.Select({value}, static item => {item}))";
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

        /// <summary>
        /// Form and multipart bodies: one part per field, files as file parts, each field as its encoding says. The
        /// locals start with one underscore: parameters never do, and unwrapped parameters start with two.
        /// </summary>
        public static void EmitFieldsBody(SourceWriter writer, RequestBodyModel body, CompilationFacts facts)
        {
            bool multipart = body.Kind == ContentKind.Multipart;
            writer.Line(multipart
                ? Http + ".ApiMultipart _parts = new(" + CSharpLiteral.String(body.MediaType.Split(';')[0].Trim()) + ");"
                : Http + ".ApiForm _parts = new();");
            foreach (BodyFieldModel field in body.Fields)
            {
                if (!field.IsFile && NullPassesThrough(field.Type.AsNonNullable()))
                {
                    // As for query parameters: the form adds nothing for a null value.
                    writer.Line("_parts.Add(" + CSharpLiteral.String(field.JsonName) + ", " + TypeSyntax.Format(field.Type.AsNonNullable(), field.Name, facts) + PartContentType(field, multipart) + ");");
                    continue;
                }

                if (NullAwareFieldAdd(field, multipart, facts) is { } add)
                {
                    writer.Line(add);
                    continue;
                }

                string value = field.IsRequired && !field.Type.IsNullable ? field.Name : "__" + field.Name.TrimStart('@');
                if (value != field.Name)
                {
                    writer.Open("if (" + field.Name + " is { } " + value + ")");
                }

                EmitField(writer, field, value, multipart, facts);
                if (value != field.Name)
                {
                    writer.Close();
                }
            }

            writer.Line("request.SetContent(_parts.ToContent());");
        }

        private static void EmitField(SourceWriter writer, BodyFieldModel field, string value, bool multipart, CompilationFacts facts)
        {
            TypeRef type = field.Type.AsNonNullable();
            string wire = CSharpLiteral.String(field.JsonName);

            string contentType = PartContentType(field, multipart);
            if (field.IsFile)
            {
                writer.Line(type.Kind == TypeKind.List
                    ? "foreach (" + Http + ".ApiFile _file in " + value + ") { _parts.AddFile(" + wire + ", _file" + contentType + "); }"
                    : "_parts.AddFile(" + wire + ", " + value + contentType + ");");
            }
            else if (IsScalar(type))
            {
                writer.Line(ScalarAdd(wire, type, value, contentType, facts));
            }
            else if (type.Kind == TypeKind.List && IsScalar(type.Element!.AsNonNullable()))
            {
                if (field.IsStyled && !field.Explode && field.Style != SerializationStyle.DeepObject)
                {
                    // Not exploded: one field, the items joined by the style's separator.
                    TypeRef element = type.Element!.AsNonNullable();
                    string items = $"global::System.Linq.Enumerable.OfType<{TypeSyntax.Of(element, facts)}>({value})";
                    string joined = $"string.Join({Styles}.Separator({StyleNames.Literal(field.Style)}), global::System.Linq.Enumerable.Select({items}, static item => {TypeSyntax.Format(element, "item", facts)}))";
                    writer.Line("_parts.Add(" + wire + ", " + joined + contentType + ");");
                }
                else if (field.IsStyled && field.Style == SerializationStyle.DeepObject)
                {
                    // deepObject: each item under its index (see the query parameters above).
                    string counter = "_" + field.Name.TrimStart('@') + "Index";
                    writer.Line("int " + counter + " = 0;");
                    writer.Line("foreach (" + TypeSyntax.Of(type.Element!, facts) + " item in " + value + ") { " + ScalarAdd(Styles + ".Indexed(" + wire + ", " + counter + "++)", type.Element!, "item", contentType, facts) + " }");
                }
                else
                {
                    // Exploded (form's default): one field or part per item, under the same name.
                    writer.Line("foreach (" + TypeSyntax.Of(type.Element!, facts) + " item in " + value + ") { " + ScalarAdd(wire, type.Element!, "item", contentType, facts) + " }");
                }
            }
            else
            {
                // Objects, maps, unions and lists of them: their shape is known only as JSON, so the runtime applies the
                // style, or without one the content type's rules (an object is JSON, an array one field per item).
                string element = Styles + ".ToElement<" + TypeSyntax.Of(type, facts) + ">(" + value + ", " + TypeSyntax.WriteLambda(type, facts, 0) + ")";
                writer.Line(field.IsStyled
                    ? "_parts.AddStyled(" + wire + ", " + element + ", " + StyleNames.Literal(field.Style) + ", " + (field.Explode ? "true" : "false") + ");"
                    : "_parts.AddValue(" + wire + ", " + element + contentType + ");");
            }
        }

        /// <summary>
        /// The one call that adds a field the form takes null or not (it adds nothing for null): a styled object, map or
        /// list of them, converted by the runtime; a <c>deepObject</c> list of strings in a urlencoded form, each item
        /// under its index. Null when the field needs its own test (Stripe's 575 styled fields and 470 <c>expand</c>
        /// lists were a test, a block and a conversion or a loop each).
        /// </summary>
        private static string? NullAwareFieldAdd(BodyFieldModel field, bool multipart, CompilationFacts facts)
        {
            TypeRef type = field.Type.AsNonNullable();
            if (field.IsFile || !field.IsStyled)
            {
                return null;
            }

            string wire = CSharpLiteral.String(field.JsonName);
            if (type.Kind == TypeKind.List && type.Element!.Kind == TypeKind.String)
            {
                return !multipart && field.Style == SerializationStyle.DeepObject ? "_parts.AddIndexed(" + wire + ", " + field.Name + ");" : null;
            }

            // Lists of scalars are joined or sent item by item below, as the style says.
            bool structured = type.Kind is TypeKind.Class or TypeKind.Map or TypeKind.Generic
                || type.Kind == TypeKind.List && !IsScalar(type.Element!.AsNonNullable());
            return structured
                ? "_parts.AddStyled(" + wire + ", " + field.Name + ", " + TypeSyntax.WriteLambda(type, facts, 0) + ", " + StyleNames.Literal(field.Style) + ", " + (field.Explode ? "true" : "false") + ");"
                : null;
        }

        /// <summary>The media type argument of a field's <c>Add</c>: only multipart parts carry one of their own.</summary>
        private static string PartContentType(BodyFieldModel field, bool multipart)
            => multipart ? ", " + (field.ContentType is null ? "null" : CSharpLiteral.String(field.ContentType)) : string.Empty;

        /// <summary>
        /// A value the request's <c>AddQuery</c>, <c>AddHeader</c>, <c>AddCookie</c> and the forms' <c>Add</c> can take
        /// null or not: a string as it is, and the kinds <c>ApiFormat.Value</c> formats, which has an overload for each
        /// nullable one that gives null for null. A one-line call instead of a test and a block (Stripe's 1,800 optional
        /// parameters and fields).
        /// </summary>
        private static bool NullPassesThrough(TypeRef type) => type.Kind is TypeKind.String or TypeKind.Boolean or TypeKind.Int32 or TypeKind.Int64
            or TypeKind.Float or TypeKind.Double or TypeKind.Decimal or TypeKind.Guid or TypeKind.DateTimeOffset;

        private static bool IsScalar(TypeRef type) => type.Kind is not (TypeKind.Class or TypeKind.Map or TypeKind.List or TypeKind.Any or TypeKind.Generic or TypeKind.Stream or TypeKind.File);

        private static string ScalarAdd(string wire, TypeRef type, string value, string contentType, CompilationFacts facts)
        {
            if (type.IsNullable)
            {
                return "if (" + value + " is { } _fieldValue) { " + ScalarAdd(wire, type.AsNonNullable(), "_fieldValue", contentType, facts) + " }";
            }

            return "_parts.Add(" + wire + ", " + TypeSyntax.Format(type, value, facts) + contentType + ");";
        }

        /// <summary>Adds a list's <c>item</c> under <paramref name="key"/> (an expression) with <paramref name="add"/>; a null item adds nothing.</summary>
        private static string ItemAdd(string add, string key, TypeRef element, CompilationFacts facts)
        {
            if (element.IsNullable)
            {
                return "if (item is { } itemValue) { " + add + "(" + key + ", " + TypeSyntax.Format(element.AsNonNullable(), "itemValue", facts) + "); }";
            }

            return add + "(" + key + ", " + TypeSyntax.Format(element, "item", facts) + ");";
        }
    }
}
