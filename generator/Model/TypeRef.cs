// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

namespace LiveAvatarGen.Generator.Model;

/// <summary>The wire shape of a value, which decides its C# type and how it is read and written.</summary>
internal enum TypeKind
{
    String,
    Boolean,
    Int32,
    Int64,
    Float,
    Double,
    Decimal,
    Guid,
    DateTimeOffset,
    Date,
    Bytes,
    /// <summary>Any JSON, kept as a detached JsonElement.</summary>
    Any,
    /// <summary>A generated class (object, union or other reference type).</summary>
    Class,
    /// <summary>A generated struct (open enum or validated value).</summary>
    Struct,
    List,
    Map,
    /// <summary>
    /// A generated generic type with one type argument, <see cref="TypeRef.Element"/>: the response envelope
    /// (<c>ApiEnvelope&lt;T&gt;</c>) or a family of same-shaped schemas (<c>PaginatedResponse&lt;T&gt;</c>).
    /// </summary>
    Generic,
    /// <summary>The type parameter of a generic family's own members; read and written through the delegates its ReadJson and WriteJson take.</summary>
    TypeParameter,
    /// <summary>A raw byte stream (octet-stream bodies).</summary>
    Stream,
    /// <summary>A file part of a multipart body.</summary>
    File,
}

/// <summary>
/// A reference to a type by name, never by object: models stay acyclic and equatable even for recursive schemas.
/// </summary>
/// <param name="Kind">The wire shape.</param>
/// <param name="FullName">For generated types, the <c>global::</c>-qualified name.</param>
/// <param name="Element">For lists, maps and envelopes, the item type.</param>
/// <param name="IsNullable">Whether JSON null is allowed.</param>
/// <param name="Length">For an inline string with only length rules, the rules: such a string stays a <c>string</c>
/// and the object that holds it checks the length (a value type per <c>maxLength: 5000</c> would be noise).</param>
internal sealed record TypeRef(TypeKind Kind, string? FullName = null, TypeRef? Element = null, bool IsNullable = false, LengthRule? Length = null)
{
    public static readonly TypeRef AnyJson = new(TypeKind.Any);

    public bool IsValueType => Kind is not (TypeKind.String or TypeKind.Bytes or TypeKind.Class or TypeKind.List or TypeKind.Map or TypeKind.Generic or TypeKind.TypeParameter or TypeKind.Stream or TypeKind.File);

    /// <summary>Whether a type parameter occurs anywhere in the type: its readers and writers then use the family's delegates, so lambdas cannot be static.</summary>
    public bool HasTypeParameter => Kind == TypeKind.TypeParameter || (Element?.HasTypeParameter ?? false);

    public TypeRef AsNullable() => IsNullable ? this : this with { IsNullable = true };

    public TypeRef AsNonNullable() => IsNullable ? this with { IsNullable = false } : this;
}

/// <summary>A string's <c>minLength</c> and <c>maxLength</c>, each -1 when absent; counted in code points, as JSON Schema counts.</summary>
internal sealed record LengthRule(int Min, int Max)
{
    /// <summary>The rule in words for documentation: "at least 1 and at most 255 characters".</summary>
    public string Describe()
    {
        string min = "at least " + Min.ToString(System.Globalization.CultureInfo.InvariantCulture);
        string max = "at most " + Max.ToString(System.Globalization.CultureInfo.InvariantCulture);
        string words = Min >= 0 && Max >= 0 ? min + " and " + max : Min >= 0 ? min : max;
        return words + " characters";
    }
}
