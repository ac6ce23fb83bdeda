// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using LiveAvatarGen.Generator.Infrastructure;

namespace LiveAvatarGen.Generator.Model;

/// <summary>
/// One generated type, emitted to one file. Subtypes are records of strings, primitives and equatable arrays,
/// so equal specs give equal models and the incremental cache skips unchanged files.
/// </summary>
/// <param name="HintPrefix">Unique per spec, so two specs never produce the same hint name.</param>
/// <param name="Namespace">The C# namespace.</param>
/// <param name="Name">The C# type name.</param>
/// <param name="Documentation">The XML doc summary text, from the schema's title and description.</param>
internal abstract record TypeModel(string HintPrefix, string Namespace, string Name, string? Documentation);

/// <summary>A class for an object schema.</summary>
internal sealed record ObjectModel(
    string HintPrefix,
    string Namespace,
    string Name,
    string? Documentation,
    bool IsDeprecated,
    EquatableArray<PropertyModel> Properties,
    TypeRef? AdditionalProperties)
    : TypeModel(HintPrefix, Namespace, Name, Documentation);

/// <summary>A property of an object schema.</summary>
/// <param name="JsonName">The exact wire name.</param>
/// <param name="Name">The C# property name.</param>
/// <param name="Type">The declared type; nullable where JSON null or absence is possible.</param>
/// <param name="IsRequired">Whether the spec lists the property in <c>required</c>.</param>
/// <param name="DefaultValue">A C# expression for the spec's default, or null.</param>
/// <param name="Documentation">XML doc text.</param>
/// <param name="IsDeprecated">Emits [Obsolete].</param>
internal sealed record PropertyModel(string JsonName, string Name, TypeRef Type, bool IsRequired, string? DefaultValue, string? Documentation, bool IsDeprecated);

/// <summary>An open enum: a struct that knows the spec's values but keeps any other value it reads.</summary>
internal sealed record EnumModel(string HintPrefix, string Namespace, string Name, string? Documentation, EquatableArray<EnumMemberModel> Members)
    : TypeModel(HintPrefix, Namespace, Name, Documentation);

/// <summary>A known value of an open enum.</summary>
internal sealed record EnumMemberModel(string Name, string Value);

/// <summary>A validated string: a struct that checks pattern and length when built or read.</summary>
/// <param name="Pattern">The .NET pattern, translated from the spec's ECMA-262 pattern; null when there is none.</param>
/// <param name="SpecPattern">The pattern as the spec wrote it, for messages.</param>
/// <param name="IsDecimalString">True for pydantic's decimal-as-string pattern: the type also converts to and from decimal.</param>
internal sealed record ValueTypeModel(
    string HintPrefix,
    string Namespace,
    string Name,
    string? Documentation,
    string? Pattern,
    string? SpecPattern,
    int MinLength,
    int MaxLength,
    bool IsDecimalString)
    : TypeModel(HintPrefix, Namespace, Name, Documentation);

/// <summary>A union (oneOf/anyOf/type array): keeps the raw JSON and offers each variant.</summary>
internal sealed record UnionModel(string HintPrefix, string Namespace, string Name, string? Documentation, EquatableArray<UnionVariantModel> Variants)
    : TypeModel(HintPrefix, Namespace, Name, Documentation);

/// <summary>One variant of a union.</summary>
internal sealed record UnionVariantModel(string Name, TypeRef Type);

/// <summary>The spec's generic response envelope, <c>{code, data, message}</c>.</summary>
/// <param name="DefaultCode">The spec's default for <c>code</c>.</param>
internal sealed record EnvelopeModel(string HintPrefix, string Namespace, string Name, string? Documentation, int DefaultCode)
    : TypeModel(HintPrefix, Namespace, Name, Documentation);
