// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using LiveAvatarGen.Generator.Model;

namespace LiveAvatarGen.Generator.Emitting;

/// <summary>C# spelling of types, and the code that reads, writes and formats values of each.</summary>
internal static class TypeSyntax
{
    public const string Runtime = "global::LiveAvatarGen.Runtime";
    public const string JsonRead = Runtime + ".Json.JsonRead";
    public const string JsonWrite = Runtime + ".Json.JsonWrite";
    public const string JsonNameTable = Runtime + ".Json.JsonNameTable";
    public const string JsonReading = Runtime + ".Json.JsonReading";
    public const string StringRules = Runtime + ".Validation.StringRules";
    public const string Reader = "global::System.Text.Json.Utf8JsonReader";
    public const string Writer = "global::System.Text.Json.Utf8JsonWriter";
    public const string Invariant = "global::System.Globalization.CultureInfo.InvariantCulture";

    /// <summary>The delegate a generic family's ReadJson takes for its type parameter.</summary>
    public const string SlotReader = "readSlot";

    /// <summary>The delegate a generic family's WriteJson takes for its type parameter.</summary>
    public const string SlotWriter = "writeSlot";

    public static string Of(TypeRef type, CompilationFacts facts)
    {
        string core = type.Kind switch
        {
            TypeKind.String => "string",
            TypeKind.Boolean => "bool",
            TypeKind.Int32 => "int",
            TypeKind.Int64 => "long",
            TypeKind.Float => "float",
            TypeKind.Double => "double",
            TypeKind.Decimal => "decimal",
            TypeKind.Guid => "global::System.Guid",
            TypeKind.DateTimeOffset => "global::System.DateTimeOffset",
            TypeKind.Date => facts.HasDateOnly ? "global::System.DateOnly" : "string",
            TypeKind.Bytes => "byte[]",
            TypeKind.Any => "global::System.Text.Json.JsonElement",
            TypeKind.List => "global::System.Collections.Generic.IReadOnlyList<" + Of(type.Element!, facts) + ">",
            TypeKind.Map => "global::System.Collections.Generic.IReadOnlyDictionary<string, " + Of(type.Element!, facts) + ">",
            TypeKind.Generic => type.FullName + "<" + Of(type.Element!, facts) + ">",
            TypeKind.Stream => "global::System.IO.Stream",
            TypeKind.File => Runtime + ".Http.ApiFile",
            TypeKind.TypeParameter => type.FullName!,
            _ => type.FullName!,
        };
        return type.IsNullable ? core + "?" : core;
    }

    /// <summary>An expression reading a value of the type from <paramref name="reader"/> (positioned on its first token).</summary>
    public static string Read(TypeRef type, string reader, CompilationFacts facts, int depth = 0)
    {
        string byRef = "ref " + reader;
        if (PrimitiveName(type, facts) is { } primitive)
        {
            // The runtime's reader, or its ...OrNull form where JSON null is allowed.
            return JsonRead + "." + primitive + (type.IsNullable ? "OrNull(" : "(") + byRef + ")";
        }

        if (type.IsNullable)
        {
            // A reference type takes a plain null. A struct takes default(T?): with a plain null the conditional would
            // take T's type where T converts from null (an open enum converts from string), and read JSON null as a value.
            string none = type.Kind is TypeKind.Class or TypeKind.List or TypeKind.Map or TypeKind.Generic ? "null" : "default(" + Of(type, facts) + ")";
            return JsonRead + ".IsNull(" + byRef + ") ? " + none + " : " + Read(type.AsNonNullable(), reader, facts, depth);
        }

        string lambdaReader = "r" + depth.ToString(CultureInfo.InvariantCulture);

        return type.Kind switch
        {
            TypeKind.List when type.Element!.Kind == TypeKind.List && ItemReaderGroup(type.Element!, facts) is { } listItemReader => JsonRead + ".ListOfLists<" + Of(type.Element!.Element!, facts) + ">(" + byRef + ", " + listItemReader + ")",
            TypeKind.List => JsonRead + ".List<" + Of(type.Element!, facts) + ">(" + byRef + ", " + ReadLambda(type.Element!, lambdaReader, facts, depth) + ")",
            TypeKind.Map when type.Element!.Kind == TypeKind.List && ItemReaderGroup(type.Element!, facts) is { } itemReader => JsonRead + ".MapOfLists<" + Of(type.Element!.Element!, facts) + ">(" + byRef + ", " + itemReader + ")",
            TypeKind.Map => JsonRead + ".Map<" + Of(type.Element!, facts) + ">(" + byRef + ", " + ReadLambda(type.Element!, lambdaReader, facts, depth) + ")",
            TypeKind.Generic => Of(type, facts) + ".ReadJson(" + byRef + ", " + ReadLambda(type.Element!, lambdaReader, facts, depth) + ")",
            TypeKind.TypeParameter => SlotReader + "(" + byRef + ")",
            _ => type.FullName + ".ReadJson(" + byRef + ")",
        };
    }

    /// <summary>A delegate reading the type, for collections, envelopes and response handlers.</summary>
    public static string ReadLambda(TypeRef type, string reader, CompilationFacts facts, int depth)
    {
        if (!type.IsNullable && type.Kind is TypeKind.Class or TypeKind.Struct)
        {
            // The runtime's one delegate per type where the type implements IJsonCodec; otherwise a method group,
            // whose delegate the compiler caches in a nested class of each type naming it.
            return facts.HasJsonCodecs ? "global::LiveAvatarGen.Runtime.Json.JsonCodecReader<" + type.FullName + ">.Read" : type.FullName + ".ReadJson";
        }

        if (PrimitiveName(type, facts) is { } primitive)
        {
            // Also a method group, not a lambda: see JsonWrite on what a lambda's closure class costs NativeAOT.
            return JsonRead + "." + primitive + (type.IsNullable ? "OrNull" : string.Empty);
        }

        if (!type.IsNullable && type.Kind == TypeKind.TypeParameter)
        {
            return SlotReader;
        }

        return (type.HasTypeParameter ? string.Empty : "static ") + "(ref " + Reader + " " + reader + ") => " + Read(type, reader, facts, depth + 1);
    }

    /// <summary>Statements writing <paramref name="value"/> of the type with <paramref name="writer"/>.</summary>
    public static string Write(TypeRef type, string writer, string value, CompilationFacts facts, int depth = 0)
    {
        string d = depth.ToString(CultureInfo.InvariantCulture);
        if (type.IsNullable && type.Kind != TypeKind.Date && PrimitiveName(type, facts) is { } nullablePrimitive)
        {
            return JsonWrite + "." + nullablePrimitive + "OrNull(" + writer + ", " + value + ");";
        }

        if (type.IsNullable && type.Kind is TypeKind.List or TypeKind.Map)
        {
            // The runtime's collection writers write null for a null collection: no branch per member here.
            return Write(type.AsNonNullable(), writer, value, facts, depth);
        }

        if (type.IsNullable && facts.HasJsonCodecs && type.Kind is TypeKind.Class or TypeKind.Struct)
        {
            // The runtime tests for null and calls the type's writer: no branch per member here.
            return JsonWrite + "." + (type.Kind == TypeKind.Class ? "ObjectOrNull" : "ValueOrNull") + "(" + writer + ", " + value + ");";
        }

        if (type.IsNullable)
        {
            string unwrapped = "v" + d;
            // Braced: a pattern variable in an if condition is scoped to the enclosing block, and siblings would clash.
            return "{ if (" + value + " is { } " + unwrapped + ") { " + Write(type.AsNonNullable(), writer, unwrapped, facts, depth + 1) + " } else { " + writer + ".WriteNullValue(); } }";
        }

        return type.Kind switch
        {
            TypeKind.String or TypeKind.Guid or TypeKind.DateTimeOffset => writer + ".WriteStringValue(" + value + ");",
            TypeKind.Date => facts.HasDateOnly
                ? writer + ".WriteStringValue(" + value + ".ToString(\"yyyy-MM-dd\", " + Invariant + "));"
                : writer + ".WriteStringValue(" + value + ");",
            TypeKind.Boolean => writer + ".WriteBooleanValue(" + value + ");",
            TypeKind.Int32 or TypeKind.Int64 or TypeKind.Float or TypeKind.Double or TypeKind.Decimal => writer + ".WriteNumberValue(" + value + ");",
            TypeKind.Bytes => writer + ".WriteBase64StringValue(" + value + ");",
            TypeKind.Any => value + ".WriteTo(" + writer + ");",
            TypeKind.List when type.Element!.Kind == TypeKind.List && ItemWriterGroup(type.Element!, facts) is { } listItemWriter => JsonWrite + ".ListOfLists<" + Of(type.Element!.Element!, facts) + ">(" + writer + ", " + value + ", " + listItemWriter + ");",
            TypeKind.List => JsonWrite + ".List<" + Of(type.Element!, facts) + ">(" + writer + ", " + value + ", " + WriteLambda(type.Element!, facts, depth) + ");",
            TypeKind.Map when type.Element!.Kind == TypeKind.List && ItemWriterGroup(type.Element!, facts) is { } itemWriter => JsonWrite + ".MapOfLists<" + Of(type.Element!.Element!, facts) + ">(" + writer + ", " + value + ", " + itemWriter + ");",
            TypeKind.Map => JsonWrite + ".Map<" + Of(type.Element!, facts) + ">(" + writer + ", " + value + ", " + WriteLambda(type.Element!, facts, depth) + ");",
            TypeKind.Generic => Of(type, facts) + ".WriteJson(" + writer + ", " + value + ", " + WriteLambda(type.Element!, facts, depth) + ");",
            TypeKind.TypeParameter => SlotWriter + "(" + writer + ", " + value + ");",
            _ => type.FullName + ".WriteJson(" + writer + ", " + value + ");",
        };
    }

    public static string WriteLambda(TypeRef type, CompilationFacts facts, int depth)
    {
        if (!type.IsNullable && type.Kind is TypeKind.Class or TypeKind.Struct)
        {
            return facts.HasJsonCodecs ? "global::LiveAvatarGen.Runtime.Json.JsonCodecWriter<" + type.FullName + ">.Write" : type.FullName + ".WriteJson";
        }

        if (type.Kind != TypeKind.Date && PrimitiveName(type, facts) is { } primitive)
        {
            return JsonWrite + "." + primitive + (type.IsNullable ? "OrNull" : string.Empty);
        }

        if (!type.IsNullable && type.Kind == TypeKind.TypeParameter)
        {
            return SlotWriter;
        }

        string d = (depth + 1).ToString(CultureInfo.InvariantCulture);
        return (type.HasTypeParameter ? string.Empty : "static ") + "(" + Writer + " w" + d + ", " + Of(type, facts) + " item" + d + ") => { " + Write(type, "w" + d, "item" + d, facts, depth + 1) + " }";
    }

    /// <summary>
    /// For a list or map (never null) whose items have a method-group reader: that reader, so the runtime can read the
    /// collection inside another (<c>JsonRead.MapOfLists</c>, <c>ListOfLists</c>, <c>JsonUnion.TryReadList</c>) without a lambda, whose
    /// closure class would make NativeAOT keep the declaring type's converter. Null otherwise.
    /// </summary>
    public static string? ItemReaderGroup(TypeRef collection, CompilationFacts facts)
        => collection.IsNullable || collection.Kind is not (TypeKind.List or TypeKind.Map) || ReadLambda(collection.Element!, "r", facts, 0) is not { } item || item.Contains("=>") ? null : item;

    /// <summary>The writing side of <see cref="ItemReaderGroup"/>.</summary>
    public static string? ItemWriterGroup(TypeRef collection, CompilationFacts facts)
        => collection.IsNullable || collection.Kind is not (TypeKind.List or TypeKind.Map) || WriteLambda(collection.Element!, facts, 0) is not { } item || item.Contains("=>") ? null : item;

    /// <summary>
    /// The declaration of a type's <c>JsonNameTable</c> field holding <paramref name="names"/> in order: an object's
    /// member names (<c>s_jsonNames</c>) or an open enum's values (<c>s_values</c>), each spelled once.
    /// </summary>
    public static string NameTable(string field, IEnumerable<string> names)
        => "private static readonly " + JsonNameTable + " " + field + " = new(" + string.Join(", ", names.Select(CSharpLiteral.String)) + ");";

    /// <summary>The name of the runtime's reader (and, but for dates, writer) of a primitive kind, or null for other kinds.</summary>
    private static string? PrimitiveName(TypeRef type, CompilationFacts facts) => type.Kind switch
    {
        TypeKind.String => "String",
        TypeKind.Boolean => "Boolean",
        TypeKind.Int32 => "Int32",
        TypeKind.Int64 => "Int64",
        TypeKind.Float => "Single",
        TypeKind.Double => "Double",
        TypeKind.Decimal => "Decimal",
        TypeKind.Guid => "Guid",
        TypeKind.DateTimeOffset => "DateTimeOffset",
        TypeKind.Date => facts.HasDateOnly ? "Date" : "String",
        TypeKind.Bytes => "Bytes",
        TypeKind.Any => "Element",
        _ => null,
    };

    /// <summary>A string expression for a non-null parameter value in a path, query, header or cookie.</summary>
    public static string Format(TypeRef type, string value, CompilationFacts facts)
    {
        return type.Kind switch
        {
            TypeKind.String => value,
            TypeKind.Date => facts.HasDateOnly ? value + ".ToString(\"yyyy-MM-dd\", " + Invariant + ")" : value,
            TypeKind.Struct => Runtime + ".Http.ApiFormat.Value(" + value + ".Value)",
            TypeKind.Any => value + ".GetRawText()",
            TypeKind.Bytes => "global::System.Convert.ToBase64String(" + value + ")",
            TypeKind.Class or TypeKind.List or TypeKind.Map or TypeKind.Generic => value + ".ToString()!",
            _ => Runtime + ".Http.ApiFormat.Value(" + value + ")",
        };
    }
}
