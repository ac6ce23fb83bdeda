// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using LiveAvatar.Api;
using LiveAvatarGen.Generator.Naming;
using LiveAvatarGen.Tests.Harness;
using LiveAvatarGen.Tests.StandIn;
using Microsoft.OpenApi;
using Xunit;

namespace LiveAvatarGen.Tests.EndToEnd;

/// <summary>Starts one spec-driven stand-in for all operation tests.</summary>
public sealed class StandInFixture : IAsyncLifetime
{
    internal SpecStandIn StandIn { get; private set; } = null!;

    /// <summary>Every object in every answer also carries a member the spec does not declare: the round trip must keep it.</summary>
    public async Task InitializeAsync() => StandIn = await SpecStandIn.StartAsync(System.IO.Path.Combine(TestPaths.RepositoryRoot, "openapi.json"), withUndeclaredMembers: true);

    public async Task DisposeAsync() => await StandIn.DisposeAsync();
}

/// <summary>
/// Every operation of the repository's openapi.json, called through the generated client against the spec-driven
/// stand-in. The stand-in checks method, route, every parameter in its place, credentials and body; the test checks
/// that the documented response parses and writes back to the same JSON, so nothing is lost on the way.
/// </summary>
public sealed class AllOperationsTests : IClassFixture<StandInFixture>
{
    private static readonly JsonSerializerOptions s_envelopeOptions = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };
    private readonly StandInFixture _fixture;

    public AllOperationsTests(StandInFixture fixture)
    {
        _fixture = fixture;
    }

    public static IEnumerable<object[]> OperationIds()
    {
        JsonDocument spec = JsonDocument.Parse(System.IO.File.ReadAllText(System.IO.Path.Combine(TestPaths.RepositoryRoot, "openapi.json")));
        foreach (JsonProperty path in spec.RootElement.GetProperty("paths").EnumerateObject())
        {
            foreach (JsonProperty operation in path.Value.EnumerateObject())
            {
                yield return new object[] { operation.Value.GetProperty("operationId").GetString()! };
            }
        }
    }

    [Fact]
    public void TheSpecHas39Operations()
    {
        Assert.Equal(39, OperationIds().Count());
    }

    [Theory]
    [MemberData(nameof(OperationIds))]
    public async Task OperationRoundTripsThroughTheStandIn(string operationId)
    {
        SpecStandIn standIn = _fixture.StandIn;
        SpecStandIn.OperationInfo operation = standIn.Operations.Single(o => o.OperationId == operationId);
        using HttpClient http = new();
        LiveAvatarClient client = new(http, new LiveAvatarClientOptions { BaseAddress = standIn.BaseAddress, APIKeyHeader = "key", HTTPBearer = "token" });
        string methodName = OperationNames.BaseName(operation.OperationId, operation.Method, operation.PathTemplate) + "Async";
        // Every operation of the spec is tagged: its method is on the sub-client of its first tag.
        (object target, MethodInfo method) = typeof(LiveAvatarClient).GetProperties()
            .Where(p => p.PropertyType.Namespace == typeof(LiveAvatarClient).Namespace && p.PropertyType.GetMethod(methodName) is not null)
            .Select(p => (p.GetValue(client)!, p.PropertyType.GetMethod(methodName)!))
            .SingleOrDefault();
        Assert.True(method is not null, "no sub-client has a method " + methodName);
        object?[] arguments = method.GetParameters().Select(p => Argument(p, operation)).ToArray();
        int before = standIn.Exchanges.Count(e => e.OperationId == operationId);

        Task task = (Task)method.Invoke(target, arguments)!;
        await task;

        StandInExchange exchange = standIn.Exchanges.Where(e => e.OperationId == operationId).Skip(before).Single();
        Assert.Empty(exchange.Problems);
        PropertyInfo? resultProperty = task.GetType().GetProperty("Result");
        if (exchange.ResponseJson is null || resultProperty is null || resultProperty.PropertyType.Name == "VoidTaskResult")
        {
            return;
        }

        object? result = resultProperty.GetValue(task);
        Assert.NotNull(result);
        string written = JsonSerializer.Serialize(result, result!.GetType(), s_envelopeOptions);
        Assert.True(
            JsonNode.DeepEquals(JsonNode.Parse(exchange.ResponseJson), JsonNode.Parse(written)),
            $"The response did not survive the round trip.\nsent:    {exchange.ResponseJson}\nwritten: {written}");
    }

    /// <summary>A value for every parameter, optional ones included, so the stand-in can check that each arrives.</summary>
    private static object? Argument(ParameterInfo parameter, SpecStandIn.OperationInfo operation)
    {
        if (parameter.ParameterType == typeof(CancellationToken))
        {
            return CancellationToken.None;
        }

        JsonNode? sample;
        if (parameter.Name == "body")
        {
            IOpenApiSchema schema = operation.Operation.RequestBody!.Content!.First().Value.Schema!;
            sample = SchemaSamples.Build(schema);
        }
        else
        {
            IOpenApiParameter spec = operation.Parameters.Single(p => Identifiers.ToCamelCase(p.Name!).TrimStart('@') == parameter.Name);
            sample = SchemaSamples.Build(spec.Schema);
        }

        // The generated types carry their JsonConverter, so JsonSerializer builds them from the sample JSON.
        return JsonSerializer.Deserialize(sample?.ToJsonString() ?? "null", parameter.ParameterType);
    }
}
