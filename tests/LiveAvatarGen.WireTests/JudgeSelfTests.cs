// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using LiveAvatarGen.Runtime.Errors;
using LiveAvatarGen.WireTests.Judging;
using LiveAvatarGen.WireTests.Prism;
using LiveAvatarGen.WireTests.Spec;
using Xunit;

namespace LiveAvatarGen.WireTests;

/// <summary>
/// The judge is not blind: a hand-written client that gets each thing wrong on purpose is convicted of exactly that,
/// by the same Prism and the same judge the generated clients face. A green wire suite means something only if these pass.
/// </summary>
[Collection(PrismCollection.Name)]
public sealed class JudgeSelfTests
{
    private static string PetstorePath => Path.Combine(PrismInstall.RepositoryRoot, "tests", "LiveAvatarGen.Tests", "Specs", "public", "oai-petstore.yaml");

    [PrismTheory]
    [InlineData(nameof(MisbehavingClient.QueryOfTheWrongTypeAsync), Verdict.Failed, FailureCategory.RequestViolation)]
    [InlineData(nameof(MisbehavingClient.BodyOfTheWrongContentTypeAsync), Verdict.Failed, FailureCategory.RequestViolation)]
    [InlineData(nameof(MisbehavingClient.WrongPathAsync), Verdict.Failed, FailureCategory.WrongRoute)]
    [InlineData(nameof(MisbehavingClient.ForeignExceptionAsync), Verdict.Failed, FailureCategory.ForeignException)]
    [InlineData(nameof(MisbehavingClient.CannotReadAValidAnswerAsync), Verdict.Failed, FailureCategory.ResponseUnreadable)]
    [InlineData(nameof(MisbehavingClient.CleanCallAsync), Verdict.Passed, FailureCategory.None)]
    public async Task TheJudgeConvictsEachMistake(string mistake, Verdict verdict, FailureCategory category)
    {
        WireSpec spec = WireSpec.Load(PetstorePath);
        await using PrismServer prism = await PrismServer.StartAsync(PetstorePath, PrismMode.Static);
        using WireRecorder recorder = new();
        using HttpClient http = new(recorder, disposeHandler: false) { BaseAddress = prism.BaseAddress };
        OperationJudge judge = new(new SchemaValidator(spec), recorder, PrismMode.Static);
        WireOperation listPets = spec.Operations.Single(o => o.OperationId == "listPets");

        CallResult result = await judge.CallAsync(new MisbehavingClient(http), typeof(MisbehavingClient).GetMethod(mistake)!, listPets, Array.Empty<object?>());

        Assert.True(result.Verdict == verdict && result.Category == category, "expected " + verdict + "/" + category + ", got " + result);
    }

    /// <summary>Each method makes one mistake a generated client could make.</summary>
    public sealed class MisbehavingClient
    {
        private readonly HttpClient _http;

        public MisbehavingClient(HttpClient http) => _http = http;

        public async Task QueryOfTheWrongTypeAsync() => (await _http.GetAsync(new Uri("pets?limit=many", UriKind.Relative))).Dispose();

        public async Task BodyOfTheWrongContentTypeAsync()
        {
            using StringContent body = new("{\"id\":1,\"name\":\"x\"}", System.Text.Encoding.UTF8, "text/plain");
            (await _http.PostAsync(new Uri("pets", UriKind.Relative), body)).Dispose();
        }

        public async Task WrongPathAsync() => (await _http.GetAsync(new Uri("animals", UriKind.Relative))).Dispose();

        public async Task ForeignExceptionAsync()
        {
            (await _http.GetAsync(new Uri("pets", UriKind.Relative))).Dispose();
            throw new InvalidOperationException("a bug in the client");
        }

        public async Task CannotReadAValidAnswerAsync()
        {
            (await _http.GetAsync(new Uri("pets", UriKind.Relative))).Dispose();
            throw new ApiResponseFormatException("the client misread a valid answer");
        }

        public async Task CleanCallAsync() => (await _http.GetAsync(new Uri("pets?limit=3", UriKind.Relative))).Dispose();
    }
}
