// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System.Collections.Generic;
using System.Linq;
using LiveAvatarGen.Tests.Harness;
using LiveAvatarGen.Generator.Emitting;
using LiveAvatarGen.Generator.Model;
using static LiveAvatarGen.Tests.Harness.ModelFactory;

namespace LiveAvatarGen.Tests.Emitting;

/// <summary>
/// Hand-built models, one per kind of generated file, rich enough to reach each emitter's branches. The emitter
/// tests compile them; the kind snapshots (<c>Snapshots/Kinds</c>) record what they emit.
/// </summary>
internal static class EmitterSamples
{
    /// <summary>A net10.0 / C# 14 consumer with Microsoft.Extensions.Http.</summary>
    public static readonly CompilationFacts Facts = new(HasRuntime: true, SupportsCSharp11: true, HasRequiredMembers: true, HasDateOnly: true, HasHttpClientFactory: true);

    public static ObjectModel Pet { get; } = ModelFactory.Object(
        "Pet",
        Property("id", "Id", Of(TypeKind.Int64), required: true),
        Property("name", "Name", Struct("PetName"), required: true),
        Property("nickname", "Nickname", Of(TypeKind.String, nullable: true), required: true),
        Property("kind", "Kind", Struct("PetKind", nullable: true)),
        Property("status", "Status", Struct("PetStatus", nullable: true)),
        Property("tags", "Tags", ListOf(Of(TypeKind.String), nullable: true)),
        Property("attributes", "Attributes", MapOf(Of(TypeKind.Int64), nullable: true)),
        Property("owner", "Owner", Class("Owner", nullable: true)),
        Property("born", "Born", Of(TypeKind.Date, nullable: true)),
        Property("weight", "Weight", Struct("Weight", nullable: true)),
        Property("count", "Count", Of(TypeKind.Int32, nullable: true), defaultJson: "3"),
        Property("type", "Type", Of(TypeKind.String), constJson: "\"pet\""),
        Property("legacy_code", "LegacyCode", Of(TypeKind.String, nullable: true), deprecated: true),
        Property("secret", "Secret", Of(TypeKind.String, nullable: true), access: PropertyAccess.WriteOnly),
        Property("created", "Created", Of(TypeKind.DateTimeOffset), required: true, access: PropertyAccess.ReadOnly),
        Property("extra", "Extra", Of(TypeKind.Any, nullable: true)));

    public static ObjectModel Owner { get; } = ModelFactory.Object("Owner", Property("type", "Type", Of(TypeKind.String), required: true), Property("name", "Name", Of(TypeKind.String, nullable: true)));

    public static ObjectModel Problem { get; } = ModelFactory.Object("Problem", Property("title", "Title", Of(TypeKind.String, nullable: true)));

    /// <summary>
    /// Maps of lists and lists of lists: read and written by the runtime's MapOfLists and ListOfLists with the items'
    /// method group; deeper nesting keeps a lambda.
    /// </summary>
    public static ObjectModel Catalog { get; } = ModelFactory.Object(
        "Catalog",
        Property("sections", "Sections", MapOf(ListOf(Of(TypeKind.String))), required: true),
        Property("owners", "Owners", MapOf(ListOf(Class("Owner")), nullable: true)),
        Property("grid", "Grid", MapOf(ListOf(ListOf(Of(TypeKind.Int64)))), required: true),
        Property("pages", "Pages", ListOf(ListOf(Class("Owner"))), required: true));

    /// <summary>The base of a class hierarchy: Car is selected by two tags, Bike by one.</summary>
    public static ObjectModel Vehicle { get; } = BaseObject(
        "Vehicle",
        "vehicle_type",
        "Vehicle",
        new[] { ("Bike", new[] { "bike" }), ("Car", new[] { "car", "automobile" }) },
        Property("vehicle_type", "VehicleType", Of(TypeKind.String), required: true),
        Property("wheels", "Wheels", Of(TypeKind.Int32, nullable: true)),
        Property("owner", "Owner", Class("Owner"), required: true));

    /// <summary>A derived class with members of its own: required, tri-state and const.</summary>
    public static ObjectModel Car { get; } = DerivedObject(
        "Car",
        Vehicle,
        "car",
        Property("doors", "Doors", Of(TypeKind.Int32), required: true),
        Property("color", "Color", Of(TypeKind.String, nullable: true)),
        Property("engine", "Engine", Of(TypeKind.String), constJson: "\"petrol\""));

    /// <summary>A derived class with no members of its own.</summary>
    public static ObjectModel Bike { get; } = DerivedObject("Bike", Vehicle, "bike");

    public static EnumModel PetKind { get; } = ModelFactory.Enum("PetKind", false, ("Dog", "dog"), ("Cat", "cat"), ("BirdOfPrey", "bird-of-prey"));

    public static EnumModel PetStatus { get; } = ModelFactory.Enum("PetStatus", true, ("Value1", "1"), ("Value2", "2"));

    public static UnionModel AnyParty { get; } = Union("AnyParty", "type", ("Pet", Class("Pet"), new[] { "pet" }), ("Owner", Class("Owner"), new[] { "owner" }));

    public static UnionModel TextOrNumber { get; } = Union("TextOrNumber", null, ("String", Of(TypeKind.String), System.Array.Empty<string>()), ("Int64", Of(TypeKind.Int64), System.Array.Empty<string>()));

    /// <summary>List and map variants: read through the runtime's TryReadList/TryReadMap with method groups, not lambdas.</summary>
    public static UnionModel TagsOrCounts { get; } = Union("TagsOrCounts", null, ("Tags", ListOf(Of(TypeKind.String)), System.Array.Empty<string>()), ("Counts", MapOf(Of(TypeKind.Int64)), System.Array.Empty<string>()), ("Pets", ListOf(Class("Pet")), System.Array.Empty<string>()), ("Matrix", ListOf(ListOf(Of(TypeKind.Int64))), System.Array.Empty<string>()));

    public static ValueTypeModel PetName { get; } = ValueType("PetName", "^[a-z]+$", minLength: 1, maxLength: 20);

    public static ValueTypeModel CreditsLeft { get; } = ValueType("CreditsLeft", "^(?!^[-+.]*$)[+-]?0*\\d*\\.?\\d*$", decimalString: true);

    public static NumberTypeModel Weight { get; } = NumberType("Weight", TypeKind.Double, exclusiveMinimum: "0", maximum: "1000.5", multipleOf: "0.5");

    public static NumberTypeModel Percent { get; } = NumberType("Percent", TypeKind.Int32, minimum: "0", maximum: "100");

    public static EnvelopeModel ApiEnvelope { get; } = Envelope();

    /// <summary>Every type model above; each one's file compiles only with the others beside it.</summary>
    public static IReadOnlyList<TypeModel> Types { get; } = new TypeModel[] { Pet, Owner, Problem, Catalog, Vehicle, Car, Bike, PetKind, PetStatus, AnyParty, TextOrNumber, TagsOrCounts, PetName, CreditsLeft, Weight, Percent, ApiEnvelope };

    public static OperationModel GetPet { get; } = Operation(
        "GetPetAsync",
        "GET",
        "/pets/{id}",
        parameters: new[]
        {
            Parameter("id", "id", ParameterLocation.Path, Of(TypeKind.Int64), true, "simple", false),
            Parameter("fields", "fields", ParameterLocation.Query, ListOf(Of(TypeKind.String), nullable: true), false, "form", false),
            Parameter("X-Trace", "xTrace", ParameterLocation.Header, Of(TypeKind.String), true, "simple", false),
            Parameter("session", "session", ParameterLocation.Cookie, Of(TypeKind.String, nullable: true), false, "form", true),
        },
        responses: new[] { Response("200", Class("Pet")), Response("404", Class("Problem")), Response("4XX", Class("Problem")), Response("default") },
        security: new[] { new[] { "Key" } });

    public static OperationModel CreatePet { get; } = Operation(
        "CreatePetAsync",
        "POST",
        "/pets",
        body: JsonBody(Class("Pet")),
        responses: new[] { Response("200", EnvelopeOf(Class("Pet"))), Response("201", Class("Pet")), Response("202") },
        security: new[] { new[] { "Basic" }, System.Array.Empty<string>() });

    public static OperationModel Upload { get; } = Operation(
        "UploadAsync",
        "POST",
        "/upload",
        body: FieldsBody(ContentKind.Multipart, Field("file", "@file", Of(TypeKind.File), required: true, isFile: true), Field("note", "note", Of(TypeKind.String, nullable: true))),
        responses: new[] { Response("200", Of(TypeKind.String), ContentKind.Text) });

    public static OperationModel SubmitForm { get; } = Operation(
        "SubmitFormAsync",
        "POST",
        "/form",
        body: FieldsBody(ContentKind.Form, Field("username", "username", Of(TypeKind.String), required: true), Field("ids", "ids", ListOf(Of(TypeKind.Int64), nullable: true), style: "spaceDelimited", explode: false, isStyled: true)));

    public static OperationModel PutBlob { get; } = Operation("PutBlobAsync", "PUT", "/blob", body: RawBody(ContentKind.Binary), responses: new[] { Response("200", null, ContentKind.Binary) });

    public static OperationModel Events { get; } = Operation("EventsAsync", "GET", "/events", responses: new[] { Response("200", Class("Owner"), ContentKind.EventStream) }, deprecated: true);

    public static OperationModel GetPinned { get; } = Operation("GetPinnedAsync", "GET", "/pinned", server: Server("http://{host}/op", ("host", "localhost")));

    public static IReadOnlyList<OperationModel> Operations { get; } = new[] { GetPet, CreatePet, Upload, SubmitForm, PutBlob, Events, GetPinned };

    public static ClientModel Client { get; } = ModelFactory.Client(
        schemes: new[] { Scheme("Basic", "Basic"), Scheme("Bearer", "Bearer"), Scheme("CookieKey", "ApiKeyCookie", "sid"), Scheme("Key", "ApiKeyHeader", "X-Key"), Scheme("QueryKey", "ApiKeyQuery", "api_key") },
        server: Server("https://{region}.example.com", ("region", "eu")),
        serverVariables: new[] { new ServerVariableOption("region", "Region", "The region.") },
        Operations.ToArray());

    /// <summary>Every file the emitters make from the samples, by file name (as the generator would name them, without the hint prefix).</summary>
    public static IReadOnlyDictionary<string, string> AllFiles()
    {
        Dictionary<string, string> files = new(System.StringComparer.Ordinal);
        foreach (TypeModel type in Types)
        {
            files[type.Name + ".g.cs"] = EmitType(type);
        }

        files[Client.Name + ".g.cs"] = ClientEmitter.Emit(Client, Facts);
        files[Client.InterfaceName + ".g.cs"] = ClientEmitter.EmitInterface(Client);
        files[Client.OptionsName + ".g.cs"] = OptionsEmitter.Emit(Client);
        files[Client.ServiceCollectionExtensionsName + ".g.cs"] = ServiceCollectionEmitter.Emit(Client);
        foreach (OperationModel operation in Operations)
        {
            files[Client.Name + "." + operation.MethodName + ".g.cs"] = ClientEmitter.EmitOperationFile(OperationFile(Client, operation), Facts);
        }

        return files;
    }

    public static string EmitType(TypeModel type) => type switch
    {
        ObjectModel model => ObjectEmitter.Emit(model, Facts),
        EnumModel model => EnumEmitter.Emit(model, Facts),
        UnionModel model => UnionEmitter.Emit(model, Facts),
        ValueTypeModel model => ValueTypeEmitter.Emit(model, Facts),
        NumberTypeModel model => NumberTypeEmitter.Emit(model, Facts),
        EnvelopeModel model => EnvelopeEmitter.Emit(model),
        _ => throw new System.ArgumentException(type.GetType().Name),
    };
}
