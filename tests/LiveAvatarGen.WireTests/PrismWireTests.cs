// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using LiveAvatarGen.WireTests.Client;
using LiveAvatarGen.WireTests.Judging;
using LiveAvatarGen.WireTests.Prism;
using LiveAvatarGen.WireTests.Spec;
using Xunit;
using Xunit.Abstractions;

namespace LiveAvatarGen.WireTests;

/// <summary>One Prism process at a time: the runs of this collection never overlap (and the machine is small).</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class PrismCollection : ICollectionFixture<WireResults>
{
    public const string Name = "Prism";
}

/// <summary>A theory that skips, saying why, only when node is missing; with node, Prism is installed on demand.</summary>
public sealed class PrismTheoryAttribute : TheoryAttribute
{
    public PrismTheoryAttribute()
    {
        if (PrismInstall.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}

/// <summary>
/// Stoplight Prism judges the generated clients on the wire. For each spec and mode, Prism mocks the spec on loopback
/// and every operation is called through the generated client with spec-valid arguments. The call fails on a request
/// violation Prism reports, on an answer valid against the spec that the client cannot read, and on any exception
/// that is not LiveAvatarGen.Runtime's. Failures listed in <see cref="KnownFailures"/> are expected, nothing else.
/// </summary>
[Collection(PrismCollection.Name)]
public sealed class PrismWireTests
{
    private const string LiveAvatarSpec = "openapi.json";
    private const string ConstructsSpec = "constructs.openapi.yaml";

    /// <summary>The shapes real traffic caught us getting wrong (issue 9): annotation-only allOf, nullable $refs, defaults, undeclared required members.</summary>
    private const string WireTruth30Spec = "wiretruth30.openapi.yaml";

    private const string WireTruth31Spec = "wiretruth31.openapi.yaml";

    /// <summary>
    /// Large specs Prism 5.16 cannot serve: on Stripe's 4 MB spec it did not start listening within 90 s on the CI
    /// machine (measured). Their generated clients are still compiled with zero warnings (PublicSpecTests).
    /// </summary>
    private static readonly string[] s_beyondPrism = { "stripe.yaml" };

    private readonly WireResults _results;
    private readonly ITestOutputHelper _output;

    public PrismWireTests(WireResults results, ITestOutputHelper output)
    {
        _results = results;
        _output = output;
    }

    /// <summary>
    /// The repository's LiveAvatar spec, the constructs spec (one operation per construct the generator supports, so
    /// docs/coverage.md can say which constructs are proven on the wire) and every public spec, each in both modes.
    /// </summary>
    public static IEnumerable<object[]> Cases()
    {
        IEnumerable<string> specs = new[] { LiveAvatarSpec, ConstructsSpec, WireTruth30Spec, WireTruth31Spec }
            .Concat(Directory.GetFiles(PublicSpecDirectory).Select(p => Path.GetFileName(p)).OrderBy(n => n, StringComparer.Ordinal))
            .Concat(Directory.GetFiles(LargeSpecDirectory).Select(p => Path.GetFileName(p)).Where(n => !s_beyondPrism.Contains(n)).Select(n => "large/" + n).OrderBy(n => n, StringComparer.Ordinal));
        foreach (string spec in specs)
        {
            yield return new object[] { spec, PrismMode.Static };
            yield return new object[] { spec, PrismMode.Dynamic };
        }
    }

    [PrismTheory]
    [MemberData(nameof(Cases))]
    public async Task EveryOperationPassesPrism(string spec, PrismMode mode)
    {
        string path = spec switch
        {
            LiveAvatarSpec => Path.Combine(PrismInstall.RepositoryRoot, LiveAvatarSpec),
            ConstructsSpec or WireTruth30Spec or WireTruth31Spec => Path.Combine(PublicSpecDirectory, "..", spec),
            _ when spec.StartsWith("large/", StringComparison.Ordinal) => Path.Combine(LargeSpecDirectory, spec.Substring("large/".Length)),
            _ => Path.Combine(PublicSpecDirectory, spec),
        };
        WireSpec wireSpec = WireSpec.Load(path);
        SchemaValidator validator = new(wireSpec);
        ArgumentBinder binder = new(wireSpec, validator);
        using CompiledClient compiled = CompiledClient.Build(path);
        compiled.ServerVariableNames = wireSpec.ServerVariableNames();

        List<CallResult> calls = new();
        List<string> notes = new();
        string? refused = null;
        string prismLog = string.Empty;
        if (wireSpec.Operations.Count == 0)
        {
            // Prism refuses a spec without paths (webhooks only); there is nothing to call, so nothing to judge.
            notes.Add("the spec has no operations under paths: nothing to call");
        }
        else
        {
            try
            {
                prismLog = await CallEveryOperationAsync(wireSpec, compiled, binder, validator, path, mode, calls, notes);
            }
            catch (PrismStartException e)
            {
                refused = e.Message;
            }
        }

        // Prism's own limitations first: the call is not judged, and the report says why.
        List<PrismLimitation> limitationsSeen = new();
        for (int i = 0; i < calls.Count; i++)
        {
            if (PrismLimitations.Find(spec, calls[i]) is { } limitation)
            {
                limitationsSeen.Add(limitation);
                calls[i] = calls[i] with { Verdict = Verdict.NotJudged, Detail = "Prism limitation: " + limitation.Evidence + " (was " + calls[i].Category + ": " + calls[i].Detail + ")" };
            }
        }

        List<(CallResult, KnownFailure)> known = calls.Where(c => c.Verdict == Verdict.Failed)
            .Select(c => (Call: c, Known: KnownFailures.Find(spec, mode, c)))
            .Where(p => p.Known is not null)
            .Select(p => (p.Call, p.Known!))
            .ToList();
        WireRun run = new(spec, mode, calls, known, refused);
        _results.Add(run);

        List<CallResult> unexpected = calls.Where(c => c.Verdict == Verdict.Failed && !known.Any(k => ReferenceEquals(k.Item1, c))).ToList();
        List<object> stale = KnownFailures.For(spec, mode).Where(k => !known.Any(p => ReferenceEquals(p.Item2, k))).Cast<object>()
            .Concat(refused is null && wireSpec.Operations.Count > 0 ? PrismLimitations.For(spec).Where(l => !limitationsSeen.Contains(l)) : Enumerable.Empty<object>())
            .ToList();
        _output.WriteLine(Report(run, notes, unexpected, stale));
        if (unexpected.Count > 0 && prismLog.Length > 0)
        {
            _output.WriteLine("Prism's log (last 60 lines):\n" + string.Join("\n", prismLog.Split('\n').TakeLast(60)));
        }

        Assert.True(refused is null, "Prism refused to mock " + spec + ": " + refused);
        Assert.True(unexpected.Count == 0, unexpected.Count + " failure(s) on the wire:\n" + string.Join("\n", unexpected));
        Assert.True(stale.Count == 0, "Known failures or Prism limitations that no longer happen (delete them):\n" + string.Join("\n", stale));
    }

    /// <summary>
    /// Calls each operation in spec order through one Prism process. Prism dies on some requests instead of reporting
    /// them; the call is then charged with the crash and a fresh Prism (still one at a time) takes the remaining calls.
    /// </summary>
    /// <returns>Prism's log, for the report.</returns>
    private static async Task<string> CallEveryOperationAsync(WireSpec spec, CompiledClient compiled, ArgumentBinder binder, SchemaValidator validator, string path, PrismMode mode, List<CallResult> calls, List<string> notes)
    {
        StringBuilder log = new();
        PrismServer prism = await PrismServer.StartAsync(path, mode);
        WireRecorder recorder = new();
        HttpClient http = new(recorder) { Timeout = TimeSpan.FromSeconds(30) };
        try
        {
            object client = compiled.CreateClient(http, prism.BaseAddress);
            OperationJudge judge = new(validator, recorder, mode);
            foreach (WireOperation operation in spec.Operations)
            {
                List<ClientMethod> methods = compiled.Methods.Where(m => m.HttpMethod == operation.Method && m.Path == operation.Path).ToList();
                if (methods.Count == 0)
                {
                    calls.Add(new CallResult(operation.Key, Verdict.Failed, FailureCategory.Unmapped, "no generated method sends " + operation.Method + " " + operation.Path));
                    continue;
                }

                if (operation.HasOwnServers)
                {
                    // Prism routes by path alone; an operation with its own servers goes to that host by design
                    // (ServersEndToEndTests prove where), so Prism cannot be its judge.
                    calls.Add(new CallResult(operation.Key, Verdict.NotJudged, FailureCategory.None, "the operation declares its own servers; the client sends it there, not to Prism"));
                    continue;
                }

                foreach (ClientMethod method in methods)
                {
                    BoundCall bound = binder.Bind(operation, method.Method);
                    notes.AddRange(bound.Notes.Select(n => operation.Key + ": " + n));
                    CallResult result = bound.Refusal ?? await judge.CallAsync(method.Target(client), method.Method, operation, bound.Arguments!);
                    if (result.Category == FailureCategory.Transport)
                    {
                        // A dropped connection is how a Prism crash looks from here; give the process a moment to be seen dead.
                        await prism.ExitedWithinAsync(TimeSpan.FromSeconds(3));
                    }

                    if (prism.HasExited)
                    {
                        await prism.DisposeAsync();
                        string crash = prism.Log;
                        log.Append(crash);
                        string reason = string.Join(" / ", crash.Split('\n').Select(l => l.Trim()).Where(l => l.Contains("Error", StringComparison.Ordinal) || l.StartsWith("at ", StringComparison.Ordinal)).Take(3));
                        result = result with { Verdict = Verdict.Failed, Category = FailureCategory.PrismCrashed, Detail = "Prism died on this request: " + reason };
                        prism = await PrismServer.StartAsync(path, mode);
                        http.Dispose();
                        recorder = new WireRecorder();
                        http = new HttpClient(recorder) { Timeout = TimeSpan.FromSeconds(30) };
                        client = compiled.CreateClient(http, prism.BaseAddress);
                        judge = new OperationJudge(validator, recorder, mode);
                    }

                    calls.Add(result);
                }
            }

            log.Append(prism.Log);
            return log.ToString();
        }
        finally
        {
            http.Dispose();
            await prism.DisposeAsync();
        }
    }

    private static string LargeSpecDirectory => Path.Combine(PrismInstall.RepositoryRoot, "tests", "LiveAvatarGen.Tests", "Specs", "large");

    private static string PublicSpecDirectory => Path.Combine(PrismInstall.RepositoryRoot, "tests", "LiveAvatarGen.Tests", "Specs", "public");

    private static string Report(WireRun run, List<string> notes, List<CallResult> unexpected, List<object> stale)
    {
        StringBuilder text = new();
        text.AppendLine(WireRun.Header);
        text.AppendLine(run.Row());
        text.AppendLine();
        foreach (CallResult call in run.Calls)
        {
            text.AppendLine((unexpected.Contains(call) ? "FAIL  " : call.Verdict == Verdict.Failed ? "known " : "      ") + call);
        }

        if (notes.Count > 0)
        {
            text.AppendLine();
            text.AppendLine("Notes:");
            foreach (string note in notes.Distinct(StringComparer.Ordinal))
            {
                text.AppendLine("  " + note);
            }
        }

        foreach (object entry in stale)
        {
            text.AppendLine("STALE: " + entry);
        }

        return text.ToString();
    }
}
