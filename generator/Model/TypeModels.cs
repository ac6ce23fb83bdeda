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
/// <param name="AdditionalPropertiesName">
/// The property that keeps the members the spec does not declare, so a read-modify-write loses nothing; named by
/// the member registry (<c>AdditionalProperties</c> unless a declared property took it).
/// </param>
/// <param name="AdditionalPropertiesType">Their type: the schema's <c>additionalProperties</c> when it gives one, else raw JSON.</param>
/// <param name="Hierarchy">Where the class sits in a class hierarchy (allOf of a base with a discriminator), or null for a plain sealed class.</param>
internal sealed record ObjectModel(
    string HintPrefix,
    string Namespace,
    string Name,
    string? Documentation,
    bool IsDeprecated,
    EquatableArray<PropertyModel> Properties,
    string AdditionalPropertiesName = "AdditionalProperties",
    TypeRef? AdditionalPropertiesType = null,
    GenericSlot? Generic = null,
    HierarchyModel? Hierarchy = null)
    : TypeModel(HintPrefix, Namespace, Name, Documentation);

/// <summary>
/// What makes an object class generic: schemas of the same shape except for one type (pydantic's
/// <c>PaginatedResponse_AvatarSchema_</c>, <c>PaginatedResponse_VoiceSchema_</c>) became one class over it.
/// </summary>
/// <param name="TypeParameter">The type parameter's name (<c>T</c>); properties refer to it as a <see cref="TypeKind.TypeParameter"/>.</param>
/// <param name="ConverterName">The JsonConverterFactory class that serves JsonSerializer for each argument below.</param>
/// <param name="Arguments">The type arguments the spec uses, one per merged schema, in the order of their schema names.</param>
/// <param name="MergedSchemas">The component names merged, for documentation and the LAG2004 report.</param>
internal sealed record GenericSlot(string TypeParameter, string ConverterName, EquatableArray<TypeRef> Arguments, EquatableArray<string> MergedSchemas);

/// <summary>
/// A class in a hierarchy: a base schema with a <c>discriminator</c> and the schemas that are <c>allOf</c> it plus
/// members of their own. The base reads the class its tag names; a derived class declares only its own members.
/// </summary>
/// <param name="Discriminator">The tag's JSON name; the base declares it as a string member.</param>
/// <param name="Tag">
/// The tag this class starts with: a derived class's first mapping value (else its component name); the base's own
/// mapping value (else its component name), used only when code builds a base and the tag is required.
/// </param>
/// <param name="Base">The base class, or null for the base itself.</param>
/// <param name="InheritedCount">How many of the first <see cref="ObjectModel.Properties"/> the base declares (0 for the base).</param>
/// <param name="Derived">For the base: each derived class with the tags that select it, in ordinal order of their names.</param>
internal sealed record HierarchyModel(string Discriminator, string Tag, TypeRef? Base, int InheritedCount, EquatableArray<DerivedClassModel> Derived)
{
    public bool IsBase => Base is null;
}

/// <summary>A derived class and the discriminator values that select it when the base is read.</summary>
internal sealed record DerivedClassModel(TypeRef Type, EquatableArray<string> Tags);

/// <summary>A property of an object schema.</summary>
/// <param name="JsonName">The exact wire name.</param>
/// <param name="Name">The C# property name.</param>
/// <param name="Type">The declared type; nullable where JSON null or absence is possible.</param>
/// <param name="IsRequired">Whether the spec lists the property in <c>required</c>.</param>
/// <param name="DefaultJson">The spec's default as JSON text, or null: documentation only, since an unset member is not sent.</param>
/// <param name="Documentation">XML doc text.</param>
/// <param name="IsDeprecated">Emits [Obsolete].</param>
/// <param name="Access">ReadOnly: only servers send it, so code need not set it. WriteOnly: only clients send it, so a response may leave it out.</param>
/// <param name="ConstJson">
/// The spec's <c>const</c> as JSON text (a string, number or boolean), or null. A const member has one legal value,
/// so it starts with that value and is always sent: it is the tag that tells variants apart, not a default.
/// </param>
internal sealed record PropertyModel(string JsonName, string Name, TypeRef Type, bool IsRequired, string? DefaultJson, string? Documentation, bool IsDeprecated, PropertyAccess Access = PropertyAccess.ReadWrite, string? ConstJson = null);

/// <summary>The spec's readOnly / writeOnly.</summary>
internal enum PropertyAccess
{
    ReadWrite,
    ReadOnly,
    WriteOnly,
}

/// <summary>An open enum: a struct that knows the spec's values but keeps any other value it reads.</summary>
/// <param name="IsInteger">An integer enum: the struct wraps a long instead of a string.</param>
internal sealed record EnumModel(string HintPrefix, string Namespace, string Name, string? Documentation, bool IsInteger, EquatableArray<EnumMemberModel> Members)
    : TypeModel(HintPrefix, Namespace, Name, Documentation);

/// <summary>A known value of an open enum; <paramref name="Value"/> is the wire text (a JSON number for integer enums).</summary>
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

/// <summary>A validated number: a struct that checks the spec's bounds when constructed and when read.</summary>
/// <param name="Underlying">Int32, Int64, Float, Double or Decimal.</param>
/// <param name="Minimum">Bounds as invariant numeric text, or null.</param>
internal sealed record NumberTypeModel(
    string HintPrefix,
    string Namespace,
    string Name,
    string? Documentation,
    TypeKind Underlying,
    string? Minimum,
    string? Maximum,
    string? ExclusiveMinimum,
    string? ExclusiveMaximum,
    string? MultipleOf)
    : TypeModel(HintPrefix, Namespace, Name, Documentation);

/// <summary>A union (oneOf/anyOf/type array): keeps the raw JSON and offers each variant.</summary>
/// <param name="Discriminator">The discriminator property's JSON name, or null.</param>
internal sealed record UnionModel(string HintPrefix, string Namespace, string Name, string? Documentation, EquatableArray<UnionVariantModel> Variants, string? Discriminator)
    : TypeModel(HintPrefix, Namespace, Name, Documentation);

/// <summary>One variant of a union, with the discriminator values that select it (empty without a discriminator).</summary>
internal sealed record UnionVariantModel(string Name, TypeRef Type, EquatableArray<string> DiscriminatorValues);

/// <summary>The spec's generic response envelope, <c>{code, data, message}</c>.</summary>
/// <param name="DefaultCode">The spec's default for <c>code</c>.</param>
internal sealed record EnvelopeModel(string HintPrefix, string Namespace, string Name, string? Documentation, int DefaultCode)
    : TypeModel(HintPrefix, Namespace, Name, Documentation);
