// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System.Linq;
using LiveAvatarGen.Generator.Infrastructure;
using LiveAvatarGen.Generator.Model;

namespace LiveAvatarGen.Tests.Harness;

/// <summary>
/// Builds model records by hand for parser expectations and emitter inputs. Every test constructs models through
/// these helpers, so a change to a model record (a field added, a string becoming an enum, such as
/// <see cref="ParameterModel.Style"/> or <see cref="SecuritySchemeModel.Kind"/>) is fixed here once.
/// </summary>
internal static class ModelFactory
{
    public const string Namespace = "Test.Api";

    public const string ClientName = "TestClient";

    public const string HintPrefix = Namespace + "." + ClientName;

    public static string Global(string typeName) => "global::" + Namespace + "." + typeName;

    // Types.
    public static TypeRef Class(string name, bool nullable = false) => new(TypeKind.Class, Global(name), IsNullable: nullable);

    public static TypeRef Struct(string name, bool nullable = false) => new(TypeKind.Struct, Global(name), IsNullable: nullable);

    public static TypeRef Of(TypeKind kind, bool nullable = false) => new(kind, IsNullable: nullable);

    public static TypeRef ListOf(TypeRef item, bool nullable = false) => new(TypeKind.List, Element: item, IsNullable: nullable);

    public static TypeRef MapOf(TypeRef item, bool nullable = false) => new(TypeKind.Map, Element: item, IsNullable: nullable);

    public static TypeRef EnvelopeOf(TypeRef data, string envelopeName = "ApiEnvelope") => new(TypeKind.Generic, Global(envelopeName), data);

    public static ObjectModel Object(string name, params PropertyModel[] properties) => new(HintPrefix, Namespace, name, "The " + name + ".", false, properties.ToEquatableArray());

    /// <summary>The base of a class hierarchy: its discriminator, its own tag and each derived class with the tags that select it.</summary>
    public static ObjectModel BaseObject(string name, string discriminator, string tag, (string Name, string[] Tags)[] derived, params PropertyModel[] properties)
        => Object(name, properties) with
        {
            Hierarchy = new HierarchyModel(discriminator, tag, null, 0, derived.Select(d => new DerivedClassModel(Class(d.Name), d.Tags.ToEquatableArray())).ToEquatableArray()),
        };

    /// <summary>A class derived from <paramref name="baseModel"/>: the base's members first, as the parser lists them, then its own.</summary>
    public static ObjectModel DerivedObject(string name, ObjectModel baseModel, string tag, params PropertyModel[] own)
        => Object(name, baseModel.Properties.Concat(own).ToArray()) with
        {
            AdditionalPropertiesName = baseModel.AdditionalPropertiesName,
            AdditionalPropertiesType = baseModel.AdditionalPropertiesType,
            Hierarchy = new HierarchyModel(baseModel.Hierarchy!.Discriminator, tag, Class(baseModel.Name), baseModel.Properties.Count, EquatableArray<DerivedClassModel>.Empty),
        };

    public static PropertyModel Property(string jsonName, string name, TypeRef type, bool required = false, string? defaultJson = null, bool deprecated = false, PropertyAccess access = PropertyAccess.ReadWrite, string? constJson = null)
        => new(jsonName, name, type, required, defaultJson, "The " + jsonName + ".", deprecated, access, constJson);

    public static EnumModel Enum(string name, bool integer, params (string Name, string Value)[] members)
        => new(HintPrefix, Namespace, name, "The " + name + ".", integer, members.Select(m => new EnumMemberModel(m.Name, m.Value)).ToEquatableArray());

    public static ValueTypeModel ValueType(string name, string? pattern, int minLength = -1, int maxLength = -1, bool decimalString = false)
        => new(HintPrefix, Namespace, name, "The " + name + ".", pattern is null ? null : pattern.TrimEnd('$') + (pattern.EndsWith('$') ? "\\z" : string.Empty), pattern, minLength, maxLength, decimalString);

    public static NumberTypeModel NumberType(string name, TypeKind underlying, string? minimum = null, string? maximum = null, string? exclusiveMinimum = null, string? exclusiveMaximum = null, string? multipleOf = null)
        => new(HintPrefix, Namespace, name, "The " + name + ".", underlying, minimum, maximum, exclusiveMinimum, exclusiveMaximum, multipleOf);

    public static UnionModel Union(string name, string? discriminator, params (string Name, TypeRef Type, string[] Values)[] variants)
        => new(HintPrefix, Namespace, name, "The " + name + ".", variants.Select(v => new UnionVariantModel(v.Name, v.Type, v.Values.ToEquatableArray())).ToEquatableArray(), discriminator);

    public static EnvelopeModel Envelope(string name = "ApiEnvelope", int defaultCode = 1000) => new(HintPrefix, Namespace, name, "The envelope.", defaultCode);

    // Client.

    /// <param name="style">The OpenAPI style name (simple, label, matrix, form, spaceDelimited, pipeDelimited, deepObject).</param>
    public static ParameterModel Parameter(string jsonName, string name, ParameterLocation location, TypeRef type, bool required, string style, bool explode, string? documentation = null)
        => new(jsonName, name, location, type, required, StyleOf(style), explode, documentation);

    /// <param name="style">The encoding's OpenAPI style name (form, spaceDelimited, pipeDelimited, deepObject).</param>
    public static BodyFieldModel Field(string jsonName, string name, TypeRef type, bool required = false, bool isFile = false, string style = "form", bool explode = true, bool isStyled = false, string? contentType = null)
        => new(jsonName, name, type, required, isFile, null, StyleOf(style), explode, isStyled, contentType);

    /// <summary>The model's style for its OpenAPI spelling, as the emitters spell it back (<see cref="LiveAvatarGen.Generator.Emitting.StyleNames"/>).</summary>
    public static SerializationStyle StyleOf(string style)
        => System.Enum.GetValues<SerializationStyle>().Single(s => LiveAvatarGen.Generator.Emitting.StyleNames.Of(s) == style);

    public static RequestBodyModel JsonBody(TypeRef type, bool required = true) => new("body", type, required, "application/json", ContentKind.Json, EquatableArray<BodyFieldModel>.Empty, "The body.");

    public static RequestBodyModel FieldsBody(ContentKind kind, params BodyFieldModel[] fields)
        => new("body", TypeRef.AnyJson, true, kind == ContentKind.Multipart ? "multipart/form-data" : "application/x-www-form-urlencoded", kind, fields.ToEquatableArray(), null);

    public static RequestBodyModel RawBody(ContentKind kind, bool required = true)
        => kind == ContentKind.Binary
            ? new("body", Of(TypeKind.Stream), required, "application/octet-stream", kind, EquatableArray<BodyFieldModel>.Empty, null)
            : new("body", Of(TypeKind.String, nullable: !required), required, "text/plain", kind, EquatableArray<BodyFieldModel>.Empty, null);

    public static ResponseModel Response(string status, TypeRef? type = null, ContentKind kind = ContentKind.Json) => new(status, type, type is null && kind == ContentKind.Json ? ContentKind.None : kind);

    /// <param name="group">The tag of the sub-client the operation goes in; null for the client.</param>
    /// <param name="headers">Headers the success responses declare; they get a class named after the method.</param>
    public static OperationModel Operation(string methodName, string httpMethod, string path, ParameterModel[]? parameters = null, RequestBodyModel? body = null, ResponseModel[]? responses = null, string[][]? security = null, ServerModel? server = null, bool deprecated = false, string? group = null, ResponseHeaderModel[]? headers = null)
        => new OperationModel(
            methodName,
            httpMethod,
            path,
            "Calls " + httpMethod + " " + path + ".",
            deprecated,
            (parameters ?? System.Array.Empty<ParameterModel>()).ToEquatableArray(),
            body,
            (responses ?? new[] { Response("204") }).ToEquatableArray(),
            (security ?? System.Array.Empty<string[]>()).Select(s => s.ToEquatableArray()).ToEquatableArray(),
            server,
            security is { Length: > 0 } ? "s_security_" + methodName.Replace("Async", string.Empty, System.StringComparison.Ordinal) : string.Empty,
            server is null ? string.Empty : "s_server_" + methodName.Replace("Async", string.Empty, System.StringComparison.Ordinal),
            group,
            methodName.Replace("Async", "WithResponseAsync", System.StringComparison.Ordinal),
            "Create" + methodName.Replace("Async", "Request", System.StringComparison.Ordinal),
            headers is { Length: > 0 } ? methodName.Replace("Async", "ResponseHeaders", System.StringComparison.Ordinal) : null,
            (headers ?? System.Array.Empty<ResponseHeaderModel>()).ToEquatableArray(),
            OperationId: char.ToLowerInvariant(methodName[0]) + methodName.Substring(1, methodName.Length - 1 - "Async".Length),
            OperationField: "s_operation_" + methodName.Replace("Async", string.Empty, System.StringComparison.Ordinal));

    public static ResponseHeaderModel Header(string wireName, string propertyName, TypeKind kind)
        => new(wireName, propertyName, new TypeRef(kind, IsNullable: true), "The " + wireName + " header.");

    /// <summary>A sub-client for <paramref name="tag"/>, named as the parser names it.</summary>
    public static OperationGroupModel Group(string tag, string propertyName)
        => new(tag, propertyName, "Test" + propertyName + "Client", "ITest" + propertyName + "Client", "Operations about " + tag + ".");

    /// <param name="kind">The runtime's ApiSecuritySchemeKind member name: ApiKeyHeader, ApiKeyQuery, ApiKeyCookie, Bearer or Basic.</param>
    public static SecuritySchemeModel Scheme(string schemeName, string kind, string parameterName = "")
        => new(schemeName, schemeName, System.Enum.Parse<SecuritySchemeKind>(kind), parameterName, "The credential for " + schemeName + ".", "s_scheme_" + schemeName);

    public static ServerModel Server(string url, params (string Name, string Default)[] variables)
        => new(url, variables.Select(v => new ServerVariableModel(v.Name, v.Default, null, EquatableArray<string>.Empty)).ToEquatableArray());

    public static ClientModel Client(SecuritySchemeModel[]? schemes = null, ServerModel? server = null, ServerVariableOption[]? serverVariables = null, params OperationModel[] operations)
        => Client(schemes, server, serverVariables, System.Array.Empty<OperationGroupModel>(), operations);

    public static ClientModel Client(SecuritySchemeModel[]? schemes, ServerModel? server, ServerVariableOption[]? serverVariables, OperationGroupModel[] groups, params OperationModel[] operations)
        => new(
            HintPrefix,
            Namespace,
            ClientName,
            ClientName + "Options",
            "I" + ClientName,
            ClientName + "ServiceCollectionExtensions",
            ClientName + "JsonConverter",
            "The test API.",
            server,
            (serverVariables ?? System.Array.Empty<ServerVariableOption>()).ToEquatableArray(),
            (schemes ?? System.Array.Empty<SecuritySchemeModel>()).ToEquatableArray(),
            operations.ToEquatableArray(),
            groups.ToEquatableArray(),
            SecurityFieldModel.Of(operations.ToEquatableArray()));

    /// <summary>The operation's file as the pipeline makes it: in the sub-client of its group, if any.</summary>
    public static OperationOutput OperationFile(ClientModel client, OperationModel operation)
        => OperationOutput.From(client with { Operations = new[] { operation }.ToEquatableArray() })[0];
}
