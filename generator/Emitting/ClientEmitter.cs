// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System.Collections.Generic;
using System.Linq;
using LiveAvatarGen.Generator.Infrastructure;
using LiveAvatarGen.Generator.Model;

namespace LiveAvatarGen.Generator.Emitting;

/// <summary>
/// Emits the client: a core file (constructors, options, hooks, security schemes) and one file per operation with
/// its interface member, its method and its static response handler.
/// </summary>
internal static partial class ClientEmitter
{
    private const string Http = TypeSyntax.Runtime + ".Http";
    private const string Styles = Http + ".ApiStyles";

    /// <summary>
    /// Members of the client class this emitter writes besides the operations and their static fields; the parser
    /// reserves them in the registry that names methods and fields.
    /// </summary>
    public static readonly string[] Members = { "Options", "Dispose", "PrepareRequest", "ProcessResponse", "OnPrepareRequest", "OnProcessResponse", "_core", "s_server", "TelemetryName", "s_telemetry" };

    /// <summary>Members of a sub-client class besides its operations; reserved in the same registry.</summary>
    public static readonly string[] GroupMembers = { "_core" };

    /// <summary>
    /// Names every operation method uses for its own parameter and locals; the parser keeps spec parameters off them.
    /// Other locals start with an underscore, which a parameter never does (<c>_parts</c>, <c>_file</c>; unwrapped
    /// optional values <c>__name</c>).
    /// </summary>
    public static readonly string[] MethodLocals = { "cancellationToken", "request", "security", "bodyValue", "item", "itemValue" };

    public static string Emit(ClientModel model, CompilationFacts facts)
    {
        SourceWriter writer = EmitterCommon.Start(model.Namespace);
        writer.Summary((model.Documentation is null ? string.Empty : model.Documentation + "\n") + (model.Groups.Count == 0
            ? "A typed client generated from the OpenAPI spec; one method per operation."
            : "A typed client generated from the OpenAPI spec: one property per tag, whose sub-client has a method per operation; untagged operations are methods of this class."));
        writer.Line(EmitterCommon.GeneratedCode);
        writer.Open("public sealed partial class " + model.Name + " : " + model.InterfaceName);
        foreach (SecuritySchemeModel scheme in model.SecuritySchemes)
        {
            // Internal when sub-clients exist: their operations name the schemes through this class.
            writer.Line(StaticFieldAccess(model) + " static readonly " + Http + ".ApiSecurityScheme " + SchemeField(scheme) + " = new(" + CSharpLiteral.String(scheme.SchemeName) + ", " + Http + ".ApiSecuritySchemeKind." + scheme.Kind + ", " + CSharpLiteral.String(scheme.ParameterName) + ");");
        }

        EmitSecurityFields(writer, model);

        if (model.DefaultServer is { } server)
        {
            writer.Line("private static readonly " + Http + ".ApiServer s_server = " + ServerExpression(server) + ";");
        }

        string serverArgument = model.DefaultServer is null ? "(" + Http + ".ApiServer?)null" : "s_server";
        EmitTelemetrySource(writer, model);
        writer.Lines($$"""

            private readonly {{Http}}.ApiClientCore _core;

            /// <summary>Creates the client with default options.</summary>
            /// <param name="httpClient">The HttpClient to send with, for example from IHttpClientFactory.</param>
            public {{model.Name}}(global::System.Net.Http.HttpClient httpClient)
                : this(httpClient, new {{model.OptionsName}}())
            {
            }

            /// <summary>Creates the client.</summary>
            /// <param name="httpClient">The HttpClient to send with, for example from IHttpClientFactory.</param>
            /// <param name="options">Base address, credentials, limits.</param>
            public {{model.Name}}(global::System.Net.Http.HttpClient httpClient, {{model.OptionsName}} options)
            {
                Options = options ?? throw new global::System.ArgumentNullException(nameof(options));
                _core = new {{Http}}.ApiClientCore(httpClient, options, {{serverArgument}}, OnPrepareRequest, OnProcessResponse, s_telemetry);
            """);
        writer.Indent(1);
        foreach (OperationGroupModel group in model.Groups)
        {
            writer.Line(group.PropertyName + " = new " + group.ClassName + "(_core);");
        }

        writer.Close();
        writer.Lines($$"""

            /// <summary>The options in force.</summary>
            public {{model.OptionsName}} Options { get; }
            """);
        foreach (OperationGroupModel group in model.Groups)
        {
            writer.Line();
            writer.Summary(GroupSummary(group) + "\nShares this client's transport, options and hooks.");
            writer.Line("public " + group.ClassName + " " + group.PropertyName + " { get; }");
            writer.Line();
            writer.Line(group.InterfaceName + " " + model.InterfaceName + "." + group.PropertyName + " => " + group.PropertyName + ";");
        }

        EmitHooks(writer);
        writer.Close();
        return writer.ToString();
    }

    /// <summary>
    /// One operation's file: its members of the interface, its method and companion on the client or the sub-client
    /// of its tag, and the class of the headers its responses declare.
    /// </summary>
    public static string EmitOperationFile(OperationOutput output, CompilationFacts facts)
    {
        OperationModel operation = output.Operation;
        ResponsePlan plan = ResponsePlan.For(operation, facts, output.Namespace);
        List<Parameter> parameters = Parameter.Ordered(operation, facts);
        string signature = Signature(parameters);
        SourceWriter writer = EmitterCommon.Start(output.Namespace);
        writer.Open("public partial interface " + output.InterfaceName);
        EmitSignatureDocs(writer, operation, parameters);
        writer.Line($"{plan.MethodReturnType} {operation.MethodName}({signature});");
        writer.Line();
        EmitCompanionDocs(writer, operation, plan.WithResponseSummary);
        writer.Line($"{plan.WithResponseReturnType} {operation.WithResponseName}({signature});");
        EmitPagingMember(writer, operation, parameters, plan.ResultType, facts, inInterface: true);
        writer.Close();
        writer.Line();
        writer.Open("public sealed partial class " + output.ClientName);
        // A sub-client's operation names the client's security field through the client.
        string securityOwner = output.RootClientName.Length == 0 || output.RootClientName == output.ClientName ? string.Empty : output.RootClientName + ".";
        string security = operation.SecurityField.Length == 0 ? "global::System.Array.Empty<" + Http + ".ApiSecurityScheme[]>()" : securityOwner + operation.SecurityField;
        EmitOperation(writer, operation, plan, parameters, signature, security, facts, output.Handler, output.DeclaresHandler, output.HandlerIsShared);
        EmitPagingMember(writer, operation, parameters, plan.ResultType, facts, inInterface: false, security, output.Handler);
        writer.Close();
        if (operation.HeadersClass is not null && operation.DeclaresHeadersClass)
        {
            writer.Line();
            ResponseHeadersEmitter.Emit(writer, operation, output.ClientName, facts);
        }

        return writer.ToString();
    }

    /// <summary>The interface the client implements; each operation's file adds its member.</summary>
    public static string EmitInterface(ClientModel model)
    {
        SourceWriter writer = EmitterCommon.Start(model.Namespace);
        writer.Line("/// <summary>The operations of <see cref=\"" + model.Name + "\"/>" + (model.Groups.Count == 0 ? ", one method per operation of the spec" : ": a sub-client per tag, and the untagged operations") + ": depend on it to mock or decorate the client.</summary>");
        writer.Line(EmitterCommon.GeneratedCode);
        writer.Open("public partial interface " + model.InterfaceName);
        for (int i = 0; i < model.Groups.Count; i++)
        {
            OperationGroupModel group = model.Groups[i];
            if (i > 0)
            {
                writer.Line();
            }

            writer.Summary(GroupSummary(group));
            writer.Line(group.InterfaceName + " " + group.PropertyName + " { get; }");
        }

        writer.Close();
        return writer.ToString();
    }

    /// <summary>A sub-client's file: the class (sharing the client's transport) and its interface; each operation's file adds its members.</summary>
    public static string EmitGroup(ClientModel model, OperationGroupModel group)
    {
        SourceWriter writer = EmitterCommon.Start(model.Namespace);
        writer.Summary("The operations of " + model.Name + " tagged '" + group.Tag + "': depend on it to mock or decorate them.");
        writer.Line(EmitterCommon.GeneratedCode);
        writer.Open("public partial interface " + group.InterfaceName);
        writer.Close();
        writer.Line();
        writer.Summary(GroupSummary(group) + "\nReached through " + model.Name + "." + group.PropertyName + ": it sends with that client's transport, options and hooks.");
        writer.Line(EmitterCommon.GeneratedCode);
        writer.Open("public sealed partial class " + group.ClassName + " : " + group.InterfaceName);
        writer.Lines($$"""
            private readonly {{Http}}.ApiClientCore _core;

            internal {{group.ClassName}}({{Http}}.ApiClientCore core)
            {
                _core = core;
            }
            """);
        writer.Close();
        return writer.ToString();
    }

    private static string GroupSummary(OperationGroupModel group)
        => "The operations tagged '" + group.Tag + "'" + (group.Documentation is { } doc ? ": " + doc : ".");

    /// <summary>Partial methods the user may implement in another part of the class, and the delegates the transport calls.</summary>
    private static void EmitHooks(SourceWriter writer)
    {
        writer.Lines("""

            /// <summary>
            /// Called with each request just before it is sent, when its path, query, headers, body and credentials are set.
            /// Implement it in a partial class file to add headers, log, or change the request.
            /// </summary>
            /// <param name="request">The request about to be sent.</param>
            /// <param name="operationName">The operation: the method's name without <c>Async</c>.</param>
            partial void PrepareRequest(global::System.Net.Http.HttpRequestMessage request, string operationName);

            /// <summary>
            /// Called with each response when its headers have arrived, before the body is read and checked.
            /// Implement it in a partial class file to inspect the status and headers (rate limits, request IDs).
            /// </summary>
            /// <param name="response">The response received.</param>
            /// <param name="operationName">The operation: the method's name without <c>Async</c>.</param>
            partial void ProcessResponse(global::System.Net.Http.HttpResponseMessage response, string operationName);

            private void OnPrepareRequest(global::System.Net.Http.HttpRequestMessage request, string operationName) => PrepareRequest(request, operationName);

            private void OnProcessResponse(global::System.Net.Http.HttpResponseMessage response, string operationName) => ProcessResponse(response, operationName);
            """);
    }

    private static string Signature(List<Parameter> parameters)
        => string.Join(", ", parameters.Select(p => p.Declaration).Append("global::System.Threading.CancellationToken cancellationToken = default"));

    private static void EmitSignatureDocs(SourceWriter writer, OperationModel operation, List<Parameter> parameters)
    {
        writer.Summary(operation.Documentation ?? operation.HttpMethod + " " + operation.PathTemplate);
        writer.Line($"/// <remarks><c>{operation.HttpMethod} {SourceWriter.Xml(operation.PathTemplate)}</c></remarks>");
        foreach (Parameter parameter in parameters)
        {
            writer.Line($"/// <param name=\"{parameter.Name.TrimStart('@')}\">{SourceWriter.Xml(parameter.Documentation ?? parameter.WireName).Replace("\n", " ")}</param>");
        }

        writer.Line("/// <param name=\"cancellationToken\">Cancels the call.</param>");
        writer.Line("/// <exception cref=\"global::LiveAvatarGen.Runtime.Errors.ApiException\">The server answered with an error status; documented errors arrive as ApiException&lt;T&gt; with the typed body.</exception>");
        if (operation.IsDeprecated)
        {
            writer.Line("[global::System.Obsolete(\"Deprecated in the API spec.\")]");
        }
    }

    /// <summary>
    /// The client's method implements the interface's, whose documentation IDEs show through inheritdoc: writing
    /// it twice doubled the documentation of every operation (Stripe: about 2 MB).
    /// </summary>
    private static void EmitImplementationDocs(SourceWriter writer, OperationModel operation)
    {
        writer.Line("/// <inheritdoc />");
        if (operation.IsDeprecated)
        {
            writer.Line("[global::System.Obsolete(\"Deprecated in the API spec.\")]");
        }
    }

    /// <summary>The WithResponse companion: a summary naming the method it accompanies, the rest (parameters, remarks, exceptions) from it.</summary>
    private static void EmitCompanionDocs(SourceWriter writer, OperationModel operation, string companion)
    {
        // The method's description is one click away; repeating it here was 3.6% of Adyen's output.
        writer.Line($"/// <summary>As <see cref=\"{operation.MethodName}\"/>. {companion}</summary>");
        writer.Line($"/// <inheritdoc cref=\"{operation.MethodName}\"/>");
        if (operation.IsDeprecated)
        {
            writer.Line("[global::System.Obsolete(\"Deprecated in the API spec.\")]");
        }
    }

    private static string SchemeField(SecuritySchemeModel scheme) => scheme.FieldName;

    /// <summary>
    /// The security alternatives of operations, one field per distinct set (<see cref="OperationModel.SecurityField"/>),
    /// set in the client's static constructor with the schemes: a spec has a handful of sets however many operations
    /// share them (Stripe: one for 468), so a NativeAOT app keeps a few small arrays, not one per operation.
    /// </summary>
    private static void EmitSecurityFields(SourceWriter writer, ClientModel model)
    {
        Dictionary<string, string> schemes = model.SecuritySchemes.ToDictionary(s => s.SchemeName, s => s.FieldName, System.StringComparer.Ordinal);
        foreach (SecurityFieldModel field in model.SecurityFields)
        {
            writer.Line($"{StaticFieldAccess(model)} static readonly {Http}.ApiSecurityScheme[][] {field.FieldName} = {SecurityAlternatives(field.Alternatives, schemes)};");
        }
    }

    /// <summary>The client's scheme and security fields are internal when sub-clients exist: their operations name them through the client.</summary>
    private static string StaticFieldAccess(ClientModel model) => model.Groups.Count == 0 ? "private" : "internal";

    private static string SecurityAlternatives(EquatableArray<EquatableArray<string>> alternatives, Dictionary<string, string> schemes)
    {
        System.Text.StringBuilder text = new();
        text.Append("new ").Append(Http).Append(".ApiSecurityScheme[][] { ");
        bool first = true;
        foreach (EquatableArray<string> requirement in alternatives)
        {
            // A requirement naming a scheme the spec does not declare cannot be met: it is left out.
            if (!requirement.All(schemes.ContainsKey))
            {
                continue;
            }

            text.Append(first ? string.Empty : ", ").Append("new ").Append(Http).Append(".ApiSecurityScheme[] { ");
            for (int i = 0; i < requirement.Count; i++)
            {
                text.Append(i == 0 ? string.Empty : ", ").Append(schemes[requirement[i]]);
            }

            text.Append(" }");
            first = false;
        }

        return text.Append(" }").ToString();
    }

    /// <param name="handler">The response handler as the class names it: its own, or another operation's with the same responses.</param>
    /// <param name="declaresHandler">The handler is this operation's, declared here.</param>
    /// <param name="handlerIsShared">Another class uses the declared handler.</param>
    private static void EmitOperation(SourceWriter writer, OperationModel operation, ResponsePlan plan, List<Parameter> parameters, string signature, string security, CompilationFacts facts, string handler, bool declaresHandler, bool handlerIsShared)
    {
        string baseName = operation.Stem;
        string? serverField = null;
        if (operation.Server is { } server)
        {
            writer.Line($"private static {Http}.ApiServer? {operation.ServerField};");
            serverField = operation.ServerField + " ??= " + ServerExpression(server);
        }

        string factoryCall = operation.RequestFactory + "(" + string.Join(", ", parameters.Select(p => p.Name)) + ")";
        EmitOperationField(writer, operation);
        string operationField = LazyOperation(operation, baseName);
        writer.Line();
        EmitImplementationDocs(writer, operation);
        if (plan.IsStream)
        {
            // A stream's companion types its declared headers in a handler of its own, once the stream has opened.
            string withResponseHandler = "Handle" + operation.WithResponseName.Substring(0, operation.WithResponseName.Length - "Async".Length);
            string format = Http + ".ApiStreamFormat." + (plan.StreamKind == ContentKind.EventStream ? "EventStream" : "NdJson");
            string streamArguments = security + ", " + format + ", " + plan.ItemReader() + ", Handle" + baseName + "Error, " + operationField + ", cancellationToken";
            writer.Lines($$"""
                public {{plan.MethodReturnType}} {{operation.MethodName}}({{signature}})
                    => _core.StreamAsync<{{plan.ItemType}}>({{factoryCall}}, {{streamArguments}});

                """);
            EmitImplementationDocs(writer, operation);
            string open = "_core.OpenStreamAsync<" + plan.ItemType + ">(" + factoryCall + ", " + streamArguments + ")";
            writer.Lines($$"""
                public {{plan.WithResponseReturnType}} {{operation.WithResponseName}}({{signature}})
                    => {{(operation.HeadersClass is null ? open : withResponseHandler + "(" + open + ")")}};

                """);
            EmitRequestFactory(writer, operation, parameters, serverField, facts);
            writer.Line();
            plan.EmitStreamErrorHandler(writer, "Handle" + baseName + "Error");
            if (operation.HeadersClass is not null)
            {
                writer.Line();
                plan.EmitStreamWithResponseHandler(writer, withResponseHandler);
            }

            return;
        }

        writer.Lines($$"""
            public {{plan.MethodReturnType}} {{operation.MethodName}}({{signature}})
                => _core.SendAsync<{{plan.ResultType}}>({{factoryCall}}, {{security}}, {{handler}}, {{operationField}}, cancellationToken);

            """);
        EmitImplementationDocs(writer, operation);

        // The runtime wraps the handler's result with the status and the headers, typed by the headers class's
        // Create when the responses declare some.
        string typeArguments = string.Join(", ", new[] { plan.HasResult ? plan.ResultType : null, plan.HeadersType }.Where(t => t is not null));
        string headersArgument = plan.HeadersType is null ? string.Empty : plan.HeadersType + ".Create, ";
        string companionCall = "_core.SendWithResponseAsync" + (typeArguments.Length == 0 ? string.Empty : "<" + typeArguments + ">")
            + "(" + factoryCall + ", " + security + ", " + handler + ", " + headersArgument + operationField + ", cancellationToken)";
        writer.Lines($$"""
            public {{plan.WithResponseReturnType}} {{operation.WithResponseName}}({{signature}})
                => {{companionCall}};

            """);
        EmitRequestFactory(writer, operation, parameters, serverField, facts);
        if (declaresHandler)
        {
            writer.Line();
            plan.EmitHandler(writer, handler, handlerIsShared ? "internal" : "private");
        }
    }

    /// <summary>The request both methods send: parameters checked and placed, credentials not yet applied.</summary>
    private static void EmitRequestFactory(SourceWriter writer, OperationModel operation, List<Parameter> parameters, string? serverField, CompilationFacts facts)
    {
        writer.Open("private static " + Http + ".ApiRequest " + operation.RequestFactory + "(" + string.Join(", ", parameters.Select(p => p.Typed)) + ")");
        EmitNullChecks(writer, parameters);
        writer.Line($"{Http}.ApiRequest request = new({HttpMethod(operation.HttpMethod)}, {PathExpression(operation, facts)});");
        if (serverField is not null)
        {
            // The operation's own server, not the document's: see ApiClientCore for what BaseAddress then means.
            writer.Line($"request.Server = {serverField};");
        }

        foreach (Parameter parameter in parameters)
        {
            parameter.EmitAdd(writer, facts);
        }

        if (operation.Body is { Kind: ContentKind.Form or ContentKind.Multipart } fieldsBody)
        {
            Parameter.EmitFieldsBody(writer, fieldsBody, facts);
        }

        writer.Line("return request;");
        writer.Close();
    }

    /// <summary>
    /// A null passed for a required reference would otherwise surface as a NullReferenceException inside a generated
    /// writer, or as an argument error naming the runtime's parameter instead of the caller's.
    /// </summary>
    private static void EmitNullChecks(SourceWriter writer, List<Parameter> parameters)
    {
        bool any = false;
        foreach (Parameter parameter in parameters)
        {
            if (parameter.IsNullChecked)
            {
                // One line, not a test and a block: Stripe has 465 of these.
                writer.Line($"_ = {parameter.Name} ?? throw new global::System.ArgumentNullException(nameof({parameter.Name}));");
                any = true;
            }
        }

        if (any)
        {
            writer.Line();
        }
    }

    /// <summary>One path parameter, escaped segment by segment, in its style.</summary>
    private static string PathValue(ParameterModel parameter, CompilationFacts facts)
    {
        TypeRef type = parameter.Type.AsNonNullable();
        if (type.Kind != TypeKind.List && parameter.Style == SerializationStyle.Simple)
        {
            return Http + ".ApiFormat.PathSegment(" + TypeSyntax.Format(type, parameter.Name, facts) + ")";
        }

        string items = type.Kind == TypeKind.List
            ? "global::System.Linq.Enumerable.Select(" + parameter.Name + ", static item => " + TypeSyntax.Format(type.Element!.AsNonNullable(), "item", facts) + ")"
            : "new[] { " + TypeSyntax.Format(type, parameter.Name, facts) + " }";
        return Styles + ".Path(" + CSharpLiteral.String(parameter.JsonName) + ", " + StyleNames.Literal(parameter.Style) + ", " + (parameter.Explode ? "true" : "false") + ", " + items + ", " + (type.Kind == TypeKind.List ? "true" : "false") + ")";
    }

    private static string ServerExpression(ServerModel server)
    {
        IEnumerable<string> variables = server.Variables.Select(v => ", new " + Http + ".ApiServerVariable(" + CSharpLiteral.String(v.Name) + ", " + CSharpLiteral.String(v.Default) + ")");
        return "new(" + CSharpLiteral.String(server.Url) + string.Concat(variables) + ")";
    }

    private static string HttpMethod(string method)
    {
        return method switch
        {
            "GET" => "global::System.Net.Http.HttpMethod.Get",
            "POST" => "global::System.Net.Http.HttpMethod.Post",
            "PUT" => "global::System.Net.Http.HttpMethod.Put",
            "DELETE" => "global::System.Net.Http.HttpMethod.Delete",
            "HEAD" => "global::System.Net.Http.HttpMethod.Head",
            "OPTIONS" => "global::System.Net.Http.HttpMethod.Options",
            "TRACE" => "global::System.Net.Http.HttpMethod.Trace",
            _ => "new global::System.Net.Http.HttpMethod(" + CSharpLiteral.String(method) + ")",
        };
    }

    /// <summary>The path as a concatenation: literal parts from the spec, parameters escaped as single segments.</summary>
    private static string PathExpression(OperationModel operation, CompilationFacts facts)
    {
        List<string> parts = new();
        string template = operation.PathTemplate;
        int position = 0;
        while (position < template.Length)
        {
            int open = template.IndexOf('{', position);
            int close = open < 0 ? -1 : template.IndexOf('}', open);
            if (open < 0 || close < 0)
            {
                parts.Add(CSharpLiteral.String(template.Substring(position)));
                break;
            }

            if (open > position)
            {
                parts.Add(CSharpLiteral.String(template.Substring(position, open - position)));
            }

            string name = template.Substring(open + 1, close - open - 1);
            ParameterModel? parameter = operation.Parameters.FirstOrDefault(p => p.Location == ParameterLocation.Path && p.JsonName == name);
            parts.Add(parameter is null ? CSharpLiteral.String(template.Substring(open, close - open + 1)) : PathValue(parameter, facts));
            position = close + 1;
        }

        return parts.Count == 0 ? "\"\"" : string.Join(" + ", parts);
    }
}
