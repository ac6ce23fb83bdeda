// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Reflection;
using System.Runtime.Loader;
using System.Text.Json;
using System.Text.Json.Nodes;
using LiveAvatarGen.Generator.Naming;
using LiveAvatarGen.Runtime.Errors;
using LiveAvatarGen.Tests.Harness;
using LiveAvatarGen.Tests.StandIn;
using Microsoft.CodeAnalysis;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using Xunit;
using Xunit.Abstractions;

namespace LiveAvatarGen.Tests.ApiShape;

/// <summary>
/// Nothing lost, on every public spec: each operation's documented JSON answer, built from its schema with a member
/// the spec does not declare added to every object, is read into the generated type and written back; the JSON
/// must come out equal (issue 11, item 6).
/// </summary>
public sealed class PublicSpecRoundTripTests
{
    private readonly ITestOutputHelper _output;

    public PublicSpecRoundTripTests(ITestOutputHelper output) => _output = output;

    public static IEnumerable<object[]> Specs() => Directory.GetFiles(TestPaths.Spec("public"))
        .Select(Path.GetFileName)
        .OrderBy(n => n, StringComparer.Ordinal)
        .Select(n => new object[] { n! });

    [Theory]
    [MemberData(nameof(Specs))]
    public void EveryAnswerSurvivesAReadModifyWriteWithUndeclaredMembers(string file)
    {
        string path = TestPaths.Spec(Path.Combine("public", file));
        string text = File.ReadAllText(path);
        GenerationResult result = GeneratorHarness.Generate("/specs/" + Path.GetFileNameWithoutExtension(file) + ".openapi" + Path.GetExtension(file), text);
        AssemblyLoadContext context = new("round-trip-" + file, isCollectible: true);
        try
        {
            using MemoryStream image = new();
            Assert.True(result.Output.Emit(image).Success);
            image.Position = 0;
            Assembly assembly = context.LoadFromStream(image);
            MethodInfo[] methods = assembly.GetExportedTypes().SelectMany(t => t.GetMethods()).Where(m => m.Name.EndsWith("Async", StringComparison.Ordinal)).ToArray();

            int checkedCount = 0;
            List<string> refused = new();
            foreach ((string operationId, string method, string template, IOpenApiSchema schema) in JsonAnswers(text, file))
            {
                string name = OperationNames.BaseName(operationId, method, template) + "Async";
                MethodInfo? call = methods.FirstOrDefault(m => m.Name == name && !m.DeclaringType!.IsInterface);
                if (call?.ReturnType is not { IsGenericType: true } task || task.GetGenericArguments()[0] is not { } answerType || answerType == typeof(Stream) || answerType == typeof(string))
                {
                    continue;
                }

                string sent = SchemaSamples.Build(schema, withUndeclaredMembers: true)?.ToJsonString() ?? "null";
                object? read;
                try
                {
                    read = JsonSerializer.Deserialize(sent, answerType);
                }
                catch (ApiDataException ex)
                {
                    // The sample builder does not satisfy every pattern, and it stops (with null) twelve levels deep;
                    // the reader refusing such a sample is right, and not a round-trip finding.
                    refused.Add(operationId + ": " + ex.Message);
                    continue;
                }

                string written = JsonSerializer.Serialize(read, answerType);
                Assert.True(JsonNode.DeepEquals(JsonNode.Parse(sent), JsonNode.Parse(written)), $"{file} {operationId}: the answer did not survive the round trip.\nsent:    {sent}\nwritten: {written}");
                checkedCount++;
            }

            _output.WriteLine($"{file}: {checkedCount} answers round-tripped losslessly; {refused.Count} samples refused (a pattern the builder misses, or nesting it cut short)" + string.Concat(refused.Select(r => "\n  " + r)));
            Assert.True(refused.Count <= checkedCount, "most samples must be readable");
        }
        finally
        {
            context.Unload();
        }
    }

    /// <summary>The first documented 2xx JSON answer of each operation, with its operation's names.</summary>
    private static IEnumerable<(string OperationId, string Method, string Template, IOpenApiSchema Schema)> JsonAnswers(string text, string file)
    {
        OpenApiReaderSettings settings = new();
        settings.AddYamlReader();
        string format = file.EndsWith(".json", StringComparison.Ordinal) ? "json" : "yaml";
        OpenApiDocument? document;
        try
        {
            document = OpenApiDocument.Parse(text, format, settings).Document;
        }
        catch (FormatException)
        {
            document = OpenApiDocument.Parse(System.Text.RegularExpressions.Regex.Replace(text, "(openapi[\"']?\\s*:\\s*[\"']?)3\\.0\\.\\d+", "${1}3.1.0"), format, settings).Document;
        }

        foreach (KeyValuePair<string, IOpenApiPathItem> path in document?.Paths ?? new OpenApiPaths())
        {
            foreach (KeyValuePair<HttpMethod, OpenApiOperation> operation in path.Value.Operations ?? new Dictionary<HttpMethod, OpenApiOperation>())
            {
                IOpenApiSchema? schema = operation.Value.Responses?
                    .Where(r => r.Key.StartsWith('2'))
                    .OrderBy(r => r.Key, StringComparer.Ordinal)
                    .Select(r => r.Value.Content?.FirstOrDefault(c => c.Key.Contains("json", StringComparison.Ordinal)).Value?.Schema)
                    .FirstOrDefault(s => s is not null);
                if (schema is not null)
                {
                    yield return (operation.Value.OperationId ?? string.Empty, operation.Key.Method, path.Key, schema);
                }
            }
        }
    }
}
