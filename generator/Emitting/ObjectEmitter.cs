// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using LiveAvatarGen.Generator.Model;

namespace LiveAvatarGen.Generator.Emitting;

/// <summary>
/// Emits a class for an object schema, with its JSON reader and writer. Optional members are tri-state: left out
/// (never set), sent as null (set to null) or sent with a value, so a PATCH can clear a field; a member read from
/// JSON counts as set, so an explicit null read comes back out. Members the spec does not declare are kept in
/// <see cref="ObjectModel.AdditionalPropertiesName"/> and written back, so a read-modify-write loses nothing.
/// </summary>
internal static partial class ObjectEmitter
{
    /// <summary>The members this emitter writes besides the properties; the parser keeps property names off them.</summary>
    public static readonly string[] Members = { "ReadJson", "WriteJson", "JsonConverter", "s_jsonNames" };

    /// <summary>
    /// Bits in a flag word (set members, required members seen). The words are <c>int</c>, not <c>ulong</c>: Roslyn binds
    /// <c>int</c> operators through a fast path and every other integral type's through full operator overload
    /// resolution, several times slower; with <c>ulong</c> words, Stripe's output compiled 9% slower (docs/performance.md).
    /// </summary>
    private const int BitsPerWord = 32;

    /// <summary>How the emitter treats one property.</summary>
    private sealed record Member(PropertyModel Property, int Index, int TrackedIndex, int RequiredIndex, bool IsTag)
    {
        /// <summary>An optional member that is not a const: it remembers whether it was set.</summary>
        public bool IsTracked => TrackedIndex >= 0;

        public string Field => "_p" + Index.ToString(CultureInfo.InvariantCulture);

        public string Local => "p" + Index.ToString(CultureInfo.InvariantCulture);

        /// <summary>The reader's word of required members seen, <c>required0</c>, and the member's bit in it.</summary>
        public string RequiredWord => "required" + (RequiredIndex / BitsPerWord).ToString(CultureInfo.InvariantCulture);

        public string RequiredBit => "1 << " + (RequiredIndex % BitsPerWord).ToString(CultureInfo.InvariantCulture);

        /// <summary>The reader's local copy of the flag word: <c>set0</c>.</summary>
        public string LocalFlagWord => FlagWord.Substring(1);

        /// <summary>The set-flag word and bit: <c>_set0</c>, <c>1 &lt;&lt; 3</c>.</summary>
        public string FlagWord => "_set" + (TrackedIndex / BitsPerWord).ToString(CultureInfo.InvariantCulture);

        public string FlagBit => "1 << " + (TrackedIndex % BitsPerWord).ToString(CultureInfo.InvariantCulture);

        /// <summary>Required members must be present when read, except writeOnly ones, which never come back from a server.</summary>
        public bool MustBePresent => RequiredIndex >= 0;

        /// <summary>The length rules of an inline string member, checked when set and when read; null when there are none.</summary>
        public LengthRule? Rule => Property.ConstJson is null && Property.Type.Kind == TypeKind.String ? Property.Type.Length : null;

        /// <summary>
        /// A field behind the property: every member but a const or a hierarchy's tag (auto-properties with their value).
        /// Not an auto-property for a required member either: the compiler marks an auto-property's accessors and
        /// field <c>[CompilerGenerated]</c>, three attribute rows per member (75 KB of Stripe's dll).
        /// </summary>
        public bool HasField => IsTracked || Rule is not null || Property.IsRequired && !IsTag;

        /// <summary>
        /// The statement that checks <paramref name="value"/> against <see cref="Rule"/>. The message names the member
        /// by its JSON name alone: one literal shared by every type with that member (Stripe's reached types in a
        /// NativeAOT app hold thousands of these calls), and a read adds the JSON path.
        /// </summary>
        public string CheckLength(string value) => TypeSyntax.StringRules + ".CheckLength(" + value + ", "
            + CSharpLiteral.String(Property.JsonName) + ", " + Rule!.Min.ToString(CultureInfo.InvariantCulture) + ", " + Rule.Max.ToString(CultureInfo.InvariantCulture) + ");";
    }

    public static string Emit(ObjectModel model, CompilationFacts facts)
    {
        List<Member> members = Plan(model);
        SourceWriter writer = EmitterCommon.Start(model.Namespace);
        writer.Summary(model.Documentation ?? model.Name);
        if (model.Generic is { } generic)
        {
            writer.Line("/// <typeparam name=\"" + generic.TypeParameter + "\">The one type the merged schemas differ in.</typeparam>");
        }

        EmitterCommon.Attributes(writer, model, model.IsDeprecated, facts, model.Generic?.ConverterName);
        writer.Open(Declaration(model) + (model.Generic is null ? EmitterCommon.CodecInterface(model.Name, facts, first: model.Hierarchy?.Base is null) : string.Empty));
        EmitFields(writer, model, members, facts);
        foreach (Member member in members.Where(m => !IsInherited(model, m)))
        {
            EmitProperty(writer, model, member, facts);
            writer.Line();
        }

        EmitConstructor(writer, model, members, facts);
        if (!IsDerived(model))
        {
            // A field of our own rather than an auto-property: the compiler would mark the backing field and both
            // accessors [CompilerGenerated], three attribute rows per type in the dll.
            string extrasType = ExtrasType(model, facts);
            writer.Lines($$"""
                private {{extrasType}}? _extras;

                /// <summary>The JSON members the spec does not declare: kept when read and written back unchanged, null when none; add some to send them.</summary>
                public {{extrasType}}? {{model.AdditionalPropertiesName}} { get => _extras; init => _extras = value; }

                """);
        }

        EmitRead(writer, model, members, facts);
        writer.Line();
        EmitWrite(writer, model, members, facts);
        if (model.Generic is null)
        {
            EmitterCommon.Converter(writer, model.Name, facts, hidesInherited: IsDerived(model));
            writer.Close();
        }
        else
        {
            writer.Line();
            writer.Close();
            writer.Line();
            EmitConverterFactory(writer, model, model.Generic, facts);
        }

        return writer.ToString();
    }

    /// <summary>The class as the code inside it names it: <c>Pet</c>, or <c>PaginatedResponse&lt;T&gt;</c> for a generic family.</summary>
    private static string Self(ObjectModel model) => model.Generic is { } generic ? model.Name + "<" + generic.TypeParameter + ">" : model.Name;

    /// <summary>The extra parameter a generic family's ReadJson or WriteJson takes for its type parameter.</summary>
    private static string SlotParameter(ObjectModel model, bool read) => model.Generic is not { } generic
        ? string.Empty
        : read
            ? ", global::LiveAvatarGen.Runtime.Json.JsonReadFunc<" + generic.TypeParameter + "> " + TypeSyntax.SlotReader
            : ", global::LiveAvatarGen.Runtime.Json.JsonWriteAction<" + generic.TypeParameter + "> " + TypeSyntax.SlotWriter;

    /// <summary>
    /// A generic class has no nested converter (it would need the argument's reader): a factory serves each type
    /// argument the spec uses, with that argument's generated reader and writer, so JsonSerializer needs no reflection.
    /// </summary>
    private static void EmitConverterFactory(SourceWriter writer, ObjectModel model, GenericSlot generic, CompilationFacts facts)
    {
        string open = "global::" + model.Namespace + "." + model.Name;
        List<string> closed = generic.Arguments.Select(a => open + "<" + TypeSyntax.Of(a.AsNonNullable(), facts) + ">").ToList();
        writer.Lines($$"""
            /// <summary>Lets <see cref="global::System.Text.Json.JsonSerializer"/> read and write <see cref="{{model.Name}}{{"{"}}{{generic.TypeParameter}}{{"}"}}"/> for each type the spec uses it with.</summary>
            {{EmitterCommon.GeneratedCode}}
            public sealed class {{generic.ConverterName}} : global::System.Text.Json.Serialization.JsonConverterFactory
            {
                /// <inheritdoc />
                public override bool CanConvert(global::System.Type typeToConvert) => {{string.Join(" || ", closed.Select(c => "typeToConvert == typeof(" + c + ")"))}};

                /// <inheritdoc />
                public override global::System.Text.Json.Serialization.JsonConverter? CreateConverter(global::System.Type typeToConvert, global::System.Text.Json.JsonSerializerOptions options)
                {
            """);
        writer.Indent(2);
        for (int i = 0; i < closed.Count; i++)
        {
            TypeRef argument = generic.Arguments[i].AsNonNullable();
            writer.Lines($$"""
                if (typeToConvert == typeof({{closed[i]}}))
                {
                    return new Converter<{{TypeSyntax.Of(argument, facts)}}>({{TypeSyntax.ReadLambda(argument, "r", facts, 0)}}, {{TypeSyntax.WriteLambda(argument, facts, 0)}});
                }

                """);
        }

        writer.Indent(-2);
        writer.Lines($$"""
                    return null;
                }

                private sealed class Converter<{{generic.TypeParameter}}> : global::System.Text.Json.Serialization.JsonConverter<{{open}}<{{generic.TypeParameter}}>>
                {
                    private readonly global::LiveAvatarGen.Runtime.Json.JsonReadFunc<{{generic.TypeParameter}}> _read;
                    private readonly global::LiveAvatarGen.Runtime.Json.JsonWriteAction<{{generic.TypeParameter}}> _write;

                    public Converter(global::LiveAvatarGen.Runtime.Json.JsonReadFunc<{{generic.TypeParameter}}> read, global::LiveAvatarGen.Runtime.Json.JsonWriteAction<{{generic.TypeParameter}}> write)
                    {
                        _read = read;
                        _write = write;
                    }

                    public override {{open}}<{{generic.TypeParameter}}> Read(ref {{TypeSyntax.Reader}} reader, global::System.Type typeToConvert, global::System.Text.Json.JsonSerializerOptions options) => {{open}}<{{generic.TypeParameter}}>.ReadJson(ref reader, _read);

                    public override void Write({{TypeSyntax.Writer}} writer, {{open}}<{{generic.TypeParameter}}> value, global::System.Text.Json.JsonSerializerOptions options) => {{open}}<{{generic.TypeParameter}}>.WriteJson(writer, value, _write);
                }
            }
            """);
    }

    private static List<Member> Plan(ObjectModel model)
    {
        List<Member> members = new();
        int tracked = 0;
        int required = 0;
        for (int i = 0; i < model.Properties.Count; i++)
        {
            PropertyModel property = model.Properties[i];
            bool isTracked = !property.IsRequired && property.ConstJson is null;
            bool mustBePresent = property.IsRequired && property.Access != PropertyAccess.WriteOnly;
            members.Add(new Member(property, i, isTracked ? tracked++ : -1, mustBePresent ? required++ : -1, IsTag(model, property)));
        }

        return members;
    }

    private static string ExtrasType(ObjectModel model, CompilationFacts facts)
        => "global::System.Collections.Generic.IReadOnlyDictionary<string, " + TypeSyntax.Of(model.AdditionalPropertiesType ?? TypeRef.AnyJson, facts) + ">";

    /// <summary>One value field per tri-state member and one flag word per 32 of them; names start with an underscore, which no property does.</summary>
    private static void EmitFields(SourceWriter writer, ObjectModel model, List<Member> members, CompilationFacts facts)
    {
        // A derived class uses the fields and flag words its base declares (private protected there) and adds its own.
        HashSet<string> inheritedWords = new(members.Where(m => m.IsTracked && IsInherited(model, m)).Select(m => m.FlagWord), System.StringComparer.Ordinal);
        List<Member> withFields = members.Where(m => m.HasField && !IsInherited(model, m)).ToList();
        if (withFields.Count == 0)
        {
            return;
        }

        string access = FieldAccess(model);
        foreach (string word in withFields.Where(m => m.IsTracked).Select(m => m.FlagWord).Distinct().Where(w => !inheritedWords.Contains(w)))
        {
            writer.Line($"{access} int {word};");
        }

        foreach (Member member in withFields)
        {
            // A required member starts null like an auto-property's field; its init accessor is what sets it.
            string initializer = !member.IsTracked && !member.Property.Type.IsNullable && !member.Property.Type.IsValueType ? " = default!" : string.Empty;
            writer.Line($"{access} {TypeSyntax.Of(member.Property.Type, facts)} {member.Field}{initializer};");
        }

        writer.Line();
    }

    private static void EmitProperty(SourceWriter writer, ObjectModel model, Member member, CompilationFacts facts)
    {
        PropertyModel property = member.Property;
        writer.Summary(property.Documentation ?? property.JsonName);
        string access = property.Access switch { PropertyAccess.ReadOnly => " Read-only: set by the server.", PropertyAccess.WriteOnly => " Write-only: never returned by the server.", _ => string.Empty };
        string sent = property.ConstJson is not null
            ? " Always <c>" + SourceWriter.Xml(property.ConstJson) + "</c>, the one value the spec allows; always sent."
            : member.IsTracked && property.DefaultJson is not null
                ? " When left out, the server assumes <c>" + SourceWriter.Xml(property.DefaultJson) + "</c>."
                : string.Empty;
        string presence = property.IsRequired ? "; required."
            : member.IsTracked && property.ConstJson is null ? "; optional, sent only when set (null too)."
            : "; optional.";
        string rule = member.Rule is { } length ? " " + FirstUpper(length.Describe()) + ", checked when set and when read." : string.Empty;
        writer.Line($"/// <remarks>JSON name: <c>{SourceWriter.Xml(property.JsonName)}</c>{presence}{rule}{access}{sent}{TagRemark(model, property)}</remarks>");
        if (property.IsDeprecated)
        {
            writer.Line("[global::System.Obsolete(\"Deprecated in the API spec.\")]");
        }

        string type = TypeSyntax.Of(property.Type, facts);
        if (property.IsRequired && IsTag(model, property))
        {
            // Not C# required: each derived class sets its own tag in its constructor.
            writer.Line("public " + type + " " + property.Name + " { get; init; } = " + CSharpLiteral.String(model.Hierarchy!.Tag) + ";");
        }
        else if (property.IsRequired)
        {
            bool useRequired = UsesRequiredKeyword(property, facts);
            string check = member.Rule is not null ? member.CheckLength("value") + " " : string.Empty;
            writer.Line($"public {(useRequired ? "required " : string.Empty)}{type} {property.Name} {{ get => {member.Field}; init {{ {check}{member.Field} = value; }} }}");
        }
        else if (property.ConstJson is not null)
        {
            writer.Line("public " + type + " " + property.Name + " { get; init; } = " + ConstLiteral(property) + ";");
        }
        else
        {
            string check = member.Rule is not null ? member.CheckLength("value") + " " : string.Empty;
            writer.Line($"public {type} {property.Name} {{ get => {member.Field}; init {{ {check}{member.Field} = value; {member.FlagWord} |= {member.FlagBit}; }} }}");
        }
    }

    /// <summary>
    /// A required member is C# <c>required</c> where the language has it, but not when obsolete (C# warns on required
    /// members that are also obsolete, CS9042: those stay checked when read, not when built) and not when readOnly (the
    /// server's to send: code building a request need not set it).
    /// </summary>
    private static bool UsesRequiredKeyword(PropertyModel property, CompilationFacts facts)
        => property.IsRequired && facts.HasRequiredMembers && !property.IsDeprecated && property.Access != PropertyAccess.ReadOnly;

    /// <summary>The C# literal of a const member's value: JSON strings become C# strings; numbers and booleans read the same in both.</summary>
    private static string ConstLiteral(PropertyModel property)
    {
        string json = property.ConstJson!;
        if (!json.StartsWith("\"", System.StringComparison.Ordinal))
        {
            return json;
        }

        using System.Text.Json.JsonDocument text = System.Text.Json.JsonDocument.Parse(json);
        return CSharpLiteral.String(text.RootElement.GetString()!);
    }

    private static string FirstUpper(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text.Substring(1);
}
