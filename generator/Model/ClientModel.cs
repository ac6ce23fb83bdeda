// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using LiveAvatarGen.Generator.Infrastructure;

namespace LiveAvatarGen.Generator.Model;

/// <summary>The client class of one spec, with its options class, its interface and its DI registration class.</summary>
internal sealed record ClientModel(
    string HintPrefix,
    string Namespace,
    string Name,
    string OptionsName,
    string InterfaceName,
    string ServiceCollectionExtensionsName,
    string? Documentation,
    ServerModel? DefaultServer,
    EquatableArray<ServerVariableOption> ServerVariables,
    EquatableArray<SecuritySchemeModel> SecuritySchemes,
    EquatableArray<OperationModel> Operations);

/// <summary>A server of the spec: its URL template and the defaults of its variables.</summary>
internal sealed record ServerModel(string Url, EquatableArray<ServerVariableModel> Variables);

/// <summary>A variable of a server URL with its default, and what documents it for the options property.</summary>
internal sealed record ServerVariableModel(string Name, string Default, string? Description, EquatableArray<string> Enum);

/// <summary>
/// An options property for a server variable. Variables with the same name in several servers share it: the name
/// means the same thing (a region, an environment) wherever the spec uses it.
/// </summary>
internal sealed record ServerVariableOption(string Name, string PropertyName, string Documentation);

/// <summary>
/// One operation with what its file needs from the client: one output per operation, so adding an operation adds
/// one file and leaves every other output unchanged.
/// </summary>
internal sealed record OperationOutput(string HintPrefix, string Namespace, string ClientName, string InterfaceName, EquatableArray<SecuritySchemeModel> SecuritySchemes, OperationModel Operation)
{
    public static EquatableArray<OperationOutput> From(ClientModel client)
    {
        OperationOutput[] outputs = new OperationOutput[client.Operations.Count];
        for (int i = 0; i < outputs.Length; i++)
        {
            outputs[i] = new OperationOutput(client.HintPrefix, client.Namespace, client.Name, client.InterfaceName, client.SecuritySchemes, client.Operations[i]);
        }

        return new EquatableArray<OperationOutput>(outputs);
    }
}

/// <summary>A security scheme, configured once in the options.</summary>
/// <param name="SchemeName">The name under <c>components.securitySchemes</c>.</param>
/// <param name="PropertyName">The options property that holds the credential.</param>
/// <param name="Kind">How the credential travels.</param>
/// <param name="ParameterName">The header, query or cookie name for API keys.</param>
/// <param name="FieldName">The client's static field describing the scheme, named by the client-member registry.</param>
internal sealed record SecuritySchemeModel(string SchemeName, string PropertyName, SecuritySchemeKind Kind, string ParameterName, string? Documentation, string FieldName = "");

/// <summary>One operation: one client method.</summary>
/// <param name="Server">The operation's or its path's own server; null when it uses the document's.</param>
internal sealed record OperationModel(
    string MethodName,
    string HttpMethod,
    string PathTemplate,
    string? Documentation,
    bool IsDeprecated,
    EquatableArray<ParameterModel> Parameters,
    RequestBodyModel? Body,
    EquatableArray<ResponseModel> Responses,
    EquatableArray<EquatableArray<string>> Security,
    ServerModel? Server = null,
    string SecurityField = "",
    string ServerField = "",
    PagingModel? Paging = null);

/// <summary>Where a parameter travels.</summary>
internal enum ParameterLocation
{
    Path,
    Query,
    Header,
    Cookie,
}

/// <summary>A parameter of an operation.</summary>
/// <param name="Style">The OpenAPI style, resolved to its default for the location when the spec is silent.</param>
internal sealed record ParameterModel(string JsonName, string Name, ParameterLocation Location, TypeRef Type, bool IsRequired, SerializationStyle Style, bool Explode, string? Documentation);

/// <summary>How a body travels.</summary>
internal enum ContentKind
{
    None,
    Json,
    Form,
    Multipart,
    Binary,
    Text,
    EventStream,
    NdJson,
}

/// <summary>A request body. JSON bodies are one parameter; form and multipart bodies are one parameter per field.</summary>
internal sealed record RequestBodyModel(string Name, TypeRef Type, bool IsRequired, string MediaType, ContentKind Kind, EquatableArray<BodyFieldModel> Fields, string? Documentation);

/// <summary>A field of a form or multipart body; files travel as multipart file parts.</summary>
/// <param name="Style">The encoding's style (form, spaceDelimited, pipeDelimited, deepObject); form by default.</param>
/// <param name="Explode">The encoding's explode, defaulted by the style (true for form).</param>
/// <param name="IsStyled">The encoding sets style or explode; OpenAPI then ignores its content type and serializes as a query parameter of that style.</param>
/// <param name="ContentType">The encoding's content type when it names one concrete media type; null otherwise.</param>
internal sealed record BodyFieldModel(string JsonName, string Name, TypeRef Type, bool IsRequired, bool IsFile, string? Documentation, SerializationStyle Style = SerializationStyle.Form, bool Explode = true, bool IsStyled = false, string? ContentType = null);

/// <summary>A documented response.</summary>
/// <param name="StatusCode">A code such as <c>200</c>, a range such as <c>4XX</c>, or <c>default</c>.</param>
/// <param name="Type">The body's item type for JSON, event streams and NDJSON; null otherwise.</param>
/// <param name="Kind">How the body is read.</param>
internal sealed record ResponseModel(string StatusCode, TypeRef? Type, ContentKind Kind);
