// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System.Collections.Generic;
using System.Linq;
using LiveAvatarGen.Generator.Model;

namespace LiveAvatarGen.Generator.Emitting;

/// <summary>Emits the client's options: one credential property per security scheme, one property per server variable.</summary>
internal static partial class OptionsEmitter
{
    /// <summary>
    /// Members the generated options class inherits from <c>ApiClientOptions</c> (and <c>object</c>): no credential
    /// or server-variable property may take these names.
    /// </summary>
    public static readonly string[] InheritedMembers =
    {
        "BaseAddress", "MaxResponseBodyBytes", "DefaultMaxResponseBodyBytes", "Timeout", "GetCredential", "GetServerVariable",
        "ApplySettings", "ApplyCredentialSettings", "ApplyServerVariableSettings", "Setting",
        "TokenRefreshMargin", "Clock", "GetClientCredentials", "ApplyClientCredentialSettings", "ClientCredentials", "UriSetting", "ClientAuthenticationSetting",
        "ToString", "Equals", "GetHashCode", "GetType", "MemberwiseClone", "Finalize",
    };

    public static string Emit(ClientModel model)
    {
        SourceWriter writer = EmitterCommon.Start(model.Namespace);
        writer.Summary("Options for " + model.Name + ": base address, limits, and one credential per security scheme of the spec"
            + (model.ServerVariables.Count == 0 ? "." : "; one property per variable of its server URLs."));
        writer.Line(EmitterCommon.GeneratedCode);
        writer.Open("public sealed partial class " + model.OptionsName + " : global::LiveAvatarGen.Runtime.Http.ApiClientOptions");
        foreach (SecuritySchemeModel scheme in model.SecuritySchemes)
        {
            writer.Summary(scheme.Documentation);
            writer.Line("[global::System.Diagnostics.DebuggerBrowsable(global::System.Diagnostics.DebuggerBrowsableState.Never)]");
            writer.Line("public string? " + scheme.PropertyName + " { get; set; }");
            writer.Line();
            EmitClientCredentialsProperties(writer, scheme);
        }

        foreach (ServerVariableOption variable in model.ServerVariables)
        {
            writer.Summary(variable.Documentation);
            writer.Line("public string? " + variable.PropertyName + " { get; set; }");
            writer.Line();
        }

        EmitLookup(writer, "GetCredential", "schemeName", model.SecuritySchemes.Select(s => (s.SchemeName, s.PropertyName)));
        if (model.SecuritySchemes.Count > 0)
        {
            writer.Line();
            EmitApplySettings(writer, "ApplyCredentialSettings", model.SecuritySchemes.Select(s => s.PropertyName));
            EmitClientCredentialsMembers(writer, model.SecuritySchemes);
        }

        if (model.ServerVariables.Count > 0)
        {
            // The server variables by their spec name, for the transport, and by property name, for configuration.
            writer.Line();
            EmitLookup(writer, "GetServerVariable", "name", model.ServerVariables.Select(v => (v.Name, v.PropertyName)));
            writer.Line();
            EmitApplySettings(writer, "ApplyServerVariableSettings", model.ServerVariables.Select(v => v.PropertyName));
        }

        writer.Close();
        return writer.ToString();
    }

    /// <summary>An override that returns a property's value by the name the spec gives it (a scheme's, a variable's).</summary>
    private static void EmitLookup(SourceWriter writer, string method, string parameter, IEnumerable<(string SpecName, string PropertyName)> properties)
    {
        writer.Lines($$"""
            /// <inheritdoc />
            public override string? {{method}}(string {{parameter}})
            {
                return {{parameter}} switch
                {
            """);
        writer.Indent(2);
        foreach ((string specName, string propertyName) in properties)
        {
            writer.Line(CSharpLiteral.String(specName) + " => " + propertyName + ",");
        }

        writer.Line("_ => null,");
        writer.Indent(-2);
        writer.Lines("""
                };
            }
            """);
    }

    /// <summary>An override that reads each property from configuration by its own name, keeping its value when the key is absent.</summary>
    private static void EmitApplySettings(SourceWriter writer, string method, IEnumerable<string> propertyNames)
    {
        writer.Lines($$"""
            /// <inheritdoc />
            protected override void {{method}}(global::System.Func<string, string?> getSetting)
            {
            """);
        writer.Indent(1);
        foreach (string name in propertyNames)
        {
            writer.Line($"{name} = Setting(getSetting, {CSharpLiteral.String(name)}) ?? {name};");
        }

        writer.Indent(-1);
        writer.Line("}");
    }
}
