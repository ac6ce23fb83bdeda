// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System.Linq;
using LiveAvatarGen.Generator.Emitting;
using LiveAvatarGen.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using TypeKind = LiveAvatarGen.Generator.Model.TypeKind;
using Xunit;
using static LiveAvatarGen.Tests.Harness.ModelFactory;

namespace LiveAvatarGen.Tests.Emitting;

/// <summary>ClientEmitter with groups: sub-client classes and interfaces, the client's properties, companions and typed headers.</summary>
public sealed class SubClientEmitterTests
{
    private static readonly OperationGroupModel s_pets = Group("Pets", "Pets");

    private static CSharpCompilation CompileClient()
    {
        OperationModel list = Operation("ListPetsAsync", "GET", "/pets", responses: new[] { Response("200", new TypeRef(TypeKind.String), ContentKind.Json) }, security: new[] { new[] { "Key" } }, group: "Pets", headers: new[] { Header("X-Total", "XTotal", TypeKind.Int64), Header("X-Id", "XId", TypeKind.Guid) });
        OperationModel delete = Operation("DeletePetAsync", "DELETE", "/pets/1", group: "Pets", headers: new[] { Header("ETag", "ETag", TypeKind.String) });
        OperationModel ping = Operation("PingAsync", "GET", "/ping");
        ClientModel client = Client(new[] { Scheme("Key", "ApiKeyHeader", "X-Key") }, null, null, new[] { s_pets }, list, delete, ping);
        ClientModel core = client with { Operations = default };
        return EmitterHarness.Compile(
            new[] { ClientEmitter.Emit(core, EmitterSamples.Facts), ClientEmitter.EmitInterface(core), ClientEmitter.EmitGroup(core, s_pets), OptionsEmitter.Emit(core), ServiceCollectionEmitter.Emit(core) }
                .Concat(client.Operations.Select(o => ClientEmitter.EmitOperationFile(OperationFile(client, o), EmitterSamples.Facts)))
                .ToArray());
    }

    [Fact]
    public void TheClientExposesEachSubClientTypedAsItsInterface()
    {
        Compilation compilation = CompileClient();

        Assert.Equal("ITestPetsClient", compilation.Type("ITestClient").Property("Pets").Type.Display());
        Assert.Equal("TestPetsClient", compilation.Type("TestClient").Property("Pets").Type.Display());
        INamedTypeSymbol pets = compilation.Type("TestPetsClient");
        Assert.Contains(compilation.Type("ITestPetsClient"), pets.AllInterfaces);
        Assert.True(pets.IsSealed);
        Assert.All(pets.InstanceConstructors, c => Assert.Equal(Accessibility.Internal, c.DeclaredAccessibility));
    }

    [Fact]
    public void GroupedOperationsAreOnTheSubClientAndTheRestOnTheClient()
    {
        Compilation compilation = CompileClient();

        string[] Async(string type) => compilation.Type(type).GetMembers().OfType<IMethodSymbol>().Where(m => m.Name.EndsWith("Async", System.StringComparison.Ordinal)).Select(m => m.Name).OrderBy(n => n, System.StringComparer.Ordinal).ToArray();
        Assert.Equal(new[] { "DeletePetAsync", "DeletePetWithResponseAsync", "ListPetsAsync", "ListPetsWithResponseAsync" }, Async("ITestPetsClient"));
        Assert.Equal(new[] { "DeletePetAsync", "DeletePetWithResponseAsync", "ListPetsAsync", "ListPetsWithResponseAsync" }, Async("TestPetsClient"));
        Assert.Equal(new[] { "PingAsync", "PingWithResponseAsync" }, Async("TestClient"));
    }

    [Fact]
    public void CompanionsReturnTheResponseWithTypedHeadersWhereDeclared()
    {
        Compilation compilation = CompileClient();
        INamedTypeSymbol pets = compilation.Type("ITestPetsClient");

        Assert.Equal("Task<ApiResponse<string, ListPetsResponseHeaders>>", pets.Method("ListPetsWithResponseAsync").ReturnType.Display());
        Assert.Equal("Task<ApiHeadersResponse<DeletePetResponseHeaders>>", pets.Method("DeletePetWithResponseAsync").ReturnType.Display());
        Assert.Equal("Task<ApiResponse>", compilation.Type("ITestClient").Method("PingWithResponseAsync").ReturnType.Display());
        INamedTypeSymbol headers = compilation.Type("ListPetsResponseHeaders");
        Assert.Equal("ApiResponseHeaders", headers.BaseType!.Display());
        Assert.Equal("long?", headers.Property("XTotal").Type.Display());
        Assert.Equal("Guid?", headers.Property("XId").Type.Display());
    }
}
