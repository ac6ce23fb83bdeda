// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using LiveAvatarGen.Generator.Model;

namespace LiveAvatarGen.Generator.Emitting;

/// <summary>Emits the client's options: one credential property per security scheme, one property per server variable.</summary>
internal static class OptionsEmitter
{
    /// <summary>
    /// Members the generated options class inherits from <c>ApiClientOptions</c> (and <c>object</c>): no credential
    /// or server-variable property may take these names.
    /// </summary>
    public static readonly string[] InheritedMembers =
    {
        "BaseAddress", "MaxResponseBodyBytes", "DefaultMaxResponseBodyBytes", "Timeout", "GetCredential", "GetServerVariable",
        "ApplySettings", "ApplyCredentialSettings", "ApplyServerVariableSettings", "Setting",
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
        }

        foreach (ServerVariableOption variable in model.ServerVariables)
        {
            writer.Summary(variable.Documentation);
            writer.Line("public string? " + variable.PropertyName + " { get; set; }");
            writer.Line();
        }

        writer.Lines("""
            /// <inheritdoc />
            public override string? GetCredential(string schemeName)
            {
                return schemeName switch
                {
            """);
        writer.Indent(2);
        foreach (SecuritySchemeModel scheme in model.SecuritySchemes)
        {
            writer.Line(CSharpLiteral.String(scheme.SchemeName) + " => " + scheme.PropertyName + ",");
        }

        writer.Line("_ => null,");
        writer.Indent(-2);
        writer.Lines("""
                };
            }
            """);
        if (model.SecuritySchemes.Count > 0)
        {
            writer.Lines("""

                /// <inheritdoc />
                protected override void ApplyCredentialSettings(global::System.Func<string, string?> getSetting)
                {
                """);
            writer.Indent(1);
            foreach (SecuritySchemeModel scheme in model.SecuritySchemes)
            {
                writer.Line($"{scheme.PropertyName} = Setting(getSetting, {CSharpLiteral.String(scheme.PropertyName)}) ?? {scheme.PropertyName};");
            }

            writer.Indent(-1);
            writer.Line("}");
        }

        if (model.ServerVariables.Count > 0)
        {
            EmitServerVariables(writer, model);
        }

        writer.Close();
        return writer.ToString();
    }

    /// <summary>The server variables by their spec name, for the transport, and by property name, for configuration.</summary>
    private static void EmitServerVariables(SourceWriter writer, ClientModel model)
    {
        writer.Lines("""

            /// <inheritdoc />
            public override string? GetServerVariable(string name)
            {
                return name switch
                {
            """);
        writer.Indent(2);
        foreach (ServerVariableOption variable in model.ServerVariables)
        {
            writer.Line(CSharpLiteral.String(variable.Name) + " => " + variable.PropertyName + ",");
        }

        writer.Line("_ => null,");
        writer.Indent(-2);
        writer.Lines("""
                };
            }

            /// <inheritdoc />
            protected override void ApplyServerVariableSettings(global::System.Func<string, string?> getSetting)
            {
            """);
        writer.Indent(1);
        foreach (ServerVariableOption variable in model.ServerVariables)
        {
            writer.Line($"{variable.PropertyName} = Setting(getSetting, {CSharpLiteral.String(variable.PropertyName)}) ?? {variable.PropertyName};");
        }

        writer.Indent(-1);
        writer.Line("}");
    }
}
