// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Reflection;
using System.Runtime.Loader;
using System.Threading;
using System.Threading.Tasks;
using LiveAvatarGen.Runtime.Http;
using LiveAvatarGen.Tests.Harness;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;

namespace LiveAvatarGen.Tests.EndToEnd;

/// <summary>
/// Issue 12, "pay only for what you call": an operation's own state (its own server, its description) is built on its
/// first call, not in the client's static constructor, which runs for any call and would make a NativeAOT app carry
/// every operation's state (bench/LiveAvatarGen.AotSize measures it on Stripe). Security alternatives are the
/// client's, one field per distinct set shared by the operations that require it, built with the schemes.
/// </summary>
public sealed class PayForWhatYouCallTests
{
    private const string Spec = """
        openapi: 3.0.3
        info: { title: Lazy, version: "1" }
        servers: [ { url: "http://127.0.0.1:1/" } ]
        components:
          securitySchemes:
            bearer: { type: http, scheme: bearer }
        security: [ { bearer: [] } ]
        paths:
          /a:
            get:
              operationId: getA
              responses: { "204": { description: done } }
          /b:
            get:
              operationId: getB
              servers: [ { url: "http://127.0.0.1:{port}/own", variables: { port: { default: "1" } } } ]
              responses: { "204": { description: done } }
        """;

    [Fact]
    public void NoOperationFileDeclaresStaticStateThatTheStaticConstructorWouldBuild()
    {
        GenerationResult result = GeneratorHarness.Generate("/specs/lazy.openapi.yaml", Spec, clientName: "LazyClient");
        Assert.Empty(result.CompilationProblems);

        List<string> initialized = result.Sources
            .Where(s => s.HintName.EndsWith("Async.g.cs", StringComparison.Ordinal))
            .SelectMany(s => CSharpSyntaxTree.ParseText(s.SourceText).GetRoot().DescendantNodes().OfType<FieldDeclarationSyntax>())
            .Where(f => f.Modifiers.Any(SyntaxKind.StaticKeyword) && f.Declaration.Variables.Any(v => v.Initializer is not null))
            .Select(f => f.Declaration.Variables[0].Identifier.Text)
            .ToList();

        Assert.Equal(2, result.Sources.Count(s => s.HintName.EndsWith("Async.g.cs", StringComparison.Ordinal)));
        Assert.Empty(initialized);
    }

    [Fact]
    public async Task AnOperationsServerIsBuiltOnItsFirstCallAndKeptAndItsSecurityIsShared()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(context =>
        {
            context.Response.StatusCode = 204;
            return Task.CompletedTask;
        });
        GenerationResult result = GeneratorHarness.Generate("/specs/lazy.openapi.yaml", Spec, clientName: "LazyClient");
        AssemblyLoadContext context = new("pay-for-what-you-call", isCollectible: true);
        try
        {
            using MemoryStream image = new();
            Assert.True(result.Output.Emit(image).Success);
            image.Position = 0;
            Type clientType = context.LoadFromStream(image).GetType("Test.Api.LazyClient", throwOnError: true)!;
            Dictionary<string, string> settings = new()
            {
                ["BaseAddress"] = server.BaseAddress.ToString(),
                ["Port"] = server.BaseAddress.Port.ToString(CultureInfo.InvariantCulture),
                ["Bearer"] = "token",
            };
            ApiClientOptions options = (ApiClientOptions)Activator.CreateInstance(clientType.Assembly.GetType("Test.Api.LazyClientOptions", throwOnError: true)!)!;
            options.ApplySettings(key => settings.TryGetValue(key, out string? value) ? value : null);
            using HttpClient http = new();
            object client = Activator.CreateInstance(clientType, http, options)!;

            // The static constructor has run (the instance exists): it built the one security set both operations
            // require, and no operation's own state.
            object? security = Field(clientType, "s_security0");
            Assert.NotNull(security);
            Assert.Null(clientType.GetField("s_security1", BindingFlags.NonPublic | BindingFlags.Static));
            Assert.Null(Field(clientType, "s_operation_GetA"));
            Assert.Null(Field(clientType, "s_server_GetB"));

            await Call(client, "GetAAsync");
            object? operation = Field(clientType, "s_operation_GetA");
            Assert.NotNull(operation);
            Assert.Null(Field(clientType, "s_operation_GetB"));
            Assert.Null(Field(clientType, "s_server_GetB"));

            await Call(client, "GetAAsync");
            await Call(client, "GetBAsync");
            Assert.Same(operation, Field(clientType, "s_operation_GetA"));
            Assert.Same(security, Field(clientType, "s_security0"));
            Assert.NotNull(Field(clientType, "s_server_GetB"));

            // Built lazily, they still do their work: credentials on both calls, B sent to its own server's path.
            Assert.Equal(new[] { "/a", "/a", "/own/b" }, server.Requests.Select(r => r.PathAndQuery));
            Assert.All(server.Requests, r => Assert.Equal("Bearer token", r.Headers["Authorization"]));
        }
        finally
        {
            context.Unload();
        }
    }

    private static object? Field(Type type, string name)
        => (type.GetField(name, BindingFlags.NonPublic | BindingFlags.Static) ?? throw new MissingFieldException(type.Name, name)).GetValue(null);

    private static Task Call(object client, string method)
        => (Task)client.GetType().GetMethod(method, new[] { typeof(CancellationToken) })!.Invoke(client, new object[] { CancellationToken.None })!;
}
