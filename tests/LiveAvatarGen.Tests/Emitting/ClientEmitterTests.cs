// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System.Linq;
using LiveAvatarGen.Generator.Emitting;
using LiveAvatarGen.Generator.Model;
using Microsoft.CodeAnalysis;
using Xunit;
using static LiveAvatarGen.Tests.Harness.ModelFactory;

namespace LiveAvatarGen.Tests.Emitting;

/// <summary>ClientEmitter: the client core, the interface shell, and one file per operation.</summary>
public sealed class ClientEmitterTests
{
    [Fact]
    public void CoreHasConstructorsOptionsAndHooks()
    {
        INamedTypeSymbol client = EmitterHarness.All.Type("TestClient");

        Assert.True(client.IsSealed);
        Assert.Equal("ITestClient", Assert.Single(client.Interfaces).Display());
        Assert.Equal(
            new[] { "HttpClient", "HttpClient, TestClientOptions" },
            client.InstanceConstructors.Select(c => string.Join(", ", c.Parameters.Select(p => p.Type.Display()))).OrderBy(s => s.Length));
        Assert.Equal("TestClientOptions", client.Property("Options").Type.Display());
        Assert.True(client.Method("PrepareRequest").IsPartialDefinition);
        Assert.True(client.Method("ProcessResponse").IsPartialDefinition);
    }

    [Fact]
    public void EveryOperationIsAMethodOnTheClientAndItsInterface()
    {
        INamedTypeSymbol client = EmitterHarness.All.Type("TestClient");
        INamedTypeSymbol contract = EmitterHarness.All.Type("ITestClient");

        foreach (OperationModel operation in EmitterSamples.Operations)
        {
            IMethodSymbol method = client.Method(operation.MethodName);
            IMethodSymbol declared = contract.Method(operation.MethodName);
            Assert.Equal(method, client.FindImplementationForInterfaceMember(declared), SymbolEqualityComparer.Default);
            Assert.Equal("CancellationToken", method.Parameters.Last().Type.Display());
            Assert.True(method.Parameters.Last().HasExplicitDefaultValue);
            Assert.Contains(method.ReturnType.Name, new[] { "Task", "IAsyncEnumerable" });
        }
    }

    [Fact]
    public void ParametersKeepTheirTypesAndOptionalOnesDefaultToNull()
    {
        IMethodSymbol getPet = EmitterHarness.All.Type("TestClient").Method("GetPetAsync");

        Assert.Equal(
            new[] { ("id", "long", false), ("xTrace", "string", false), ("fields", "IReadOnlyList<string>?", true), ("session", "string?", true), ("cancellationToken", "CancellationToken", true) },
            getPet.Parameters.Select(p => (p.Name, p.Type.Display(), p.HasExplicitDefaultValue)).OrderBy(p => p.Item3).ThenBy(p => p.Name == "cancellationToken"));
        Assert.Equal("Task<Pet>", getPet.ReturnType.Display());
    }

    [Fact]
    public void BodiesBecomeParameters()
    {
        INamedTypeSymbol client = EmitterHarness.All.Type("TestClient");

        Assert.Contains(client.Method("CreatePetAsync").Parameters, p => p.Type.Display() == "Pet");
        Assert.Contains(client.Method("UploadAsync").Parameters, p => p.Type.Display() == "ApiFile" && p.Name == "file");
        Assert.Contains(client.Method("UploadAsync").Parameters, p => p.Type.Display() == "string?" && p.Name == "note");
        Assert.Contains(client.Method("SubmitFormAsync").Parameters, p => p.Type.Display() == "IReadOnlyList<long>?" && p.Name == "ids");
        Assert.Contains(client.Method("PutBlobAsync").Parameters, p => p.Type.Display() == "Stream");
    }

    [Fact]
    public void ResponsesDecideTheReturnType()
    {
        INamedTypeSymbol client = EmitterHarness.All.Type("TestClient");

        Assert.Equal("Task<string>", client.Method("UploadAsync").ReturnType.Display());
        Assert.Equal("Task", client.Method("SubmitFormAsync").ReturnType.Display());
        Assert.Equal("IAsyncEnumerable<Owner>", client.Method("EventsAsync").ReturnType.Display());
        Assert.Contains(client.Method("EventsAsync").GetAttributes(), a => a.AttributeClass?.Name == "ObsoleteAttribute");
    }

    [Fact]
    public void AnOperationFileAloneAddsOneMemberToTheInterfaceAndTheClient()
    {
        ClientModel client = Client(operations: System.Array.Empty<OperationModel>());
        OperationModel ping = Operation("PingAsync", "GET", "/ping");

        Compilation compilation = EmitterHarness.Compile(
            ClientEmitter.Emit(client, EmitterSamples.Facts),
            ClientEmitter.EmitInterface(client),
            OptionsEmitter.Emit(client),
            ClientEmitter.EmitOperationFile(OperationFile(client, ping), EmitterSamples.Facts));

        Assert.Equal("Task", compilation.Type("ITestClient").Method("PingAsync").ReturnType.Display());
        // The operation and its companion that also returns the status and headers.
        Assert.Equal(new[] { "PingAsync", "PingWithResponseAsync" }, compilation.Type("TestClient").GetMembers().OfType<IMethodSymbol>().Where(m => m.Name.EndsWith("Async", System.StringComparison.Ordinal)).Select(m => m.Name));
    }
}

/// <summary>OptionsEmitter: one credential per scheme, one property per server variable.</summary>
public sealed class OptionsEmitterTests
{
    [Fact]
    public void OptionsHaveACredentialPerSchemeAndAPropertyPerServerVariable()
    {
        INamedTypeSymbol options = EmitterHarness.All.Type("TestClientOptions");

        Assert.Equal("ApiClientOptions", options.BaseType!.Display());
        foreach (string name in new[] { "Basic", "Bearer", "CookieKey", "Key", "QueryKey", "Region" })
        {
            IPropertySymbol property = options.Property(name);
            Assert.Equal("string?", property.Type.Display());
            Assert.NotNull(property.SetMethod);
        }

        Assert.True(options.Method("GetCredential").IsOverride);
    }

    [Fact]
    public void NoSchemesAndNoVariablesGiveOnlyTheBaseOptions()
    {
        ClientModel client = Client(operations: System.Array.Empty<OperationModel>());

        INamedTypeSymbol options = EmitterHarness.Compile(OptionsEmitter.Emit(client)).Type("TestClientOptions");

        Assert.DoesNotContain(options.GetMembers().OfType<IPropertySymbol>(), p => !p.IsOverride);
    }
}

/// <summary>ServiceCollectionEmitter: <c>services.Add{Client}</c>.</summary>
public sealed class ServiceCollectionEmitterTests
{
    [Fact]
    public void AddClientReturnsTheHttpClientBuilder()
    {
        INamedTypeSymbol extensions = EmitterHarness.All.Type("TestClientServiceCollectionExtensions");

        Assert.True(extensions.IsStatic);
        IMethodSymbol add = extensions.Method("AddTestClient");
        Assert.True(add.IsExtensionMethod);
        Assert.Equal("IHttpClientBuilder", add.ReturnType.Display());
        Assert.Equal(new[] { "IServiceCollection", "IConfiguration?", "Action<TestClientOptions>?" }, add.Parameters.Select(p => p.Type.Display()));
        Assert.Equal("Test.Api.TestClient", extensions.GetMembers("HttpClientName").OfType<IFieldSymbol>().Single().ConstantValue);
    }
}
