// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System.Linq;
using LiveAvatarGen.Generator.Model;

namespace LiveAvatarGen.Generator.Emitting;

/// <summary>
/// Emits <c>services.Add{Client}(configuration)</c>: the client as a typed client of IHttpClientFactory, its options
/// read from IConfiguration key by key (no reflection binder, so it stays trimming- and AOT-safe). Emitted only when
/// the compilation references Microsoft.Extensions.Http (<see cref="CompilationFacts.HasHttpClientFactory"/>).
/// </summary>
internal static class ServiceCollectionEmitter
{
    private const string DI = "global::Microsoft.Extensions.DependencyInjection";
    private static readonly string[] s_commonKeys = { "BaseAddress", "Timeout", "MaxResponseBodyBytes" };

    public static string Emit(ClientModel model)
    {
        string keys = string.Join(", ", s_commonKeys
            .Concat(model.SecuritySchemes.SelectMany(SecuritySchemeOptions.PropertyNames))
            .Select(k => "<c>" + k + "</c>"));
        SourceWriter writer = EmitterCommon.Start(model.Namespace);
        writer.Lines($$"""
            /// <summary>Registers <see cref="{{model.Name}}"/> with dependency injection, sending through IHttpClientFactory.</summary>
            {{EmitterCommon.GeneratedCode}}
            public static partial class {{model.ServiceCollectionExtensionsName}}
            {
                /// <summary>The name of the HttpClient the client sends with, for <c>IHttpClientFactory</c> configuration.</summary>
                public const string HttpClientName = {{CSharpLiteral.String(model.Namespace + "." + model.Name)}};

                /// <summary>
                /// Registers <see cref="{{model.InterfaceName}}"/>, implemented by <see cref="{{model.Name}}"/>, as a typed client of IHttpClientFactory{{(model.Groups.Count == 0 ? string.Empty : ", and each sub-client's interface as the matching property of that client")}}.
                /// Its <see cref="{{model.OptionsName}}"/> are read from <paramref name="configuration"/> when given (keys {{keys}}),
                /// then set by <paramref name="configure"/>.
                /// </summary>
                /// <param name="services">The service collection.</param>
                /// <param name="configuration">The client's section, for example <c>configuration.GetSection("{{model.Name}}")</c>; read key by key, without reflection.</param>
                /// <param name="configure">Sets options in code, after the configuration is read.</param>
                /// <returns>The HttpClient builder: add handlers (resilience, logging) or configure the primary handler.</returns>
                public static {{DI}}.IHttpClientBuilder Add{{model.Name}}(this {{DI}}.IServiceCollection services, global::Microsoft.Extensions.Configuration.IConfiguration? configuration = null, global::System.Action<{{model.OptionsName}}>? configure = null)
                {
                    if (services is null)
                    {
                        throw new global::System.ArgumentNullException(nameof(services));
                    }

                    global::Microsoft.Extensions.Options.OptionsBuilder<{{model.OptionsName}}> options = {{DI}}.OptionsServiceCollectionExtensions.AddOptions<{{model.OptionsName}}>(services);
                    if (configuration is not null)
                    {
                        options.Configure(o => o.ApplySettings(key => configuration[key]));
                    }

                    if (configure is not null)
                    {
                        options.Configure(configure);
                    }

                    {{DI}}.IHttpClientBuilder builder = {{DI}}.HttpClientFactoryServiceCollectionExtensions.AddHttpClient<{{model.InterfaceName}}, {{model.Name}}>(
                        services,
                        HttpClientName,
                        static (httpClient, provider) => new {{model.Name}}(httpClient, {{DI}}.ServiceProviderServiceExtensions.GetRequiredService<global::Microsoft.Extensions.Options.IOptions<{{model.OptionsName}}>>(provider).Value));{{SubClients(model)}}

                    // The client follows redirects itself and drops credentials across origins; a handler that followed them
                    // on its own would re-send the API key, so the primary handler does not.
                    return {{DI}}.HttpClientBuilderExtensions.ConfigurePrimaryHttpMessageHandler(builder, static () => global::LiveAvatarGen.Runtime.Http.ApiHttp.CreateHandler());
                }
            }
            """);
        return writer.ToString();
    }

    /// <summary>Each sub-client's interface resolves to the property of a client resolved the same way, sharing its HttpClient.</summary>
    private static string SubClients(ClientModel model)
    {
        System.Text.StringBuilder lines = new();
        foreach (OperationGroupModel group in model.Groups)
        {
            lines.Append("\n        ").Append(DI).Append(".ServiceCollectionServiceExtensions.AddTransient<").Append(group.InterfaceName).Append(">(services, static provider => ")
                .Append(DI).Append(".ServiceProviderServiceExtensions.GetRequiredService<").Append(model.InterfaceName).Append(">(provider).").Append(group.PropertyName).Append(");");
        }

        return lines.ToString();
    }
}
