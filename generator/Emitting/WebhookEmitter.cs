// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System.Linq;
using LiveAvatarGen.Generator.Model;

namespace LiveAvatarGen.Generator.Emitting;

/// <summary>
/// Emits what the spec's webhooks give: the readers (<c>{Stem}Webhooks</c>), the typed events
/// (<c>{Stem}WebhookEvent</c>) and the handlers (<c>{Stem}WebhookHandlers</c>). Only the generated readers touch
/// the JSON, so it all stays reflection-free; the ASP.NET Core endpoint is in <see cref="WebhookEndpointEmitter"/>.
/// </summary>
internal static class WebhookEmitter
{
    /// <summary>
    /// Names the generated classes declare besides one per webhook: a webhook's member name never takes one.
    /// <c>Events</c>, <c>EventHeader</c>, <c>IsKnownEvent</c>, <c>Read</c>, <c>ReadAsync</c>, <c>ReadBody</c> (readers);
    /// <c>EventName</c>, <c>Unknown</c>, <c>Payload</c>, <c>Body</c> (events); <c>DispatchAsync</c> (handlers). <c>Async</c>
    /// too, so no reader is <c>Read</c> + <c>Async</c>, an overload of <c>ReadAsync</c> that reads nothing asynchronously.
    /// </summary>
    public static readonly string[] Members = { "Events", "EventHeader", "IsKnownEvent", "Read", "ReadAsync", "ReadBody", "EventName", "Unknown", "Payload", "Body", "DispatchAsync", "Async" };

    private const string Span = "global::System.ReadOnlySpan<byte>";
    private const string Task = "global::System.Threading.Tasks.Task";
    private const string Token = "global::System.Threading.CancellationToken";
    private const string FormatException = TypeSyntax.Runtime + ".Errors.ApiResponseFormatException";

    public static string EmitReaders(WebhooksModel model, CompilationFacts facts)
    {
        SourceWriter writer = EmitterCommon.Start(model.Namespace);
        writer.Lines($$"""
            /// <summary>
            /// Reads the webhooks the API sends: one reader per webhook with a JSON body, and <see cref="Read"/> for any event,
            /// which returns a typed <see cref="{{model.EventName}}"/> (an event the spec does not declare is
            /// <see cref="{{model.EventName}}.Unknown"/>, never an exception). A body that is not the JSON the spec describes
            /// throws <see cref="{{FormatException}}"/> (or <see cref="{{TypeSyntax.Runtime}}.Errors.ApiValidationException"/> for a broken rule), with the JSON path.
            /// </summary>
            {{EmitterCommon.GeneratedCode}}
            public static partial class {{model.ReaderName}}
            {
                /// <summary>The event names, as the sender names them{{(model.EventHeader is null ? " (the webhooks' names in the spec)" : " in the " + SourceWriter.Xml(model.EventHeader) + " header")}}.</summary>
                public static class Events
                {
            """);
        writer.Indent(2);
        foreach (WebhookModel webhook in model.Webhooks)
        {
            writer.Line("/// <summary>The <c>" + SourceWriter.Xml(webhook.Name) + "</c> webhook.</summary>");
            writer.Line("public const string " + webhook.MemberName + " = " + CSharpLiteral.String(webhook.Event) + ";");
        }

        writer.Indent(-2);
        writer.Lines($$"""
                }
            {{EventHeaderConstant(model)}}
                /// <summary>Whether the spec declares a webhook for <paramref name="eventName"/> (compared ordinally).</summary>
                public static bool IsKnownEvent(string eventName) => eventName switch
                {
            """);
        writer.Indent(2);
        foreach (WebhookModel webhook in model.Webhooks)
        {
            writer.Line("Events." + webhook.MemberName + " => true,");
        }

        writer.Line("_ => false,");
        writer.Indent(-2);
        writer.Lines("""
                };

            """);
        writer.Indent(1);
        foreach (WebhookModel webhook in model.Webhooks.Where(w => w.BodyKind == WebhookBodyKind.Json))
        {
            string type = TypeSyntax.Of(webhook.Payload!, facts);
            writer.Lines($$"""
                /// <summary>Reads the body of the <c>{{SourceWriter.Xml(webhook.Name)}}</c> webhook{{(webhook.Payload!.IsNullable ? "; an empty body, which the spec allows, is null" : string.Empty)}}.</summary>
                /// <exception cref="{{FormatException}}">The body is not the JSON the spec describes.</exception>
                public static {{type}} Read{{webhook.MemberName}}({{Span}} body) => ReadBody<{{type}}>(body, {{TypeSyntax.ReadLambda(webhook.Payload!, "reader", facts, 0)}}, {{(webhook.Payload!.IsNullable ? "true" : "false")}});

                """);
        }

        writer.Indent(-1);
        writer.Lines($$"""
                /// <summary>Reads the body of the webhook <paramref name="eventName"/> names as its typed event; an event the spec does not declare is <see cref="{{model.EventName}}.Unknown"/>.</summary>
                /// <param name="eventName">The event's name (see <see cref="Events"/>){{(model.EventHeader is null ? string.Empty : ", from the " + SourceWriter.Xml(model.EventHeader) + " header")}}.</param>
                /// <param name="body">The request body as received.</param>
                /// <exception cref="{{FormatException}}">The body is not the JSON the spec describes for that webhook.</exception>
                public static {{model.EventName}} Read(string eventName, {{Span}} body)
                {
                    if (eventName is null)
                    {
                        throw new global::System.ArgumentNullException(nameof(eventName));
                    }

                    return eventName switch
                    {
            """);
        writer.Indent(3);
        foreach (WebhookModel webhook in model.Webhooks)
        {
            string argument = webhook.BodyKind switch
            {
                WebhookBodyKind.Json => "Read" + webhook.MemberName + "(body)",
                WebhookBodyKind.Raw => "body.ToArray()",
                _ => string.Empty,
            };
            writer.Line("Events." + webhook.MemberName + " => new " + model.EventName + "." + webhook.MemberName + "(" + argument + "),");
        }

        writer.Line("_ => new " + model.EventName + ".Unknown(eventName, body.ToArray()),");
        writer.Indent(-3);
        writer.Lines($$"""
                    };
                }

                /// <summary>Reads <paramref name="body"/> to its end, then reads it as <see cref="Read"/> does.</summary>
                /// <exception cref="{{FormatException}}">The body is not the JSON the spec describes for that webhook.</exception>
                public static async {{Task}}<{{model.EventName}}> ReadAsync(string eventName, global::System.IO.Stream body, {{Token}} cancellationToken = default)
                {
                    if (body is null)
                    {
                        throw new global::System.ArgumentNullException(nameof(body));
                    }

                    using global::System.IO.MemoryStream buffer = new();
                    await body.CopyToAsync(buffer, 81920, cancellationToken).ConfigureAwait(false);
                    return Read(eventName, new {{Span}}(buffer.GetBuffer(), 0, (int)buffer.Length));
                }

                // Reads one JSON document: malformed or truncated JSON, and anything after the value, are the runtime's
                // format exception, as for a response body, so one catch handles both.
                private static T ReadBody<T>({{Span}} body, {{TypeSyntax.Runtime}}.Json.JsonReadFunc<T> read, bool optional)
                {
                    if (body.IsEmpty)
                    {
                        return optional ? default! : throw new {{FormatException}}("Expected a JSON body but the webhook body is empty.");
                    }

                    try
                    {
                        {{TypeSyntax.Reader}} reader = new(body, new global::System.Text.Json.JsonReaderOptions { MaxDepth = 256 });
                        reader.Read();
                        T value = {{TypeSyntax.Runtime}}.Json.JsonPaths.Read(ref reader, read);
                        if (reader.Read())
                        {
                            throw new {{FormatException}}("Unexpected content after the JSON value.");
                        }

                        return value;
                    }
                    catch (global::System.Text.Json.JsonException ex)
                    {
                        throw new {{FormatException}}("The webhook body is not valid JSON: " + ex.Message, ex);
                    }
                }
            }
            """);
        return writer.ToString();
    }

    public static string EmitEvents(WebhooksModel model, CompilationFacts facts)
    {
        SourceWriter writer = EmitterCommon.Start(model.Namespace);
        writer.Lines($$"""
            /// <summary>A webhook received: one nested class per webhook of the spec, and <see cref="Unknown"/> for any other event.</summary>
            {{EmitterCommon.GeneratedCode}}
            public abstract partial class {{model.EventName}}
            {
                private protected {{model.EventName}}(string eventName) => EventName = eventName;

                /// <summary>The event's name, as received.</summary>
                public string EventName { get; }

                /// <summary>An event the spec does not declare: its name and body are kept, unread.</summary>
                public sealed class Unknown : {{model.EventName}}
                {
                    /// <summary>Creates the event.</summary>
                    public Unknown(string eventName, byte[] body)
                        : base(eventName)
                    {
                        Body = body ?? throw new global::System.ArgumentNullException(nameof(body));
                    }

                    /// <summary>The body as received.</summary>
                    public byte[] Body { get; }
                }
            """);
        writer.Indent(1);
        foreach (WebhookModel webhook in model.Webhooks)
        {
            writer.Line();
            writer.Summary(webhook.Documentation ?? "The " + webhook.Name + " webhook.");
            writer.Line("/// <remarks>The <c>" + SourceWriter.Xml(webhook.Name) + "</c> webhook.</remarks>");
            if (webhook.IsDeprecated)
            {
                writer.Line("[global::System.Obsolete(\"Deprecated in the API spec.\")]");
            }

            writer.Open("public sealed class " + webhook.MemberName + " : " + model.EventName);
            (string? type, string? name, string doc) = Argument(webhook, facts);
            if (type is null)
            {
                writer.Lines($$"""
                    /// <summary>Creates the event.</summary>
                    public {{webhook.MemberName}}()
                        : base({{model.ReaderName}}.Events.{{webhook.MemberName}})
                    {
                    }
                    """);
            }
            else
            {
                string check = type.EndsWith("?", System.StringComparison.Ordinal) || webhook.Payload?.IsValueType == true
                    ? "value"
                    : "value ?? throw new global::System.ArgumentNullException(nameof(value))";
                writer.Lines($$"""
                    /// <summary>Creates the event.</summary>
                    public {{webhook.MemberName}}({{type}} value)
                        : base({{model.ReaderName}}.Events.{{webhook.MemberName}})
                    {
                        {{name}} = {{check}};
                    }

                    /// <summary>{{doc}}</summary>
                    public {{type}} {{name}} { get; }
                    """);
            }

            writer.Close();
        }

        writer.Indent(-1);
        writer.Line("}");
        return writer.ToString();
    }

    public static string EmitHandlers(WebhooksModel model, CompilationFacts facts)
    {
        SourceWriter writer = EmitterCommon.Start(model.Namespace);
        writer.Lines($$"""
            /// <summary>
            /// What to do with each webhook: set the handlers of the events you take. <see cref="DispatchAsync({{model.EventName}}, {{Token}})"/>
            /// calls the one the event names.
            /// </summary>
            {{EmitterCommon.GeneratedCode}}
            public sealed partial class {{model.HandlersName}}
            {
            """);
        writer.Indent(1);
        foreach (WebhookModel webhook in model.Webhooks)
        {
            (string? type, _, _) = Argument(webhook, facts);
            writer.Line("/// <summary>Handles the <c>" + SourceWriter.Xml(webhook.Name) + "</c> webhook" + (webhook.Documentation is { } doc ? ": " + SourceWriter.Xml(doc.Replace("\n", " ")) : ".") + "</summary>");
            if (webhook.IsDeprecated)
            {
                writer.Line("[global::System.Obsolete(\"Deprecated in the API spec.\")]");
            }

            writer.Line("public global::System.Func<" + (type is null ? string.Empty : type + ", ") + Token + ", " + Task + ">? " + webhook.MemberName + " { get; set; }");
            writer.Line();
        }

        writer.Lines($$"""
            /// <summary>Calls the handler of the event, if one is set.</summary>
            /// <returns>True when a handler ran; false for an event without a handler and for <see cref="{{model.EventName}}.Unknown"/>.</returns>
            public async {{Task}}<bool> DispatchAsync({{model.EventName}} webhookEvent, {{Token}} cancellationToken = default)
            {
                switch (webhookEvent)
                {
            """);
        writer.Indent(2);
        foreach (WebhookModel webhook in model.Webhooks)
        {
            (string? type, string? name, _) = Argument(webhook, facts);
            string arguments = type is null ? "cancellationToken" : "e." + name + ", cancellationToken";
            writer.Line("case " + model.EventName + "." + webhook.MemberName + (type is null ? string.Empty : " e") + " when " + webhook.MemberName + " is { } handler:");
            writer.Line("    await handler(" + arguments + ").ConfigureAwait(false);");
            writer.Line("    return true;");
        }

        writer.Line("case null:");
        writer.Line("    throw new global::System.ArgumentNullException(nameof(webhookEvent));");
        writer.Line("default:");
        writer.Line("    return false;");
        writer.Indent(-2);
        writer.Lines($$"""
                }
            }

            /// <summary>Reads the body of the webhook <paramref name="eventName"/> names (<see cref="{{model.ReaderName}}.Read"/>) and calls its handler.</summary>
            /// <returns>True when a handler ran; false for an event without a handler and for an event the spec does not declare.</returns>
            /// <exception cref="{{FormatException}}">The body is not the JSON the spec describes for that webhook.</exception>
            public {{Task}}<bool> DispatchAsync(string eventName, global::System.ReadOnlyMemory<byte> body, {{Token}} cancellationToken = default)
                => DispatchAsync({{model.ReaderName}}.Read(eventName, body.Span), cancellationToken);
            """);
        writer.Indent(-1);
        writer.Line("}");
        return writer.ToString();
    }

    /// <summary>What an event carries and its handler takes: the payload, the raw body, or nothing.</summary>
    private static (string? Type, string? Name, string Documentation) Argument(WebhookModel webhook, CompilationFacts facts) => webhook.BodyKind switch
    {
        WebhookBodyKind.Json => (TypeSyntax.Of(webhook.Payload!, facts), "Payload", "The body, read as the spec describes it."),
        WebhookBodyKind.Raw => ("byte[]", "Body", "The body as received: its media type is not JSON."),
        _ => (null, null, string.Empty),
    };

    private static string EventHeaderConstant(WebhooksModel model) => model.EventHeader is null
        ? string.Empty
        : "\n    /// <summary>The request header that names the event.</summary>\n    public const string EventHeader = " + CSharpLiteral.String(model.EventHeader) + ";\n";
}
