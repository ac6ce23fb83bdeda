// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using LiveAvatarGen.Generator.Configuration;
using LiveAvatarGen.Generator.Diagnostics;
using LiveAvatarGen.Generator.Emitting;
using LiveAvatarGen.Generator.Infrastructure;
using LiveAvatarGen.Generator.Model;
using LiveAvatarGen.Generator.Naming;
using LiveAvatarGen.Generator.Overlays;
using Microsoft.OpenApi;

namespace LiveAvatarGen.Generator.Parsing;

/// <summary>Spec text to <see cref="ReadResult"/>: the one transform of the pipeline that touches Microsoft.OpenApi.</summary>
internal static class SpecReader
{
    /// <summary>Lets tests make one spec path fail, to prove the last-resort catch (LAG1006); null in production.</summary>
    internal static Action<SpecInput>? FaultForTests { get; set; }

    public static ReadResult Read(SpecInput input, CancellationToken cancellationToken)
    {
        List<DiagnosticInfo> diagnostics = new();
        SpecLocator locator = new(input.Path, input.Text);
        try
        {
            FaultForTests?.Invoke(input);
            // Overlays change the text the reader sees; the locator keeps the spec's own text, where diagnostics point.
            string? text = OverlayApplier.Apply(input, diagnostics, cancellationToken);
            bool overlaid = !ReferenceEquals(text, input.Text);
            OpenApiDocument? document = DocumentLoader.Load(input.Path, text, locator, diagnostics, isJson: overlaid);
            if (overlaid && document is not null)
            {
                DocumentLoader.ReportMergeKeysOfOverlaidYaml(input.Path, input.Text, locator, diagnostics);
            }

            ApiSpec? spec = document is null ? null : Build(input, document, locator, diagnostics, cancellationToken);
            return new ReadResult(input.Path, spec, diagnostics.ToEquatableArray());
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception ex)
        {
            // Last resort: an exception escaping a generator fails the user's whole build with CS8785.
            // The first frame goes into the message: it is what a bug report needs.
            string frame = ex.StackTrace?.Split('\n').FirstOrDefault()?.Trim() ?? string.Empty;
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InternalError, locator.FileStart(), input.Path, ex.GetType().Name + ": " + ex.Message + " " + frame));
            return new ReadResult(input.Path, null, diagnostics.ToEquatableArray());
        }
    }

    /// <summary>Maps a read document to the model; internal so a test can map a document read another way.</summary>
    internal static ApiSpec Build(SpecInput input, OpenApiDocument document, SpecLocator locator, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
    {
        if (input.Filter is { IsActive: true } filter)
        {
            OperationFilter.Apply(document, filter, locator, diagnostics);
        }

        string clientName = input.ClientName is { } configured ? Identifiers.ToPascalCase(configured) : ClientNameFromTitle(document.Info?.Title);
        string ns = NamespaceOf(input.Namespace);
        string hintPrefix = ns + "." + clientName;
        SchemaMapper schemas = new(ns, hintPrefix, locator, diagnostics, cancellationToken);

        // The types name the converter from their hint prefix; claimed first, it is free (no generated member's
        // name ends with "JsonConverter"), so the claim returns the name the types derive.
        string jsonConverterName = schemas.ReserveTypeName(EmitterCommon.CodecConverterName(hintPrefix));
        clientName = schemas.ReserveTypeName(clientName);
        string optionsName = schemas.ReserveTypeName(clientName + "Options");
        string interfaceName = schemas.ReserveTypeName("I" + clientName);
        string extensionsName = schemas.ReserveTypeName(clientName + "ServiceCollectionExtensions");
        List<OperationGroupModel> groups = input.GroupByTag ? OperationGroups.Declare(document, clientName, schemas.ReserveTypeName) : new List<OperationGroupModel>();
        schemas.MapComponents(document.Components?.Schemas);

        IEnumerable<string> typeNames = new[] { clientName, interfaceName }.Concat(groups.SelectMany(g => new[] { g.ClassName, g.InterfaceName }));
        OperationMapper operations = new(schemas, locator, diagnostics, typeNames, input.GroupByTag, cancellationToken);
        EquatableArray<OperationModel> mapped = operations.MapAll(document);

        // The client's properties for the sub-clients are named after the operations, so a tag never renames a
        // method; then the companions, so they never rename either.
        EquatableArray<OperationGroupModel> namedGroups = groups
            .Select(g => g with { PropertyName = operations.ClaimClientMember(Identifiers.ToPascalCase(g.Tag)) })
            .ToEquatableArray();
        mapped = operations.NameCompanions(mapped);
        WebhooksModel? webhooks = WebhookMapper.Map(document, ns + "." + clientName, ns, clientName, schemas, locator, diagnostics, cancellationToken);

        EquatableArray<SecuritySchemeModel> securitySchemes = SecuritySchemes(document, optionsName, operations, locator, diagnostics);
        ServerModel? documentServer = ServerReader.First(document.Servers);
        IEnumerable<ServerModel> servers = new[] { documentServer }.Concat(mapped.Select(o => o.Server)).Where(s => s is not null).Select(s => s!);
        ClientModel client = new(
            ns + "." + clientName,
            ns,
            clientName,
            optionsName,
            interfaceName,
            extensionsName,
            jsonConverterName,
            Documentation.Join(document.Info?.Title, document.Info?.Description),
            documentServer,
            ServerReader.Options(servers, securitySchemes.SelectMany(SecuritySchemeOptions.PropertyNames).Append(optionsName)),
            securitySchemes,
            mapped,
            namedGroups,
            SecurityFieldModel.Of(mapped));
        // With a filter, the types only the left-out operations used are left out too.
        // Filters select operations; webhooks are always kept, so their payload types are reachable too.
        IReadOnlyList<TypeModel> types = input.Filter is { IsActive: true } ? OperationFilter.Reachable(schemas.Types, mapped, webhooks?.Webhooks.Select(w => w.Payload)) : schemas.Types;
        return new ApiSpec(client, types.ToEquatableArray(), webhooks);
    }

    /// <summary><c>Live avatar API</c> becomes <c>LiveAvatarClient</c>: a trailing "API" word is dropped before adding "Client".</summary>
    public static string ClientNameFromTitle(string? title)
    {
        string name = Identifiers.ToPascalCase(string.IsNullOrWhiteSpace(title) ? "Api" : title!);
        if (name.Length > 3 && (name.EndsWith("Api", StringComparison.Ordinal) || name.EndsWith("API", StringComparison.Ordinal)))
        {
            name = name.Substring(0, name.Length - 3);
        }

        return name.EndsWith("Client", StringComparison.Ordinal) ? name : name + "Client";
    }

    private static string NamespaceOf(string configured)
    {
        string[] parts = configured.Split('.').Select(p => Identifiers.EscapeKeyword(Identifiers.ToPascalCase(p)).TrimStart('@')).ToArray();
        return string.Join(".", parts.Select(p => Identifiers.IsKeyword(p) ? "_" + p : p));
    }

    private static EquatableArray<SecuritySchemeModel> SecuritySchemes(OpenApiDocument document, string optionsName, OperationMapper clientMembers, SpecLocator locator, List<DiagnosticInfo> diagnostics)
    {
        List<SecuritySchemeModel> schemes = new();
        if (document.Components?.SecuritySchemes is not { } declared)
        {
            return schemes.ToEquatableArray();
        }

        NameRegistry propertyNames = new();
        propertyNames.Reserve(optionsName);
        foreach (string reserved in OptionsEmitter.InheritedMembers)
        {
            propertyNames.Reserve(reserved);
        }

        foreach (KeyValuePair<string, IOpenApiSecurityScheme> pair in declared.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (pair.Value is not { } scheme)
            {
                continue;
            }

            (SecuritySchemeKind kind, string parameter) = scheme.Type switch
            {
                SecuritySchemeType.ApiKey when scheme.In == Microsoft.OpenApi.ParameterLocation.Query => (SecuritySchemeKind.ApiKeyQuery, scheme.Name ?? pair.Key),
                SecuritySchemeType.ApiKey when scheme.In == Microsoft.OpenApi.ParameterLocation.Cookie => (SecuritySchemeKind.ApiKeyCookie, scheme.Name ?? pair.Key),
                SecuritySchemeType.ApiKey => (SecuritySchemeKind.ApiKeyHeader, scheme.Name ?? pair.Key),
                SecuritySchemeType.Http when string.Equals(scheme.Scheme, "basic", StringComparison.OrdinalIgnoreCase) => (SecuritySchemeKind.Basic, string.Empty),

                // Bearer, OAuth2 and OpenID Connect all end in an access token sent as a bearer token (OAuth2Flows adds
                // the client credentials flow, whose token the client can fetch itself).
                _ => (SecuritySchemeKind.Bearer, string.Empty),
            };
            string wanted = Identifiers.ToPascalCase(pair.Key);
            string documentation = kind switch
            {
                SecuritySchemeKind.Basic => "Credentials for the '" + pair.Key + "' scheme, as user:password; sent as HTTP basic authentication.",
                SecuritySchemeKind.Bearer => "The token for the '" + pair.Key + "' scheme, sent as 'Authorization: Bearer'.",
                SecuritySchemeKind.ApiKeyQuery => "The API key for the '" + pair.Key + "' scheme, sent as the " + parameter + " query parameter.",
                SecuritySchemeKind.ApiKeyCookie => "The API key for the '" + pair.Key + "' scheme, sent as the " + parameter + " cookie.",
                _ => "The API key for the '" + pair.Key + "' scheme, sent as the " + parameter + " header.",
            };
            string propertyName = propertyNames.Claim(wanted);
            SecuritySchemeModel model = new(pair.Key, propertyName, kind, parameter, documentation, clientMembers.ClaimClientMember("s_scheme_" + propertyName));
            schemes.Add(OAuth2Flows.WithClientCredentials(model, scheme, propertyNames, locator, diagnostics));
        }

        return schemes.ToEquatableArray();
    }
}
