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
    string? DefaultServerUrl,
    EquatableArray<SecuritySchemeModel> SecuritySchemes,
    EquatableArray<OperationModel> Operations);

/// <summary>A security scheme, configured once in the options.</summary>
/// <param name="SchemeName">The name under <c>components.securitySchemes</c>.</param>
/// <param name="PropertyName">The options property that holds the credential.</param>
/// <param name="Kind">The runtime's ApiSecuritySchemeKind member name.</param>
/// <param name="ParameterName">The header, query or cookie name for API keys.</param>
internal sealed record SecuritySchemeModel(string SchemeName, string PropertyName, string Kind, string ParameterName, string? Documentation);

/// <summary>One operation: one client method.</summary>
internal sealed record OperationModel(
    string MethodName,
    string HttpMethod,
    string PathTemplate,
    string? Documentation,
    bool IsDeprecated,
    EquatableArray<ParameterModel> Parameters,
    RequestBodyModel? Body,
    EquatableArray<ResponseModel> Responses,
    EquatableArray<EquatableArray<string>> Security);

/// <summary>Where a parameter travels.</summary>
internal enum ParameterLocation
{
    Path,
    Query,
    Header,
    Cookie,
}

/// <summary>A parameter of an operation.</summary>
internal sealed record ParameterModel(string JsonName, string Name, ParameterLocation Location, TypeRef Type, bool IsRequired, bool Explode, string? Documentation);

/// <summary>A JSON request body.</summary>
internal sealed record RequestBodyModel(string Name, TypeRef Type, bool IsRequired, string MediaType, string? Documentation);

/// <summary>A documented response.</summary>
/// <param name="StatusCode">A code such as <c>200</c>, a range such as <c>4XX</c>, or <c>default</c>.</param>
/// <param name="Type">The JSON body's type, or null when there is no JSON body.</param>
internal sealed record ResponseModel(string StatusCode, TypeRef? Type);
