// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

namespace LiveAvatarGen.Generator.Model;

/// <summary>How a parameter or a form field is serialized: OpenAPI's <c>style</c>, resolved to its default where the spec is silent.</summary>
internal enum SerializationStyle
{
    Form,
    Simple,
    Label,
    Matrix,
    SpaceDelimited,
    PipeDelimited,
    DeepObject,
}

/// <summary>How a security scheme's credential travels; the members match the runtime's <c>ApiSecuritySchemeKind</c>.</summary>
internal enum SecuritySchemeKind
{
    ApiKeyHeader,
    ApiKeyQuery,
    ApiKeyCookie,
    Bearer,
    Basic,
}
