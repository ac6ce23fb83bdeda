// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using LiveAvatarGen.Generator.Model;

namespace LiveAvatarGen.Generator.Emitting;

/// <summary>
/// Tracing and metrics: the client's activity source and meter (one static per client, named after it) and, per
/// operation, the static description the runtime names each call's span and duration with (built on the operation's
/// first call). Everything is a static field, so a call passes references and builds no string.
/// </summary>
internal static partial class ClientEmitter
{
    /// <summary>The client's telemetry name as a public constant, and the static source and meter the transport records with.</summary>
    private static void EmitTelemetrySource(SourceWriter writer, ClientModel model)
    {
        writer.Lines($$"""

            /// <summary>
            /// The name of this client's ActivitySource and Meter (one span and one <c>http.client.request.duration</c>
            /// measurement per call): pass it to OpenTelemetry's <c>AddSource</c> and <c>AddMeter</c>.
            /// </summary>
            public const string TelemetryName = {{CSharpLiteral.String(model.Namespace + "." + model.Name)}};

            private static readonly {{TypeSyntax.Runtime}}.Telemetry.ApiTelemetry s_telemetry = new(TelemetryName);
            """);
    }

    /// <summary>
    /// The operation as the runtime sees it: the name the hooks receive, the spec's operationId, the method and the
    /// route template (never the expanded path), for the span's name and the attributes of the span and the metric.
    /// The field is set on the operation's first call, as its security alternatives are: an initializer would put
    /// every operation's description in the client's static constructor, which NativeAOT keeps for any call.
    /// </summary>
    private static void EmitOperationField(SourceWriter writer, OperationModel operation)
    {
        writer.Line("private static " + Http + ".ApiOperation? " + operation.OperationField + ";");
    }

    /// <summary>The expression every call site of the operation passes: the field, set on first use.</summary>
    private static string LazyOperation(OperationModel operation, string baseName)
    {
        string operationId = operation.OperationId is { } id ? CSharpLiteral.String(id) : "null";
        return "(" + operation.OperationField + " ??= new(" + CSharpLiteral.String(baseName) + ", " + operationId + ", " + CSharpLiteral.String(operation.HttpMethod) + ", " + CSharpLiteral.String(operation.PathTemplate) + "))";
    }
}
