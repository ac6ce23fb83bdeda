// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using LiveAvatarGen.Tests.Harness;
using Microsoft.AspNetCore.Http;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace LiveAvatarGen.Tests.StandIn;

/// <summary>What the stand-in answered for one call, and what it found wrong with the request.</summary>
internal sealed record StandInExchange(string OperationId, int Status, string? ResponseJson, IReadOnlyList<string> Problems);

/// <summary>
/// A loopback server that answers every operation of a spec as the spec describes: it matches the route,
/// checks the request carries every declared parameter in its place, the credentials and a JSON body, and answers
/// the first success response with a sample built from its schema. It grows when the spec grows.
/// </summary>
internal sealed class SpecStandIn : IAsyncDisposable
{
    private readonly List<Route> _routes;
    private readonly List<StandInExchange> _exchanges = new();
    private LoopbackServer? _server;

    private SpecStandIn(List<Route> routes)
    {
        _routes = routes;
    }

    public Uri BaseAddress => _server!.BaseAddress;

    public IReadOnlyList<StandInExchange> Exchanges
    {
        get
        {
            lock (_exchanges)
            {
                return _exchanges.ToList();
            }
        }
    }

    public IReadOnlyList<OperationInfo> Operations => _routes.Select(r => r.Info).ToList();

    /// <param name="specPath">The spec the stand-in answers for.</param>
    /// <param name="withUndeclaredMembers">Answer with a member the spec does not declare in every object, as real servers do.</param>
    public static async Task<SpecStandIn> StartAsync(string specPath, bool withUndeclaredMembers = false)
    {
        OpenApiReaderSettings settings = new();
        settings.AddYamlReader();
        ReadResult read = OpenApiDocument.Parse(File.ReadAllText(specPath), "json", settings);
        OpenApiDocument document = read.Document!;
        List<Route> routes = new();
        foreach (KeyValuePair<string, IOpenApiPathItem> path in document.Paths)
        {
            foreach (KeyValuePair<HttpMethod, OpenApiOperation> operation in path.Value.Operations!)
            {
                routes.Add(Route.Create(path.Key, operation.Key, operation.Value, document, withUndeclaredMembers));
            }
        }

        // Literal segments win over parameters: /v1/avatars/public before /v1/avatars/{avatar_id}.
        routes = routes.OrderBy(r => r.Info.PathTemplate.Count(c => c == '{')).ToList();
        SpecStandIn standIn = new(routes);
        standIn._server = await LoopbackServer.StartAsync(standIn.HandleAsync);
        return standIn;
    }

    private async Task HandleAsync(HttpContext context)
    {
        string path = context.Request.Path.Value ?? string.Empty;
        Route? route = _routes.FirstOrDefault(r => r.Info.Method == context.Request.Method && r.Pattern.IsMatch(path));
        if (route is null)
        {
            context.Response.StatusCode = 404;
            return;
        }

        context.Request.EnableBuffering();
        using StreamReader reader = new(context.Request.Body, leaveOpen: true);
        string body = await reader.ReadToEndAsync();
        List<string> problems = route.Check(context, body);
        string? json = problems.Count == 0 ? route.ResponseJson : "{\"detail\":\"" + string.Join("; ", problems).Replace("\"", "'", StringComparison.Ordinal) + "\"}";
        int status = problems.Count == 0 ? route.Status : 400;
        lock (_exchanges)
        {
            _exchanges.Add(new StandInExchange(route.Info.OperationId, status, json, problems));
        }

        context.Response.StatusCode = status;
        if (json is not null && status != 204)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(json);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    /// <summary>An operation as the test needs it: to find the client method and build its arguments.</summary>
    internal sealed record OperationInfo(string OperationId, string Method, string PathTemplate, OpenApiOperation Operation, IReadOnlyList<IOpenApiParameter> Parameters);

    private sealed class Route
    {
        private Route(OperationInfo info, Regex pattern, int status, string? responseJson, IReadOnlyList<IReadOnlyList<string>> security, IOpenApiSecurityScheme[] schemes)
        {
            Info = info;
            Pattern = pattern;
            Status = status;
            ResponseJson = responseJson;
            Security = security;
            Schemes = schemes;
        }

        public OperationInfo Info { get; }

        public Regex Pattern { get; }

        public int Status { get; }

        public string? ResponseJson { get; }

        private IReadOnlyList<IReadOnlyList<string>> Security { get; }

        private IOpenApiSecurityScheme[] Schemes { get; }

        public static Route Create(string template, HttpMethod method, OpenApiOperation operation, OpenApiDocument document, bool withUndeclaredMembers)
        {
            string regex = "^" + Regex.Replace(Regex.Escape(template).Replace("\\{", "{", StringComparison.Ordinal), "\\{[^}]+}", "[^/]+") + "$";
            KeyValuePair<string, IOpenApiResponse> success = operation.Responses!.Where(r => r.Key.StartsWith('2')).OrderBy(r => r.Key, StringComparer.Ordinal).First();
            IOpenApiSchema? schema = success.Value.Content?.FirstOrDefault(c => c.Key.Contains("json", StringComparison.Ordinal)).Value?.Schema;
            string? json = schema is null ? null : SchemaSamples.Build(schema, withUndeclaredMembers: withUndeclaredMembers)?.ToJsonString() ?? "null";
            IList<OpenApiSecurityRequirement> requirements = operation.Security ?? document.Security ?? new List<OpenApiSecurityRequirement>();
            List<IReadOnlyList<string>> security = requirements.Select(r => (IReadOnlyList<string>)r.Keys.Select(k => k.Reference.Id!).ToList()).ToList();
            IOpenApiSecurityScheme[] schemes = document.Components?.SecuritySchemes?.Values.ToArray() ?? Array.Empty<IOpenApiSecurityScheme>();
            OperationInfo info = new(operation.OperationId!, method.Method, template, operation, operation.Parameters?.ToList() ?? new List<IOpenApiParameter>());
            return new Route(info, new Regex(regex, RegexOptions.CultureInvariant), int.Parse(success.Key, System.Globalization.CultureInfo.InvariantCulture), json, security, schemes);
        }

        /// <summary>Every declared parameter must arrive in its place: the test passes them all.</summary>
        public List<string> Check(HttpContext context, string body)
        {
            List<string> problems = new();
            foreach (IOpenApiParameter parameter in Info.Parameters)
            {
                bool present = parameter.In switch
                {
                    ParameterLocation.Query => context.Request.Query.ContainsKey(parameter.Name!),
                    ParameterLocation.Header => context.Request.Headers.ContainsKey(parameter.Name!),
                    ParameterLocation.Cookie => context.Request.Cookies.ContainsKey(parameter.Name!),
                    _ => true,
                };
                if (!present)
                {
                    problems.Add($"{parameter.In} parameter '{parameter.Name}' is missing");
                }
            }

            if (Security.Count > 0 && !Security.Any(alternative => alternative.Count == 0 || alternative.All(id => HasCredential(context, id))))
            {
                problems.Add("no credentials for any security alternative");
            }

            if (Info.Operation.RequestBody is { } requestBody)
            {
                if (context.Request.ContentType?.StartsWith("application/json", StringComparison.Ordinal) != true)
                {
                    problems.Add("body is not application/json: " + context.Request.ContentType);
                }
                else
                {
                    try
                    {
                        using JsonDocument parsed = JsonDocument.Parse(body);
                    }
                    catch (JsonException ex)
                    {
                        problems.Add("body is not JSON: " + ex.Message);
                    }
                }
            }
            else if (body.Length > 0)
            {
                problems.Add("unexpected body");
            }

            return problems;
        }

        private static bool HasCredential(HttpContext context, string schemeId) => schemeId switch
        {
            "APIKeyHeader" => context.Request.Headers.ContainsKey("X-API-KEY"),
            "HTTPBearer" => context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.Ordinal),
            _ => true,
        };
    }
}
