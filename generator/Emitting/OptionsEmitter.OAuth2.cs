// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System.Linq;
using LiveAvatarGen.Generator.Infrastructure;
using LiveAvatarGen.Generator.Model;

namespace LiveAvatarGen.Generator.Emitting;

/// <summary>The options of a scheme with an oauth2 clientCredentials flow: client id and secret, token URL, scopes.</summary>
internal static partial class OptionsEmitter
{
    private const string OAuth2 = TypeSyntax.Runtime + ".Http.OAuth2";

    /// <summary>The flow's properties, after the scheme's own token property; the spec's tokenUrl and scopes are their defaults.</summary>
    private static void EmitClientCredentialsProperties(SourceWriter writer, SecuritySchemeModel scheme)
    {
        if (scheme.ClientCredentials is not { } flow)
        {
            return;
        }

        string name = SourceWriter.Xml(scheme.SchemeName);
        string scopes = flow.Scopes.Length == 0 ? "null" : CSharpLiteral.String(flow.Scopes);
        writer.Lines($$"""
            /// <summary>
            /// The client id for the '{{name}}' scheme's client credentials flow. With <see cref="{{flow.ClientSecretProperty}}"/> also set (and
            /// <see cref="{{scheme.PropertyName}}"/> null) the client requests its access token from <see cref="{{flow.TokenUrlProperty}}"/>, caches it
            /// and refreshes it before it expires; every client built on these options shares the token.
            /// </summary>
            public string? {{flow.ClientIdProperty}} { get; set; }

            /// <summary>The client secret for the '{{name}}' scheme's client credentials flow; never logged nor put in an exception.</summary>
            [global::System.Diagnostics.DebuggerBrowsable(global::System.Diagnostics.DebuggerBrowsableState.Never)]
            public string? {{flow.ClientSecretProperty}} { get; set; }

            /// <summary>The token endpoint for the '{{name}}' scheme: the spec's <c>{{SourceWriter.Xml(flow.TokenUrl)}}</c> unless set; a relative URL is resolved against the base address.</summary>
            public global::System.Uri? {{flow.TokenUrlProperty}} { get; set; } = new global::System.Uri({{CSharpLiteral.String(flow.TokenUrl)}}, global::System.UriKind.{{(Parsing.OAuth2Flows.IsAbsolute(flow.TokenUrl, out _) ? "Absolute" : "Relative")}});

            /// <summary>The scopes requested for the '{{name}}' scheme, separated by spaces: every scope its flow declares unless set; null or empty requests none.</summary>
            public string? {{flow.ScopesProperty}} { get; set; } = {{scopes}};

            /// <summary>How the client authenticates to the '{{name}}' scheme's token endpoint: HTTP basic (the default) or in the form body.</summary>
            public {{OAuth2}}ClientAuthentication {{flow.AuthenticationProperty}} { get; set; }

            """);
    }

    /// <summary>
    /// The grant per scheme (kept in a field, so its token stays cached while the settings stay the same) and the
    /// configuration keys of the flow's properties, named like the properties.
    /// </summary>
    private static void EmitClientCredentialsMembers(SourceWriter writer, EquatableArray<SecuritySchemeModel> schemes)
    {
        SecuritySchemeModel[] flows = schemes.Where(s => s.ClientCredentials is not null).ToArray();
        if (flows.Length == 0)
        {
            return;
        }

        writer.Line();
        foreach (SecuritySchemeModel scheme in flows)
        {
            writer.Line("private " + OAuth2 + "ClientCredentials? " + GrantField(scheme) + ";");
        }

        writer.Lines($$"""

            /// <inheritdoc />
            public override {{OAuth2}}ClientCredentials? GetClientCredentials(string schemeName)
            {
                return schemeName switch
                {
            """);
        writer.Indent(2);
        foreach (SecuritySchemeModel scheme in flows)
        {
            ClientCredentialsModel flow = scheme.ClientCredentials!;
            writer.Line(CSharpLiteral.String(scheme.SchemeName) + " => ClientCredentials(ref " + GrantField(scheme) + ", " + flow.TokenUrlProperty + ", " + flow.ClientIdProperty + ", "
                + flow.ClientSecretProperty + ", " + flow.ScopesProperty + ", " + flow.AuthenticationProperty + "),");
        }

        writer.Line("_ => null,");
        writer.Indent(-2);
        writer.Lines("""
                };
            }

            /// <inheritdoc />
            protected override void ApplyClientCredentialSettings(global::System.Func<string, string?> getSetting)
            {
            """);
        writer.Indent(1);
        foreach (SecuritySchemeModel scheme in flows)
        {
            ClientCredentialsModel flow = scheme.ClientCredentials!;
            writer.Line($"{flow.ClientIdProperty} = Setting(getSetting, {CSharpLiteral.String(flow.ClientIdProperty)}) ?? {flow.ClientIdProperty};");
            writer.Line($"{flow.ClientSecretProperty} = Setting(getSetting, {CSharpLiteral.String(flow.ClientSecretProperty)}) ?? {flow.ClientSecretProperty};");
            writer.Line($"{flow.TokenUrlProperty} = UriSetting(getSetting, {CSharpLiteral.String(flow.TokenUrlProperty)}) ?? {flow.TokenUrlProperty};");
            writer.Line($"{flow.ScopesProperty} = Setting(getSetting, {CSharpLiteral.String(flow.ScopesProperty)}) ?? {flow.ScopesProperty};");
            writer.Line($"{flow.AuthenticationProperty} = ClientAuthenticationSetting(getSetting, {CSharpLiteral.String(flow.AuthenticationProperty)}) ?? {flow.AuthenticationProperty};");
        }

        writer.Indent(-1);
        writer.Line("}");
    }

    /// <summary>Private, underscored: no property (PascalCase) can take the name.</summary>
    private static string GrantField(SecuritySchemeModel scheme) => "_grant" + scheme.PropertyName;
}
