// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Threading;
using LiveAvatarGen.Generator.Diagnostics;
using LiveAvatarGen.Generator.Emitting;
using LiveAvatarGen.Generator.Infrastructure;
using LiveAvatarGen.Generator.Model;
using LiveAvatarGen.Generator.Naming;
using Microsoft.OpenApi;
using ParameterLocation = LiveAvatarGen.Generator.Model.ParameterLocation;

namespace LiveAvatarGen.Generator.Parsing;

/// <summary>Maps paths and operations to client methods.</summary>
internal sealed partial class OperationMapper
{
    /// <summary>Names the generated method body uses for its own locals, kept out of parameter names.</summary>

    private readonly SchemaMapper _schemas;
    private readonly SpecLocator _locator;
    private readonly Dictionary<string, TypeRef> _sharedTypes = new(StringComparer.Ordinal);
    private readonly Dictionary<EquatableArray<ResponseHeaderModel>, string> _headersClasses = new();
    private readonly Dictionary<EquatableArray<EquatableArray<string>>, string> _securityFields = new();
    private static readonly NameTemplate MethodLocalsTaken = new(ClientEmitter.MethodLocals);
    private readonly List<DiagnosticInfo> _diagnostics;
    private readonly CancellationToken _cancellationToken;
    private readonly NameRegistry _methodNames = new();

    /// <summary>Path-level parameters missing from their path, reported once however many operations share them.</summary>
    private readonly HashSet<string> _reportedOutsidePath = new(StringComparer.Ordinal);
    private readonly bool _groupByTag;
    private ServerModel? _documentServer;

    /// <param name="schemas">Names and maps the schemas operations use.</param>
    /// <param name="locator">Locates diagnostics.</param>
    /// <param name="diagnostics">Collects diagnostics.</param>
    /// <param name="typeNames">The client's, its interface's and its sub-clients' names: no member may take a name of the class it is in.</param>
    /// <param name="groupByTag">Put each operation in the sub-client of its first tag.</param>
    /// <param name="cancellationToken">Cancels.</param>
    public OperationMapper(SchemaMapper schemas, SpecLocator locator, List<DiagnosticInfo> diagnostics, IEnumerable<string> typeNames, bool groupByTag, CancellationToken cancellationToken)
    {
        _schemas = schemas;
        _locator = locator;
        _diagnostics = diagnostics;
        _groupByTag = groupByTag;
        _cancellationToken = cancellationToken;

        // One registry for the client and its sub-clients: a method keeps its name whichever class it lands in.
        foreach (string reserved in ClientEmitter.Members.Concat(ClientEmitter.GroupMembers).Concat(EmitterCommon.ObjectMembers).Concat(typeNames))
        {
            _methodNames.Reserve(reserved);
        }
    }

    /// <summary>
    /// Names a member of the client class (a static field) from the same registry as the operation methods, so no
    /// scheme, operation or field name can meet another.
    /// </summary>
    public string ClaimClientMember(string wanted) => _methodNames.Claim(wanted);

    /// <summary>
    /// Names each operation's companion (<c>...WithResponseAsync</c>, its handler), its request factory and its
    /// auto-paging method (<c>...AllAsync</c>) once every
    /// operation has its name, so a companion never renames an operation of the spec.
    /// </summary>
    public EquatableArray<OperationModel> NameCompanions(EquatableArray<OperationModel> operations)
    {
        OperationModel[] named = new OperationModel[operations.Count];
        for (int i = 0; i < named.Length; i++)
        {
            OperationModel operation = operations[i];
            string stem = operation.Stem;
            // The companion and its handler are one claim: a name whose handler is taken is skipped.
            string withResponse = _methodNames.Claim(stem + "WithResponse");
            while (!_methodNames.TryClaimExact("Handle" + withResponse))
            {
                withResponse = _methodNames.Claim(stem + "WithResponse");
            }

            named[i] = operation with
            {
                WithResponseName = withResponse + "Async",
                RequestFactory = _methodNames.Claim("Create" + stem + "Request"),
                Paging = operation.Paging is { } paging ? paging with { MethodName = _methodNames.Claim(stem + "All") + "Async" } : null,
            };
        }

        return new EquatableArray<OperationModel>(named);
    }

    public EquatableArray<OperationModel> MapAll(OpenApiDocument document)
    {
        List<OperationModel> operations = new();
        _documentServer = ServerReader.First(document.Servers);
        if (document.Paths is null)
        {
            return operations.ToEquatableArray();
        }

        foreach (KeyValuePair<string, IOpenApiPathItem> path in document.Paths)
        {
            if (path.Value?.Operations is null)
            {
                continue;
            }

            foreach (KeyValuePair<HttpMethod, OpenApiOperation> operation in path.Value.Operations)
            {
                _cancellationToken.ThrowIfCancellationRequested();
                string pointer = "#/paths/" + Escape(path.Key) + "/" + operation.Key.Method.ToLowerInvariant();
                if (operation.Value.Callbacks is { Count: > 0 })
                {
                    _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.Skipped, _locator.Locate(pointer + "/callbacks"), pointer + "/callbacks", "callbacks"));
                }

                operations.Add(MapOperation(document, path.Key, path.Value, operation.Key, operation.Value, pointer));
            }
        }

        return operations.ToEquatableArray();
    }

    private OperationModel MapOperation(OpenApiDocument document, string path, IOpenApiPathItem pathItem, HttpMethod method, OpenApiOperation operation, string pointer)
    {
        // Claim the name without "Async", so a duplicate becomes GetThing2Async, not GetThingAsync2; the
        // handler each method gets is reserved too.
        string typeBase = _methodNames.Claim(OperationNames.BaseName(operation.OperationId, method.Method, path));
        _methodNames.Reserve("Handle" + typeBase);
        _methodNames.Reserve("Handle" + typeBase + "Error");
        string baseName = typeBase + "Async";
        NameRegistry parameterNames = MethodLocalsTaken.Start();

        List<ParameterModel> parameters = new();
        foreach ((IOpenApiParameter parameter, string parameterPointer) in MergedParameters(pathItem, operation, pointer))
        {
            if (parameter.In is not { } location || location == Microsoft.OpenApi.ParameterLocation.QueryString || parameter.Name is null)
            {
                _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedConstruct, _locator.Locate(parameterPointer), parameterPointer, "this parameter location is not supported; the parameter is left out"));
                continue;
            }

            if (location == Microsoft.OpenApi.ParameterLocation.Header && IsIgnoredHeader(parameter.Name))
            {
                // OpenAPI says such a definition SHALL be ignored: the body's media type sets Content-Type, and the
                // client reads the media types the responses document. Authorization is kept (see IsIgnoredHeader).
                _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.Skipped, _locator.Locate(parameterPointer), parameterPointer, "header parameters named '" + parameter.Name + "', which OpenAPI ignores,"));
                continue;
            }

            string pascal = Identifiers.ToPascalCase(parameter.Name);
            TypeRef type = _schemas.Map(parameter.Schema, typeBase + pascal, parameterPointer + "/schema", shortName: pascal);
            ParameterLocation mapped = location switch
            {
                Microsoft.OpenApi.ParameterLocation.Path => ParameterLocation.Path,
                Microsoft.OpenApi.ParameterLocation.Header => ParameterLocation.Header,
                Microsoft.OpenApi.ParameterLocation.Cookie => ParameterLocation.Cookie,
                _ => ParameterLocation.Query,
            };
            if (mapped == ParameterLocation.Path && path.IndexOf("{" + parameter.Name + "}", StringComparison.Ordinal) < 0 && _reportedOutsidePath.Add(parameterPointer))
            {
                // Microsoft.OpenApi's rule for this (PathParameterShouldBeInThePath) is left out of the reader: it joins
                // the walker's whole path into a string for every parameter of the document, 8% of reading a Twilio spec.
                _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ReaderProblem, _locator.Locate(parameterPointer), parameterPointer, "the path parameter \"" + parameter.Name + "\" is not in the path " + path + "; its value is not sent"));
            }

            bool required = parameter.Required || mapped == ParameterLocation.Path;
            parameters.Add(new ParameterModel(
                parameter.Name,
                parameterNames.Claim(Identifiers.ToCamelCase(parameter.Name)),
                mapped,
                // A path segment cannot be null, whatever the schema says (FastAPI writes anyOf [string, null]).
                mapped == ParameterLocation.Path ? type.AsNonNullable() : required ? type : type.AsNullable(),
                required,
                StyleOf(parameter, mapped),
                parameter.Explode,
                parameter.Description));
        }

        RequestBodyModel? body = CarriesNothing(method, operation.RequestBody) ? null : MapBody(operation, typeBase, pointer, parameterNames);
        List<ResponseModel> responses = new();
        if (operation.Responses is not null)
        {
            foreach (KeyValuePair<string, IOpenApiResponse> response in operation.Responses)
            {
                string? component = response.Value is OpenApiResponseReference { Reference.Id: { } id } ? id : null;
                responses.Add(MapResponse(response.Key, References.Resolve(response.Value), typeBase, pointer + "/responses/" + response.Key, component));
            }
        }

        ServerModel? server = OwnServer(pathItem, operation);
        string? headersClass = null;
        EquatableArray<ResponseHeaderModel> headers = EquatableArray<ResponseHeaderModel>.Empty;
        bool declaresHeaders = true;
        if (HasSuccessHeaders(operation.Responses))
        {
            headersClass = _schemas.ReserveTypeName(typeBase + "ResponseHeaders");
            headers = ResponseHeaders.Map(operation.Responses, headersClass);
            if (_headersClasses.TryGetValue(headers, out string? same))
            {
                // The same headers as an earlier operation (names, types and descriptions): its class.
                headersClass = same;
                declaresHeaders = false;
            }
            else if (headers.Count > 0)
            {
                _headersClasses[headers] = headersClass;
            }
        }

        EquatableArray<EquatableArray<string>> security = Security(operation.Security ?? document.Security);
        OperationModel model = new(
            baseName,
            method.Method.ToUpperInvariant(),
            path,
            Documentation.Join(operation.Summary, operation.Description),
            operation.Deprecated,
            parameters.ToEquatableArray(),
            body,
            responses.ToEquatableArray(),
            security,
            server,
            SecurityField(security),
            server is null ? string.Empty : _methodNames.Claim("s_server_" + typeBase),
            _groupByTag ? OperationGroups.FirstTag(operation) : null,
            HeadersClass: headers.Count == 0 ? null : headersClass,
            Headers: headers,
            DeclaresHeadersClass: declaresHeaders,
            OperationId: string.IsNullOrWhiteSpace(operation.OperationId) ? null : operation.OperationId,
            OperationField: _methodNames.Claim("s_operation_" + typeBase));
        return model with { Paging = DetectPaging(model, operation) };
    }

    /// <summary>
    /// The client's field for these security alternatives: one per distinct set, shared by every operation that
    /// requires it (Stripe's 468 operations share one), named in order of first use; none for an operation that
    /// requires nothing, so adding one leaves the client's file unchanged.
    /// </summary>
    private string SecurityField(EquatableArray<EquatableArray<string>> security)
    {
        if (security.Count == 0)
        {
            return string.Empty;
        }

        if (!_securityFields.TryGetValue(security, out string? field))
        {
            field = _methodNames.Claim("s_security" + _securityFields.Count.ToString(CultureInfo.InvariantCulture));
            _securityFields.Add(security, field);
        }

        return field;
    }

    private static bool HasSuccessHeaders(OpenApiResponses? responses)
        => responses is not null && responses.Any(r => r.Key.Length == 3 && r.Key[0] == '2' && References.Resolve(r.Value)?.Headers is { Count: > 0 } headers
            && headers.Keys.Any(k => !string.IsNullOrWhiteSpace(k) && !string.Equals(k, "Content-Type", StringComparison.OrdinalIgnoreCase)));

    /// <summary>The most specific servers win (operation, then path); one equal to the document's is not the operation's own.</summary>
    private ServerModel? OwnServer(IOpenApiPathItem pathItem, OpenApiOperation operation)
    {
        ServerModel? own = ServerReader.First(operation.Servers) ?? ServerReader.First(pathItem.Servers);
        return own == _documentServer ? null : own;
    }

    /// <param name="component">The name under <c>components/responses</c> when the operation refers to a shared response.</param>
    private ResponseModel MapResponse(string status, IOpenApiResponse? response, string typeBase, string pointer, string? component)
    {
        if (ContentKinds.Pick(response?.Content) is not { } content)
        {
            return new ResponseModel(status, null, ContentKind.None);
        }

        ContentKind kind = ContentKinds.Of(content.Key);
        string contentPointer = pointer + "/content/" + Escape(content.Key) + "/schema";
        TypeRef? type = kind switch
        {
            ContentKind.Json when component is not null => SharedType("#/components/responses/" + Escape(component) + "/content/" + Escape(content.Key) + "/schema", content.Value?.Schema, component, "Response"),
            ContentKind.Json => _schemas.Map(content.Value?.Schema, typeBase + "Response" + (status is "200" or "201" ? string.Empty : Identifiers.ToPascalCase("Status " + status).Substring(6)), contentPointer),

            // Stream items: the schema is the item's (or an array of items, as some specs write it).
            ContentKind.EventStream or ContentKind.NdJson => StreamItem(_schemas.Map(content.Value?.Schema, typeBase + "Event", contentPointer)),
            _ => null,
        };
        return new ResponseModel(status, type, kind);
    }

    /// <summary>
    /// The type of a schema written once under <c>components/responses</c> or <c>components/requestBodies</c> and
    /// referred to by many operations: mapped once, named after the component (Spotify: 293 copies of three
    /// error responses became three types).
    /// </summary>
    private TypeRef SharedType(string pointer, IOpenApiSchema? schema, string component, string suffix)
    {
        if (!_sharedTypes.TryGetValue(pointer, out TypeRef? type))
        {
            string name = Identifiers.ToPascalCase(component);
            type = _schemas.Map(schema, name.EndsWith(suffix, StringComparison.Ordinal) ? name : name + suffix, pointer);
            _sharedTypes[pointer] = type;
        }

        return type;
    }

    private static TypeRef Optional(TypeRef type, bool required) => required ? type : type.AsNullable();

    private static TypeRef StreamItem(TypeRef type) => type.Kind == TypeKind.List ? type.Element! : type;

    /// <summary>
    /// An optional body of a GET, HEAD, DELETE, OPTIONS or TRACE whose every schema is an object that allows no member
    /// (no properties, <c>additionalProperties: false</c>): it can carry nothing, and sending it only adds a
    /// Content-Type to a method without defined body semantics. Stripe declares one on 239 of its GETs and DELETEs.
    /// </summary>
    private static bool CarriesNothing(HttpMethod method, IOpenApiRequestBody? requestBody)
    {
        if (method != HttpMethod.Get && method != HttpMethod.Head && method != HttpMethod.Delete && method != HttpMethod.Options && method != HttpMethod.Trace)
        {
            return false;
        }

        if (References.Resolve(requestBody) is not { Required: false, Content: { Count: > 0 } content })
        {
            return false;
        }

        return content.Values.All(media => media?.Schema is { } schema && SafeSchema.Get(schema, static s =>
            (s.Type & ~JsonSchemaType.Null) is JsonSchemaType.Object or null
            && s.Properties is not { Count: > 0 }
            && s.PatternProperties is not { Count: > 0 }
            && !s.AdditionalPropertiesAllowed
            && s.AdditionalProperties is null
            && s.AllOf is not { Count: > 0 }
            && s.OneOf is not { Count: > 0 }
            && s.AnyOf is not { Count: > 0 }, false));
    }

    private RequestBodyModel? MapBody(OpenApiOperation operation, string typeBase, string pointer, NameRegistry parameterNames)
    {
        if (References.Resolve(operation.RequestBody) is not { } body || ContentKinds.Pick(body.Content) is not { } content)
        {
            return null;
        }

        ContentKind kind = ContentKinds.Of(content.Key);
        string schemaPointer = pointer + "/requestBody/content/" + Escape(content.Key) + "/schema";
        IOpenApiSchema? schema = content.Value?.Schema;
        switch (kind)
        {
            case ContentKind.Form:
            case ContentKind.Multipart:
                string encodingPointer = (operation.RequestBody is OpenApiRequestBodyReference { Reference.Id: { } id } ? "#/components/requestBodies/" + Escape(id) : pointer + "/requestBody")
                    + "/content/" + Escape(content.Key) + "/encoding/";
                EquatableArray<BodyFieldModel> fields = FieldEncodings.Apply(
                    _schemas.MapFields(schema, typeBase, schemaPointer, parameterNames),
                    content.Value?.Encoding,
                    field => _locator.Has(encodingPointer + Escape(field) + "/explode"));
                return new RequestBodyModel("body", TypeRef.AnyJson, body.Required, content.Key, kind, fields, body.Description);
            case ContentKind.Binary:
                return new RequestBodyModel(parameterNames.Claim("body"), Optional(new TypeRef(TypeKind.Stream), body.Required), body.Required, content.Key, kind, EquatableArray<BodyFieldModel>.Empty, body.Description);
            case ContentKind.Text:
                return new RequestBodyModel(parameterNames.Claim("body"), Optional(new TypeRef(TypeKind.String), body.Required), body.Required, content.Key, kind, EquatableArray<BodyFieldModel>.Empty, body.Description);
            case ContentKind.Json:
                TypeRef type = operation.RequestBody is OpenApiRequestBodyReference { Reference.Id: { } shared }
                    ? SharedType("#/components/requestBodies/" + Escape(shared) + "/content/" + Escape(content.Key) + "/schema", schema, shared, "Request")
                    : _schemas.Map(schema, typeBase + "Request", schemaPointer);
                // A required body is always sent, so the caller passes a value even where the schema admits null.
                return new RequestBodyModel(parameterNames.Claim("body"), body.Required ? type.AsNonNullable() : type.AsNullable(), body.Required, content.Key, kind, EquatableArray<BodyFieldModel>.Empty, body.Description);
            default:
                _diagnostics.Add(DiagnosticInfo.Create(
                    DiagnosticDescriptors.UnsupportedConstruct,
                    _locator.Locate(pointer + "/requestBody"),
                    pointer + "/requestBody",
                    "request bodies of type '" + content.Key + "' cannot be sent; the method sends no body"));
                return null;
        }
    }

    /// <summary>Path-level parameters, overridden by operation-level ones with the same name and location.</summary>
    private static List<(IOpenApiParameter Parameter, string Pointer)> MergedParameters(IOpenApiPathItem pathItem, OpenApiOperation operation, string pointer)
    {
        List<(IOpenApiParameter, string)> merged = new();
        List<IOpenApiParameter> own = (operation.Parameters ?? new List<IOpenApiParameter>()).Select(p => p is null ? null! : References.Resolve(p)).ToList();
        if (pathItem.Parameters is { } shared)
        {
            string pathPointer = pointer.Substring(0, pointer.LastIndexOf('/'));
            for (int i = 0; i < shared.Count; i++)
            {
                IOpenApiParameter parameter = shared[i] is null ? null! : References.Resolve(shared[i]);
                if (parameter is not null && !own.Any(o => o is not null && o.Name == parameter.Name && o.In == parameter.In))
                {
                    merged.Add((parameter, pathPointer + "/parameters/" + i));
                }
            }
        }

        for (int i = 0; i < own.Count; i++)
        {
            if (own[i] is not null)
            {
                merged.Add((own[i], pointer + "/parameters/" + i));
            }
        }

        return merged;
    }

    /// <summary>
    /// Header parameters named Accept and Content-Type are ignored, as OpenAPI says. Authorization, which OpenAPI lists
    /// too, is deliberately kept: specs written from code (FastAPI's <c>Header()</c>) document it as the only way to
    /// authenticate, and leaving it out would make the operation unusable; it is sent as a credential.
    /// </summary>
    private static bool IsIgnoredHeader(string name)
        => string.Equals(name, "Accept", StringComparison.OrdinalIgnoreCase) || string.Equals(name, "Content-Type", StringComparison.OrdinalIgnoreCase);

    private static SerializationStyle StyleOf(IOpenApiParameter parameter, ParameterLocation location)
    {
        return parameter.Style switch
        {
            ParameterStyle.Label => SerializationStyle.Label,
            ParameterStyle.Matrix => SerializationStyle.Matrix,
            ParameterStyle.PipeDelimited => SerializationStyle.PipeDelimited,
            ParameterStyle.SpaceDelimited => SerializationStyle.SpaceDelimited,
            ParameterStyle.DeepObject => SerializationStyle.DeepObject,
            ParameterStyle.Form => SerializationStyle.Form,
            ParameterStyle.Simple => SerializationStyle.Simple,
            _ => location is ParameterLocation.Query or ParameterLocation.Cookie ? SerializationStyle.Form : SerializationStyle.Simple,
        };
    }

    private static EquatableArray<EquatableArray<string>> Security(IList<OpenApiSecurityRequirement>? requirements)
    {
        if (requirements is null)
        {
            return EquatableArray<EquatableArray<string>>.Empty;
        }

        return requirements
            .Select(requirement => requirement.Keys.Select(k => k.Reference?.Id).Where(id => id is not null).Select(id => id!).ToEquatableArray())
            .ToEquatableArray();
    }

    private static string Escape(string segment) => segment.Replace("~", "~0").Replace("/", "~1");
}
