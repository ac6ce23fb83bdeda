// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using LiveAvatarGen.Generator.Model;

namespace LiveAvatarGen.Generator.Emitting;

/// <summary>
/// Emits <c>endpoints.Map{Stem}Webhooks(pattern, handlers)</c>, only when the compilation references ASP.NET Core
/// routing (<see cref="CompilationFacts.HasAspNetCoreRouting"/>). It maps a <c>RequestDelegate</c>, not a minimal-API
/// delegate, so nothing is bound by reflection and it stays trimming- and NativeAOT-safe.
/// </summary>
internal static class WebhookEndpointEmitter
{
    private const string Http = "global::Microsoft.AspNetCore.Http";

    public static string Emit(WebhooksModel model)
    {
        SourceWriter writer = EmitterCommon.Start(model.Namespace);
        bool byRoute = model.EventHeader is null && model.Webhooks.Count > 1;
        string source = model.EventHeader is { } header
            ? "the <c>" + SourceWriter.Xml(header) + "</c> header"
            : byRoute ? "the pattern's <c>{event}</c> route value" : "the pattern's <c>{event}</c> route value when it has one, else the spec's one webhook";
        writer.Lines($$"""
            /// <summary>Receives the webhooks of the spec in an ASP.NET Core app.</summary>
            {{EmitterCommon.GeneratedCode}}
            public static partial class {{model.EndpointsName}}
            {
                /// <summary>
                /// Maps <c>POST <paramref name="pattern"/></c> to <paramref name="handlers"/>. The event is named by {{source}};
                /// the body is read as that webhook's payload and its handler is called. The answer is 200 when the body was read
                /// (whether or not a handler is set), 400 when no event is named or the body is not the JSON the spec describes (the
                /// reason as text), 404 for an event the spec does not declare; an exception from a handler is left to the app.
                /// The body size is limited by the server (Kestrel's <c>MaxRequestBodySize</c>).
                /// </summary>
                /// <param name="endpoints">The app or a route group.</param>
                /// <param name="pattern">The route pattern, such as <c>"{{(byRoute ? "/webhooks/{event}" : "/webhooks")}}"</c>.</param>
                /// <param name="handlers">The handlers; set the ones of the events you take.</param>
                /// <returns>The endpoint's builder, to add authorization, rate limiting or metadata.</returns>
                public static global::Microsoft.AspNetCore.Builder.IEndpointConventionBuilder {{model.MapMethodName}}(this global::Microsoft.AspNetCore.Routing.IEndpointRouteBuilder endpoints, string pattern, {{model.HandlersName}} handlers)
                {
                    if (endpoints is null)
                    {
                        throw new global::System.ArgumentNullException(nameof(endpoints));
                    }

                    if (pattern is null)
                    {
                        throw new global::System.ArgumentNullException(nameof(pattern));
                    }

                    if (handlers is null)
                    {
                        throw new global::System.ArgumentNullException(nameof(handlers));
                    }
            {{RouteCheck(byRoute)}}
                    {{Http}}.RequestDelegate receive = context => ReceiveAsync(context, handlers);
                    return global::Microsoft.AspNetCore.Builder.EndpointRouteBuilderExtensions.MapPost(endpoints, pattern, receive);
                }

                private static async global::System.Threading.Tasks.Task ReceiveAsync({{Http}}.HttpContext context, {{model.HandlersName}} handlers)
                {
                    string? eventName = {{EventNameExpression(model)}};
                    if (eventName is null)
                    {
                        context.Response.StatusCode = 400;
                        return;
                    }

                    if (!{{model.ReaderName}}.IsKnownEvent(eventName))
                    {
                        context.Response.StatusCode = 404;
                        return;
                    }

                    using global::System.IO.MemoryStream buffer = new();
                    await context.Request.Body.CopyToAsync(buffer, 81920, context.RequestAborted).ConfigureAwait(false);
                    {{model.EventName}} webhookEvent;
                    try
                    {
                        webhookEvent = {{model.ReaderName}}.Read(eventName, new global::System.ReadOnlySpan<byte>(buffer.GetBuffer(), 0, (int)buffer.Length));
                    }
                    catch ({{TypeSyntax.Runtime}}.Errors.ApiDataException ex)
                    {
                        context.Response.StatusCode = 400;
                        context.Response.ContentType = "text/plain; charset=utf-8";
                        await {{Http}}.HttpResponseWritingExtensions.WriteAsync(context.Response, ex.Message, context.RequestAborted).ConfigureAwait(false);
                        return;
                    }

                    // Only reading is guarded: a handler's own failure is the app's to handle, never a 400.
                    await handlers.DispatchAsync(webhookEvent, context.RequestAborted).ConfigureAwait(false);
                    context.Response.StatusCode = 200;
                }
            }
            """);
        return writer.ToString();
    }

    private static string EventNameExpression(WebhooksModel model)
    {
        if (model.EventHeader is not null)
        {
            return "context.Request.Headers.TryGetValue(" + model.ReaderName + ".EventHeader, out global::Microsoft.Extensions.Primitives.StringValues values) && values.Count == 1 ? values[0] : null";
        }

        string route = "context.Request.RouteValues[\"event\"] as string";
        return model.Webhooks.Count == 1 ? "(" + route + ") ?? " + model.ReaderName + ".Events." + model.Webhooks[0].MemberName : route;
    }

    private static string RouteCheck(bool byRoute) => !byRoute ? string.Empty : """

                // The spec's webhooks are told apart by name only: the URL has to carry it.
                if (global::Microsoft.AspNetCore.Routing.Patterns.RoutePatternFactory.Parse(pattern).GetParameter("event") is null)
                {
                    throw new global::System.ArgumentException("The webhooks of this spec are told apart by name: the pattern needs an {event} parameter, such as \"/webhooks/{event}\".", nameof(pattern));
                }

        """;
}
