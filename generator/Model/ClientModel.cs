// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System.Collections.Generic;
using System.Linq;
using LiveAvatarGen.Generator.Infrastructure;

namespace LiveAvatarGen.Generator.Model;

/// <summary>The client class of one spec, with its options class, its interface and its DI registration class.</summary>
/// <param name="Groups">The sub-clients, one per tag (an operation's first), in ordinal order of the tags; empty when grouping is off.</param>
/// <param name="JsonConverterName">
/// The <c>JsonConverter&lt;T&gt;</c> class the spec declares once (where the consumer has <c>IJsonCodec</c>), named by
/// every generated type's <c>[JsonConverter]</c> attribute: see <see cref="Emitting.EmitterCommon.CodecConverterName"/>.
/// </param>
/// <param name="SecurityFields">
/// The distinct sets of security alternatives the operations require, each the client's static field: kept apart from
/// <paramref name="Operations"/>, which the client's own file is emitted without, so an operation added with a set
/// already used leaves that file unchanged.
/// </param>
internal sealed record ClientModel(
    string HintPrefix,
    string Namespace,
    string Name,
    string OptionsName,
    string InterfaceName,
    string ServiceCollectionExtensionsName,
    string JsonConverterName,
    string? Documentation,
    ServerModel? DefaultServer,
    EquatableArray<ServerVariableOption> ServerVariables,
    EquatableArray<SecuritySchemeModel> SecuritySchemes,
    EquatableArray<OperationModel> Operations,
    EquatableArray<OperationGroupModel> Groups = default,
    EquatableArray<SecurityFieldModel> SecurityFields = default);

/// <summary>A static field of the client holding a set of security alternatives, shared by the operations that require it.</summary>
/// <param name="FieldName">The field, named by the client-member registry (<c>s_security0</c>, ...).</param>
/// <param name="Alternatives">The alternatives, each the names of the schemes it requires together.</param>
internal sealed record SecurityFieldModel(string FieldName, EquatableArray<EquatableArray<string>> Alternatives)
{
    /// <summary>The fields the operations name, each once, in order of first use.</summary>
    public static EquatableArray<SecurityFieldModel> Of(EquatableArray<OperationModel> operations)
    {
        System.Collections.Generic.List<SecurityFieldModel> fields = new();
        System.Collections.Generic.HashSet<string> seen = new(System.StringComparer.Ordinal);
        foreach (OperationModel operation in operations)
        {
            if (operation.SecurityField.Length > 0 && seen.Add(operation.SecurityField))
            {
                fields.Add(new SecurityFieldModel(operation.SecurityField, operation.Security));
            }
        }

        return fields.ToEquatableArray();
    }
}

/// <summary>A sub-client: the operations whose first tag is <paramref name="Tag"/>, reached through a property of the client.</summary>
/// <param name="Tag">The tag as the spec writes it.</param>
/// <param name="PropertyName">The client's property, named by the client-member registry.</param>
/// <param name="ClassName">The sub-client class, named by the type registry.</param>
/// <param name="InterfaceName">Its interface, named by the type registry.</param>
/// <param name="Documentation">The tag's description, if the spec declares the tag.</param>
internal sealed record OperationGroupModel(string Tag, string PropertyName, string ClassName, string InterfaceName, string? Documentation);

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
/// one file and leaves every other output unchanged (unless it is the first to answer like earlier ones, see
/// <see cref="Handler"/>).
/// </summary>
/// <param name="ClientName">The class the method goes in: the client, or the sub-client of the operation's group.</param>
/// <param name="InterfaceName">That class's interface.</param>
/// <param name="RootClientName">The client, whose static fields hold the security alternatives operations require.</param>
/// <param name="Handler">
/// The method that turns the operation's response into its result or exception, as the operation's class names it:
/// its own <c>Handle{Name}</c>, or the one of the first operation with the same responses (status codes, media kinds
/// and types), qualified by that operation's class when it is another. Spotify's 97 operations need 57 handlers.
/// </param>
/// <param name="DeclaresHandler">The operation's file declares <see cref="Handler"/> (it is the first to answer so).</param>
/// <param name="HandlerIsShared">Another class uses the declared handler, which is then internal instead of private.</param>
internal sealed record OperationOutput(string HintPrefix, string Namespace, string ClientName, string InterfaceName, OperationModel Operation, string RootClientName = "", string Handler = "", bool DeclaresHandler = true, bool HandlerIsShared = false)
{
    public static EquatableArray<OperationOutput> From(ClientModel client)
    {
        OperationOutput[] outputs = new OperationOutput[client.Operations.Count];
        // The first operation (in spec order) with each set of responses, by index; a stream's handler has another
        // shape (it only turns errors into exceptions), so streams keep their own.
        Dictionary<EquatableArray<ResponseModel>, int> owners = new();
        int[] ownerOf = new int[outputs.Length];
        OperationGroupModel?[] groupOf = new OperationGroupModel?[outputs.Length];
        string[] classOf = new string[outputs.Length];
        for (int i = 0; i < outputs.Length; i++)
        {
            OperationModel operation = client.Operations[i];
            groupOf[i] = operation.Group is { } tag ? client.Groups.FirstOrDefault(g => g.Tag == tag) : null;
            classOf[i] = groupOf[i]?.ClassName ?? client.Name;
            ownerOf[i] = IsStream(operation) ? i : owners.TryGetValue(operation.Responses, out int first) ? first : owners[operation.Responses] = i;
        }

        bool[] usedElsewhere = new bool[outputs.Length];
        for (int i = 0; i < outputs.Length; i++)
        {
            usedElsewhere[ownerOf[i]] |= classOf[ownerOf[i]] != classOf[i];
        }

        for (int i = 0; i < outputs.Length; i++)
        {
            int owner = ownerOf[i];
            string handler = (classOf[owner] == classOf[i] ? string.Empty : classOf[owner] + ".") + HandlerOf(client.Operations[owner]);
            outputs[i] = new OperationOutput(client.HintPrefix, client.Namespace, classOf[i], groupOf[i]?.InterfaceName ?? client.InterfaceName, client.Operations[i], client.Name, handler, owner == i, usedElsewhere[i]);
        }

        return new EquatableArray<OperationOutput>(outputs);
    }

    /// <summary>The handler an operation declares: <c>Handle</c> and its method name without <c>Async</c> (reserved by the mapper).</summary>
    private static string HandlerOf(OperationModel operation) => "Handle" + operation.Stem;

    private static bool IsStream(OperationModel operation) => operation.Responses.Any(r => r.Kind is ContentKind.EventStream or ContentKind.NdJson);
}

/// <summary>A security scheme, configured once in the options.</summary>
/// <param name="SchemeName">The name under <c>components.securitySchemes</c>.</param>
/// <param name="PropertyName">The options property that holds the credential.</param>
/// <param name="Kind">How the credential travels.</param>
/// <param name="ParameterName">The header, query or cookie name for API keys.</param>
/// <param name="FieldName">The client's static field describing the scheme, named by the client-member registry.</param>
/// <param name="ClientCredentials">The oauth2 clientCredentials flow the client can fetch its token with; null for any other scheme.</param>
internal sealed record SecuritySchemeModel(string SchemeName, string PropertyName, SecuritySchemeKind Kind, string ParameterName, string? Documentation, string FieldName = "", ClientCredentialsModel? ClientCredentials = null);

/// <summary>One operation: one client method, and its companion that also returns the status and headers.</summary>
/// <param name="Server">The operation's or its path's own server; null when it uses the document's.</param>
/// <param name="SecurityField">The client's static field of the security alternatives, shared by every operation that requires the same ones; empty when the operation requires none.</param>
/// <param name="Group">The tag of the sub-client the method goes in; null for the client itself.</param>
/// <param name="WithResponseName">The companion method (<c>...WithResponseAsync</c>), named by the client-member registry.</param>
/// <param name="RequestFactory">The private method both build the request with, named by the client-member registry.</param>
/// <param name="HeadersClass">The generated class of the headers the success responses declare; null when none does.</param>
/// <param name="Headers">Those headers.</param>
/// <param name="DeclaresHeadersClass">
/// False when an earlier operation declares the same headers: the class is that operation's, emitted with it (Twilio's
/// 85 list and fetch operations answer with the same CORS headers: one class, not 85).
/// </param>
/// <param name="OperationId">The spec's <c>operationId</c>, for telemetry; null when it gives none.</param>
/// <param name="OperationField">The static field describing the operation to the runtime (hooks, telemetry), named by the client-member registry.</param>
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
    string? Group = null,
    string WithResponseName = "",
    string RequestFactory = "",
    string? HeadersClass = null,
    EquatableArray<ResponseHeaderModel> Headers = default,
    bool DeclaresHeadersClass = true,
    PagingModel? Paging = null,
    string? OperationId = null,
    string OperationField = "")
{
    /// <summary>The method name without <c>Async</c>: what the handler, the companion, the request factory and the <c>ApiOperation</c> are named after.</summary>
    public string Stem => MethodName.Substring(0, MethodName.Length - "Async".Length);
}

/// <summary>A header a success response declares, as a typed property of the operation's headers class.</summary>
/// <param name="WireName">The header's name.</param>
/// <param name="PropertyName">The property, named by the headers class's registry.</param>
/// <param name="Type">Its value: a string, boolean, integer, number, UUID or date-time (anything else is a string).</param>
internal sealed record ResponseHeaderModel(string WireName, string PropertyName, TypeRef Type, string? Documentation);

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
