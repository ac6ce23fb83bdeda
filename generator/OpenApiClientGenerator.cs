// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using LiveAvatarGen.Generator.Configuration;
using LiveAvatarGen.Generator.Diagnostics;
using LiveAvatarGen.Generator.Emitting;
using LiveAvatarGen.Generator.Infrastructure;
using LiveAvatarGen.Generator.Model;
using LiveAvatarGen.Generator.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace LiveAvatarGen.Generator;

/// <summary>
/// Generates a typed client from every OpenAPI document passed as an AdditionalFile
/// (<c>openapi.json|yaml|yml</c> or <c>*.openapi.json|yaml|yml</c>).
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class OpenApiClientGenerator : IIncrementalGenerator
{
    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        // Spec files with their per-file options; the AdditionalText is dropped here, only its text travels on.
        // Then each spec's overlays join it (text included), so editing an overlay re-parses its spec.
        IncrementalValuesProvider<SpecInput> specs = context.AdditionalTextsProvider
            .Where(static file => SpecFiles.IsSpec(file.Path))
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Select(static (pair, cancellationToken) => SpecFiles.ToInput(pair.Left, pair.Right, cancellationToken))
            .WithTrackingName(TrackingNames.SpecFile);
        IncrementalValuesProvider<SpecInput> inputs = SpecOverlays.Pair(context, specs)
            .WithTrackingName(TrackingNames.Input);

        // Parse each spec into an immutable, equatable model.
        IncrementalValuesProvider<ReadResult> results = inputs
            .Select(static (input, cancellationToken) => SpecReader.Read(input, cancellationToken))
            .WithTrackingName(TrackingNames.Parse);

        // The few compilation facts that shape output, selected small so C# edits leave them equal.
        IncrementalValueProvider<CompilationFacts> facts = context.CompilationProvider
            .Select(static (compilation, _) => CompilationFacts.From(compilation))
            .WithTrackingName(TrackingNames.CompilationFacts);

        // Diagnostics travel apart from code, so a diagnostic that only moved never re-emits a file.
        IncrementalValuesProvider<EquatableArray<DiagnosticInfo>> diagnostics = results
            .Select(static (result, _) => result.Diagnostics)
            .WithTrackingName(TrackingNames.Diagnostics);
        context.RegisterSourceOutput(diagnostics, static (spc, items) =>
        {
            foreach (DiagnosticInfo item in items)
            {
                spc.ReportDiagnostic(item.ToDiagnostic());
            }
        });

        // Environment problems are reported once per spec and stop its output: code that cannot compile would bury them.
        context.RegisterSourceOutput(results.Select(static (r, _) => r.FilePath).Combine(facts), static (spc, pair) => ReportEnvironment(spc, pair.Left, pair.Right));

        // Specs that would generate the same client (namespace and name): their outputs would collide, so none of
        // them is emitted and each is reported. The value is small and changes only when a client's name does.
        IncrementalValuesProvider<SpecOwner> owners = results.Select(static (r, _) => new SpecOwner(r.FilePath, r.Spec?.Client?.HintPrefix));
        IncrementalValueProvider<EquatableArray<string>> clashes = owners
            .Collect()
            .Select(static (all, _) => SpecOwner.Clashes(all))
            .WithTrackingName(TrackingNames.Clashes);
        context.RegisterSourceOutput(owners.Combine(clashes), static (spc, pair) => ReportClash(spc, pair.Left, pair.Right));
        IncrementalValueProvider<EmitContext> emitContext = facts
            .Combine(clashes)
            .Select(static (pair, _) => new EmitContext(pair.Left, pair.Right));

        // One output per generated type: editing one schema re-emits one file.
        IncrementalValuesProvider<TypeModel> types = results
            .SelectMany(static (result, _) => result.Spec?.Types ?? EquatableArray<TypeModel>.Empty)
            .WithTrackingName(TrackingNames.Types);
        context.RegisterSourceOutput(types.Combine(emitContext), static (spc, pair) => EmitType(spc, pair.Left, pair.Right));

        // The client's core (constructors, options, hooks, interface shell), without its operations: adding an
        // operation leaves it unchanged.
        IncrementalValuesProvider<ClientModel> clients = results
            .Select(static (result, _) => result.Spec?.Client)
            .Where(static client => client is not null)
            .Select(static (client, _) => client! with { Operations = EquatableArray<OperationModel>.Empty })
            .WithTrackingName(TrackingNames.Client);
        context.RegisterSourceOutput(clients.Combine(emitContext), static (spc, pair) => EmitClient(spc, pair.Left, pair.Right));

        // One output per operation: its interface member and its method.
        IncrementalValuesProvider<OperationOutput> operations = results
            .SelectMany(static (result, _) => result.Spec?.Client is { } client ? OperationOutput.From(client) : EquatableArray<OperationOutput>.Empty)
            .WithTrackingName(TrackingNames.Operations);
        context.RegisterSourceOutput(operations.Combine(emitContext), static (spc, pair) => EmitOperation(spc, pair.Left, pair.Right));

        // The webhooks' readers, events, handlers and (with ASP.NET Core) endpoint; apart from the client, so an
        // operation edit leaves them unchanged. None or one per spec, kept as one value per spec so the step is
        // tracked (and checked for caching) for every spec, with webhooks or without.
        IncrementalValuesProvider<EquatableArray<WebhooksModel>> webhooks = results
            .Select(static (result, _) => result.Spec?.Webhooks is { } model ? new EquatableArray<WebhooksModel>(new[] { model }) : EquatableArray<WebhooksModel>.Empty)
            .WithTrackingName(TrackingNames.Webhooks);
        context.RegisterSourceOutput(webhooks.Combine(emitContext), static (spc, pair) =>
        {
            foreach (WebhooksModel model in pair.Left)
            {
                EmitWebhooks(spc, model, pair.Right);
            }
        });

        // The compiler-support types an old framework lacks (netstandard2.0, .NET Framework), declared once per
        // compilation when some spec generates code, unless the compilation or PolySharp already has them.
        IncrementalValueProvider<EquatableArray<string>> polyfills = context.CompilationProvider
            .Select(static (compilation, _) => PolyfillPlan.Missing(compilation))
            .Combine(context.AnalyzerConfigOptionsProvider.Select(static (options, _) => PolyfillSettings.From(options.GlobalOptions)))
            .Select(static (pair, _) => PolyfillPlan.ToEmit(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.Polyfills);
        IncrementalValueProvider<bool> anySpec = results.Select(static (r, _) => r.Spec is not null).Collect().Select(static (all, _) => all.Contains(true));
        context.RegisterSourceOutput(polyfills.Combine(facts).Combine(anySpec), static (spc, pair) => EmitPolyfills(spc, pair.Left.Left, pair.Left.Right, pair.Right));
    }

    private static void EmitWebhooks(SourceProductionContext context, WebhooksModel webhooks, EmitContext emit)
    {
        if (!emit.CanEmit(webhooks.HintPrefix))
        {
            return;
        }

        CompilationFacts facts = emit.Facts;
        Add(context, HintNames.For(webhooks.HintPrefix, webhooks.ReaderName), WebhookEmitter.EmitReaders(webhooks, facts), webhooks.HintPrefix);
        Add(context, HintNames.For(webhooks.HintPrefix, webhooks.EventName), WebhookEmitter.EmitEvents(webhooks, facts), webhooks.HintPrefix);
        Add(context, HintNames.For(webhooks.HintPrefix, webhooks.HandlersName), WebhookEmitter.EmitHandlers(webhooks, facts), webhooks.HintPrefix);
        if (facts.HasAspNetCoreRouting)
        {
            Add(context, HintNames.For(webhooks.HintPrefix, webhooks.EndpointsName), WebhookEndpointEmitter.Emit(webhooks), webhooks.HintPrefix);
        }
    }

    private static void EmitPolyfills(SourceProductionContext context, EquatableArray<string> polyfills, CompilationFacts facts, bool anySpec)
    {
        if (!anySpec || !facts.HasRuntime || !facts.SupportsCSharp11 || !facts.HasHttpClient)
        {
            return;
        }

        foreach (string name in polyfills)
        {
            context.AddSource(PolyfillEmitter.HintName(name), SourceText.From(PolyfillEmitter.Emit(name), System.Text.Encoding.UTF8));
        }
    }

    private static void EmitOperation(SourceProductionContext context, OperationOutput operation, EmitContext emit)
    {
        if (!emit.CanEmit(operation.HintPrefix))
        {
            return;
        }

        CompilationFacts facts = emit.Facts;
        Add(context, HintNames.For(operation.HintPrefix, operation.ClientName, operation.Operation.MethodName), ClientEmitter.EmitOperationFile(operation, facts), operation.HintPrefix);
    }

    private static void ReportClash(SourceProductionContext context, SpecOwner owner, EquatableArray<string> clashes)
    {
        if (owner.HintPrefix is { } prefix && System.Linq.Enumerable.Contains(clashes, prefix))
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.DuplicateClient, Location.Create(owner.FilePath, default, default), owner.FilePath, prefix));
        }
    }

    private static void ReportEnvironment(SourceProductionContext context, string path, CompilationFacts facts)
    {
        Location location = Location.Create(path, default, default);
        if (!facts.HasRuntime)
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.RuntimeMissing, location, path));
        }

        if (!facts.SupportsCSharp11)
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.LanguageVersionTooLow, location, path));
        }

        if (!facts.HasHttpClient)
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.HttpClientMissing, location, path));
        }
    }

    private static void EmitType(SourceProductionContext context, TypeModel model, EmitContext emit)
    {
        if (!emit.CanEmit(model.HintPrefix))
        {
            return;
        }

        CompilationFacts facts = emit.Facts;
        string source = model switch
        {
            ObjectModel objectModel => ObjectEmitter.Emit(objectModel, facts),
            EnumModel enumModel => EnumEmitter.Emit(enumModel, facts),
            ValueTypeModel valueType => ValueTypeEmitter.Emit(valueType, facts),
            NumberTypeModel numberType => NumberTypeEmitter.Emit(numberType, facts),
            UnionModel union => UnionEmitter.Emit(union, facts),
            EnvelopeModel envelope => EnvelopeEmitter.Emit(envelope),
            _ => throw new InvalidOperationException("Unknown model " + model.GetType().Name),
        };
        Add(context, HintNames.For(model.HintPrefix, model.Name), source, model.HintPrefix);
    }

    private static void EmitClient(SourceProductionContext context, ClientModel client, EmitContext emit)
    {
        if (!emit.CanEmit(client.HintPrefix))
        {
            return;
        }

        CompilationFacts facts = emit.Facts;
        Add(context, HintNames.For(client.HintPrefix, client.Name), ClientEmitter.Emit(client, facts), client.HintPrefix);
        Add(context, HintNames.For(client.HintPrefix, client.OptionsName), OptionsEmitter.Emit(client), client.HintPrefix);
        Add(context, HintNames.For(client.HintPrefix, client.InterfaceName), ClientEmitter.EmitInterface(client), client.HintPrefix);
        if (facts.HasJsonCodecs)
        {
            Add(context, HintNames.For(client.HintPrefix, client.JsonConverterName), EmitterCommon.EmitCodecConverter(client), client.HintPrefix);
        }

        foreach (OperationGroupModel group in client.Groups)
        {
            Add(context, HintNames.For(client.HintPrefix, group.ClassName), ClientEmitter.EmitGroup(client, group), client.HintPrefix);
        }

        if (facts.HasHttpClientFactory)
        {
            Add(context, HintNames.For(client.HintPrefix, client.ServiceCollectionExtensionsName), ServiceCollectionEmitter.Emit(client), client.HintPrefix);
        }
    }

    private static void Add(SourceProductionContext context, string hintName, string source, string clientName)
    {
        try
        {
            context.AddSource(hintName, SourceText.From(source, System.Text.Encoding.UTF8));
        }
        catch (ArgumentException)
        {
            // Two specs generating the same client into the same namespace collide on hint names.
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.DuplicateClient, Location.None, hintName, clientName));
        }
    }
}
