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
    private const string DependencyInjection = "global::Microsoft.Extensions.DependencyInjection";
    private static readonly string[] s_commonKeys = { "BaseAddress", "Timeout", "MaxResponseBodyBytes" };

    public static string Emit(ClientModel model)
    {
        string keys = string.Join(", ", s_commonKeys
            .Concat(model.SecuritySchemes.Select(s => s.PropertyName))
            .Select(k => "<c>" + k + "</c>"));
        SourceWriter writer = EmitterCommon.Start(model.Namespace);
        writer.Line("/// <summary>Registers <see cref=\"" + model.Name + "\"/> with dependency injection, sending through IHttpClientFactory.</summary>");
        writer.Line(EmitterCommon.GeneratedCode);
        writer.Open("public static partial class " + model.ServiceCollectionExtensionsName);
        writer.Line("/// <summary>The name of the HttpClient the client sends with, for <c>IHttpClientFactory</c> configuration.</summary>");
        writer.Line("public const string HttpClientName = " + CSharpLiteral.String(model.Namespace + "." + model.Name) + ";");
        writer.Line();
        writer.Line("/// <summary>");
        writer.Line("/// Registers <see cref=\"" + model.InterfaceName + "\"/>, implemented by <see cref=\"" + model.Name + "\"/>, as a typed client of IHttpClientFactory.");
        writer.Line("/// Its <see cref=\"" + model.OptionsName + "\"/> are read from <paramref name=\"configuration\"/> when given (keys " + keys + "),");
        writer.Line("/// then set by <paramref name=\"configure\"/>.");
        writer.Line("/// </summary>");
        writer.Line("/// <param name=\"services\">The service collection.</param>");
        writer.Line("/// <param name=\"configuration\">The client's section, for example <c>configuration.GetSection(\"" + model.Name + "\")</c>; read key by key, without reflection.</param>");
        writer.Line("/// <param name=\"configure\">Sets options in code, after the configuration is read.</param>");
        writer.Line("/// <returns>The HttpClient builder: add handlers (resilience, logging) or configure the primary handler.</returns>");
        writer.Open("public static " + DependencyInjection + ".IHttpClientBuilder Add" + model.Name + "(this " + DependencyInjection + ".IServiceCollection services, global::Microsoft.Extensions.Configuration.IConfiguration? configuration = null, global::System.Action<" + model.OptionsName + ">? configure = null)");
        writer.Open("if (services is null)");
        writer.Line("throw new global::System.ArgumentNullException(nameof(services));");
        writer.Close();
        writer.Line();
        writer.Line("global::Microsoft.Extensions.Options.OptionsBuilder<" + model.OptionsName + "> options = " + DependencyInjection + ".OptionsServiceCollectionExtensions.AddOptions<" + model.OptionsName + ">(services);");
        writer.Open("if (configuration is not null)");
        writer.Line("options.Configure(o => o.ApplySettings(key => configuration[key]));");
        writer.Close();
        writer.Line();
        writer.Open("if (configure is not null)");
        writer.Line("options.Configure(configure);");
        writer.Close();
        writer.Line();
        writer.Line(DependencyInjection + ".IHttpClientBuilder builder = " + DependencyInjection + ".HttpClientFactoryServiceCollectionExtensions.AddHttpClient<" + model.InterfaceName + ", " + model.Name + ">(");
        writer.Line("    services,");
        writer.Line("    HttpClientName,");
        writer.Line("    static (httpClient, provider) => new " + model.Name + "(httpClient, " + DependencyInjection + ".ServiceProviderServiceExtensions.GetRequiredService<global::Microsoft.Extensions.Options.IOptions<" + model.OptionsName + ">>(provider).Value));");
        writer.Line();
        writer.Line("// The client follows redirects itself and drops credentials across origins; a handler that followed them");
        writer.Line("// on its own would re-send the API key, so the primary handler does not.");
        writer.Line("return " + DependencyInjection + ".HttpClientBuilderExtensions.ConfigurePrimaryHttpMessageHandler(builder, static () => global::LiveAvatarGen.Runtime.Http.ApiHttp.CreateHandler());");
        writer.Close();
        writer.Close();
        return writer.ToString();
    }
}
