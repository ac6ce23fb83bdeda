// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Reflection;
using System.Runtime.Loader;
using System.Text.RegularExpressions;
using LiveAvatarGen.Tests.Harness;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Emit;

namespace LiveAvatarGen.WireTests.Client;

/// <summary>A generated client method and the operation its doc comment says it sends (<c>&lt;remarks&gt;&lt;c&gt;GET /path&lt;/c&gt;</c>).</summary>
/// <param name="SubClient">The client's property of the sub-client (per tag) the method is on; null when it is on the client.</param>
internal sealed record ClientMethod(string HttpMethod, string Path, MethodInfo Method, PropertyInfo? SubClient = null)
{
    /// <summary>The object to call the method on: the client, or its sub-client.</summary>
    public object Target(object client) => SubClient is null ? client : SubClient.GetValue(client)!;
}

/// <summary>
/// The generated client of one spec, compiled and loaded into a collectible load context so the 32 runs of a test
/// session do not keep 32 assemblies alive. The runtime resolves from the default context, so the exceptions the
/// client throws are the very types this project references.
/// </summary>
internal sealed class CompiledClient : IDisposable
{
    public const string Namespace = "Wire.Api";
    public const string ClientName = "WireClient";

    private static readonly Regex s_remarks = new("<remarks><c>([A-Z]+) ([^<]*)</c></remarks>", RegexOptions.CultureInvariant);

    private readonly AssemblyLoadContext _context;

    private CompiledClient(AssemblyLoadContext context, Type clientType, Type optionsType, IReadOnlyList<ClientMethod> methods, IReadOnlyList<string> generatorWarnings)
    {
        _context = context;
        ClientType = clientType;
        OptionsType = optionsType;
        Methods = methods;
        GeneratorWarnings = generatorWarnings;
    }

    public Type ClientType { get; }

    public Type OptionsType { get; }

    public IReadOnlyList<ClientMethod> Methods { get; }

    /// <summary>What the generator said about the spec (say, an operation it skipped), for the report.</summary>
    public IReadOnlyList<string> GeneratorWarnings { get; }

    public static CompiledClient Build(string specPath)
    {
        // The generator picks up *.openapi.* files; the file keeps its public name, the generator sees it as a user would name it.
        string asSpec = "/specs/" + Path.GetFileNameWithoutExtension(specPath) + ".openapi" + Path.GetExtension(specPath);
        GenerationResult result = GeneratorHarness.Generate(asSpec, File.ReadAllText(specPath), TargetProfile.Net10CSharp14, Namespace, ClientName);
        if (result.GeneratorExceptions.Count > 0)
        {
            throw new InvalidOperationException("The generator threw: " + result.GeneratorExceptions[0]);
        }

        using MemoryStream image = new();
        EmitResult emitted = result.Output.Emit(image);
        if (!emitted.Success)
        {
            throw new InvalidOperationException("The generated client does not compile:\n" + string.Join("\n", emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(12)));
        }

        image.Position = 0;
        AssemblyLoadContext context = new("wire:" + Path.GetFileName(specPath), isCollectible: true);
        Assembly assembly = context.LoadFromStream(image);
        Type clientType = assembly.GetType(Namespace + "." + ClientName, throwOnError: true)!;
        Type optionsType = assembly.GetType(Namespace + "." + ClientName + "Options", throwOnError: true)!;

        INamedTypeSymbol clientSymbol = result.Output.GetTypeByMetadataName(Namespace + "." + ClientName)!;
        List<ClientMethod> methods = new();
        Collect(clientSymbol, clientType, null, methods);

        // Tagged operations are on the sub-clients, one property of the client per tag.
        foreach (IPropertySymbol property in clientSymbol.GetMembers().OfType<IPropertySymbol>().Where(p => p.DeclaredAccessibility == Accessibility.Public && p.Name != "Options"))
        {
            PropertyInfo info = clientType.GetProperty(property.Name)!;
            Collect((INamedTypeSymbol)property.Type, info.PropertyType, info, methods);
        }

        List<string> warnings = result.GeneratorDiagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).Select(d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        return new CompiledClient(context, clientType, optionsType, methods, warnings);
    }

    /// <summary>
    /// The methods of the client or a sub-client that send an operation. The ...WithResponseAsync companions send the
    /// same request as the plain method, so the plain method alone is judged.
    /// </summary>
    private static void Collect(INamedTypeSymbol symbolType, Type type, PropertyInfo? subClient, List<ClientMethod> methods)
    {
        HashSet<string> companions = new(StringComparer.Ordinal);
        foreach (IMethodSymbol symbol in symbolType.GetMembers().OfType<IMethodSymbol>().Where(m => m.DeclaredAccessibility == Accessibility.Public))
        {
            if (symbol.ReturnType is INamedTypeSymbol { TypeArguments: [INamedTypeSymbol { ContainingNamespace: { } ns } returned] } && ns.ToDisplayString() == "LiveAvatarGen.Runtime.Http" && returned.Name.Contains("Response", StringComparison.Ordinal))
            {
                companions.Add(symbol.Name);
            }
        }

        foreach (IMethodSymbol symbol in symbolType.GetMembers().OfType<IMethodSymbol>().Where(m => m.DeclaredAccessibility == Accessibility.Public && m.Name.EndsWith("Async", StringComparison.Ordinal) && !companions.Contains(m.Name)))
        {
            Match remarks = s_remarks.Match(Documentation(symbol));
            if (!remarks.Success)
            {
                continue;
            }

            MethodInfo method = type.GetMethods().Single(m => m.Name == symbol.Name && m.GetParameters().Length == symbol.Parameters.Length
                && m.GetParameters().Select(p => p.Name).SequenceEqual(symbol.Parameters.Select(p => p.Name)));
            methods.Add(new ClientMethod(remarks.Groups[1].Value, System.Net.WebUtility.HtmlDecode(remarks.Groups[2].Value), method, subClient));
        }
    }

    /// <summary>
    /// The method's doc comment; the client's methods say <c>&lt;inheritdoc /&gt;</c>, so the text (and the route in
    /// its remarks) is the interface member's the method implements.
    /// </summary>
    private static string Documentation(IMethodSymbol symbol)
    {
        string own = symbol.GetDocumentationCommentXml() ?? string.Empty;
        if (s_remarks.IsMatch(own))
        {
            return own;
        }

        foreach (INamedTypeSymbol contract in symbol.ContainingType.AllInterfaces)
        {
            foreach (IMethodSymbol member in contract.GetMembers(symbol.Name).OfType<IMethodSymbol>())
            {
                if (SymbolEqualityComparer.Default.Equals(symbol.ContainingType.FindImplementationForInterfaceMember(member), symbol))
                {
                    return member.GetDocumentationCommentXml() ?? string.Empty;
                }
            }
        }

        return own;
    }

    private const string Marker = "\u0001server-variable?";

    /// <summary>The names of every server variable in the spec (document, path and operation servers).</summary>
    public IReadOnlyList<string> ServerVariableNames { get; set; } = Array.Empty<string>();

    /// <summary>A client on <paramref name="http"/> whose every credential is set, so no call fails on missing security.</summary>
    public object CreateClient(HttpClient http, Uri baseAddress)
    {
        object options = Activator.CreateInstance(OptionsType)!;
        MethodInfo serverVariable = OptionsType.GetMethod("GetServerVariable")!;
        foreach (PropertyInfo property in OptionsType.GetProperties().Where(p => p.CanWrite && p.DeclaringType == OptionsType && p.PropertyType == typeof(string)))
        {
            // Server-variable properties keep the spec's defaults: set each to a marker and ask the options whether a
            // variable now reads it.
            property.SetValue(options, Marker);
            bool isServerVariable = ServerVariableNames.Any(name => (string?)serverVariable.Invoke(options, new object[] { name }) == Marker);

            // One value fits every scheme: a bearer token, an API key, and basic's user:password.
            property.SetValue(options, isServerVariable ? null : "wire-user:wire-secret");
        }

        OptionsType.GetProperty("BaseAddress")!.SetValue(options, baseAddress);
        return Activator.CreateInstance(ClientType, http, options)!;
    }

    public void Dispose() => _context.Unload();
}
