// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System.Linq;
using LiveAvatarGen.Generator.Configuration;
using LiveAvatarGen.Generator.Parsing;
using LiveAvatarGen.Tests.Harness;
using Microsoft.CodeAnalysis;
using Xunit;

namespace LiveAvatarGen.Tests.Generation;

/// <summary>Which files are specs, and how item metadata names the output.</summary>
public sealed class InputContractTests
{
    [Theory]
    [InlineData("/p/openapi.json", true)]
    [InlineData("/p/openapi.yaml", true)]
    [InlineData("/p/openapi.yml", true)]
    [InlineData("/p/OpenAPI.JSON", true)]
    [InlineData("/p/billing.openapi.json", true)]
    [InlineData("/p/billing.openapi.yaml", true)]
    [InlineData("/p/billing.openapi.yml", true)]
    [InlineData("/p/openapi.txt", false)]
    [InlineData("/p/myopenapi.json", false)]
    [InlineData("/p/swagger.json", false)]
    [InlineData("/p/appsettings.json", false)]
    public void SpecFilesAreRecognisedByName(string path, bool isSpec)
    {
        Assert.Equal(isSpec, SpecFiles.IsSpec(path));
    }

    [Fact]
    public void NamespaceAndClientNameComeFromItemMetadata()
    {
        GenerationResult result = GeneratorHarness.Generate("/specs/openapi.json", TestPaths.ReadSpec("credits.openapi.json"), ns: "My.Company.Billing", clientName: "BillingClient");

        Assert.NotNull(result.Output.GetTypeByMetadataName("My.Company.Billing.BillingClient"));
        Assert.NotNull(result.Output.GetTypeByMetadataName("My.Company.Billing.BillingClientOptions"));
    }

    [Fact]
    public void DefaultsAreRootNamespaceAndATitleDerivedName()
    {
        GenerationResult result = GeneratorHarness.Generate("/specs/openapi.json", TestPaths.ReadSpec("credits.openapi.json"), ns: null);

        Assert.NotNull(result.Output.GetTypeByMetadataName("Consumer.LiveAvatarClient"));
    }

    [Theory]
    [InlineData("Live avatar API", "LiveAvatarClient")]
    [InlineData("Swagger Petstore", "SwaggerPetstoreClient")]
    [InlineData("My Client", "MyClient")]
    [InlineData("", "ApiClient")]
    public void ClientNameFromTitle(string title, string expected)
    {
        Assert.Equal(expected, SpecReader.ClientNameFromTitle(title));
    }

    [Fact]
    public void TwoSpecsGiveTwoIndependentClients()
    {
        var compilation = GeneratorHarness.CreateCompilation(TargetProfile.Net10CSharp14, "namespace Consumer { }");
        GeneratorDriver driver = GeneratorHarness.CreateDriver(
            compilation,
            new[] { ("/a/credits.openapi.json", TestPaths.ReadSpec("credits.openapi.json")), ("/b/openapi.yaml", "openapi: 3.0.0\ninfo: { title: Other API, version: '1' }\npaths:\n  /ping:\n    get:\n      operationId: ping\n      responses:\n        '204': { description: ok }\n") },
            ns: null);
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out _);
        GeneratorHarness.AssertCachedAfterUnrelatedEdit(driver, compilation);

        Assert.NotNull(output.GetTypeByMetadataName("Consumer.LiveAvatarClient"));
        Assert.NotNull(output.GetTypeByMetadataName("Consumer.OtherClient"));
        Assert.Empty(NullableWarnings.TurnedOn(output).GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning && d.Id is not ("CS1701" or "CS1702")));
    }

    [Theory]
    [InlineData("get_user_credits_v1_users_credits_get", "GET", "/v1/users/credits", "GetUserCredits")]
    [InlineData("get_session_v1_sessions__session_id__get", "GET", "/v1/sessions/{session_id}", "GetSession")]
    [InlineData("create_embed_v2_v2_embeddings_post", "POST", "/v2/embeddings", "CreateEmbedV2")]
    [InlineData("listPets", "GET", "/pets", "ListPets")]
    [InlineData(null, "GET", "/pets/{petId}", "GetPetsPetId")]
    public void OperationNames(string? operationId, string method, string path, string expected)
    {
        Assert.Equal(expected, LiveAvatarGen.Generator.Naming.OperationNames.BaseName(operationId, method, path));
    }
}
