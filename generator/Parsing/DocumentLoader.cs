// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using LiveAvatarGen.Generator.Diagnostics;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using Microsoft.OpenApi.YamlReader;

namespace LiveAvatarGen.Generator.Parsing;

/// <summary>Reads spec text with Microsoft.OpenApi, turning every failure into diagnostics.</summary>
internal static class DocumentLoader
{
    /// <summary>How far into the text a <c>swagger</c> version key is looked for.</summary>
    private const int SwaggerHeadLength = 4096;

    /// <summary>The location <see cref="OpenApiDocument.Parse"/> gives the reader for text.</summary>
    private static readonly Uri s_parseLocation = new("https://openapi.net/");

    private static readonly Regex s_openApi30 = new("(?<prefix>[\"']?openapi[\"']?\\s*:\\s*[\"']?)3\\.0\\.[0-9]+", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    /// <summary>Some reader errors carry their pointer only in the message ("... at #/paths/~1x/get").</summary>
    private static readonly Regex s_pointerInMessage = new("(?<p>#/[^\\s]*)\\s*$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    private static readonly Regex s_yamlPosition = new("at line (?<line>[0-9]{1,9}), column (?<column>[0-9]{1,9})", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    private static readonly Regex s_jsonPosition = new("LineNumber: (?<line>[0-9]{1,9}) \\| BytePositionInLine: (?<column>[0-9]{1,9})", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    /// <summary>A block mapping's merge key: <c>&lt;&lt;:</c> at a line's start, after indentation or sequence dashes.</summary>
    private static readonly Regex s_yamlMergeKey = new("^ *(?:- +)*<< *:(?=[ \r\n]|$)", RegexOptions.Multiline | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    private static readonly Regex s_swaggerVersion = new("^\\s*[\"']?swagger[\"']?\\s*:\\s*[\"']?(?<v>[0-9.]+)", RegexOptions.Multiline | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    /// <summary>Parses the text, or returns null with an error diagnostic when no document can be had.</summary>
    /// <param name="isJson">True when the text is JSON whatever the file's extension (a spec with overlays applied).</param>
    public static OpenApiDocument? Load(string path, string? text, SpecLocator locator, List<DiagnosticInfo> diagnostics, bool isJson = false)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnreadableDocument, locator.FileStart(), path, "the file is empty"));
            return null;
        }

        // Only the head of the text: the version key comes first, and a multiline scan of all of Stripe's 4 MB
        // for it was 1.5% of a cold run.
        Match swagger = s_swaggerVersion.Match(text, 0, Math.Min(text!.Length, SwaggerHeadLength + 64));
        if (swagger.Success && swagger.Index < SwaggerHeadLength)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedVersion, locator.Locate("/swagger"), path, "Swagger " + swagger.Groups["v"].Value));
            return null;
        }

        OpenApiReaderSettings settings = new() { LoadExternalRefs = false, RuleSet = Rules() };
        settings.AddYamlReader();
        string format = !isJson && IsYaml(path, text!) ? "yaml" : "json";
        ReadResult? result = TryParse(text!, format, settings, out Exception? failure, out bool ourTree);
        if (format == "yaml" && !HasDocument(result) && YamlFlowScalars.QuoteColonScalars(text!) is { } quoted
            && TryParse(quoted, format, settings, out _, out bool quotedOurTree) is { } requoted && HasDocument(requoted))
        {
            // Valid YAML 1.2 that the YAML reader refuses (a colon inside a plain scalar in a flow collection):
            // the same values, quoted, read fine. Lines are unchanged, so locations stay right.
            result = requoted;
            text = quoted;
            ourTree = quotedOurTree;
        }

        if (result is null && s_openApi30.Match(text!) is { Success: true } version)
        {
            // Real 3.0 specs often use 3.1 keywords (a numeric exclusiveMinimum, from FastAPI and others), which the
            // 3.0 reader throws on. Reading them as 3.1 keeps every schema; say so rather than fail the spec.
            string as31 = text!.Substring(0, version.Index) + version.Groups["prefix"].Value + "3.1.0" + text.Substring(version.Index + version.Length);
            result = TryParse(as31, format, settings, out _, out ourTree);
            if (result is not null)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ReaderProblem, locator.Locate("/openapi"), "#/openapi", "the document does not read as OpenAPI 3.0 (" + failure!.Message + "); it was read as 3.1, whose keywords it uses"));
            }
        }

        if (result is null)
        {
            // The reader throws on some malformed inputs (an empty document, a scalar root); that is a bad spec, not a crash.
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnreadableDocument, locator.FileStart(), path, failure!.Message));
            return null;
        }

        if (!HasDocument(result) && result.Diagnostic?.Errors is { Count: > 0 } fatal)
        {
            // The reader gave up and said why (a YAML syntax error, the nesting depth limit, the alias expansion
            // limit): that is the error, at the place it names, not "this is not OpenAPI".
            OpenApiError first = fatal[0];
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnreadableDocument, LocateReaderError(first, locator), path, first.Message ?? "the reader refused it"));
            return null;
        }

        if (result.Diagnostic is { } readerDiagnostic)
        {
            // The reader calls some usable specs invalid (a discriminator not in required, a stray keyword):
            // report its findings as warnings and generate what can be generated.
            foreach (OpenApiError error in readerDiagnostic.Errors)
            {
                string pointer = !string.IsNullOrEmpty(error.Pointer) ? error.Pointer!
                    : s_pointerInMessage.Match(error.Message ?? string.Empty) is { Success: true } found ? found.Groups["p"].Value
                    : "#";
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ReaderProblem, locator.Locate(pointer), pointer, error.Message ?? "invalid"));
            }
        }

        if (result.Document is null || (result.Document.Paths is null && result.Document.Components is null && result.Document.Info is null))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnreadableDocument, locator.FileStart(), path, "it is not an OpenAPI 3.x document"));
            return null;
        }

        if (format == "yaml" && !ourTree)
        {
            ReportMergeKeysNotApplied(text!, locator, diagnostics);
        }

        return result.Document;
    }

    /// <summary>
    /// With overlays, the overlay step turned the spec's YAML into JSON before it was read: with our YAML reader, which
    /// applies merge keys, or, for YAML outside it, with Microsoft.OpenApi's converter, which does not.
    /// </summary>
    public static void ReportMergeKeysOfOverlaidYaml(string path, string? specText, SpecLocator locator, List<DiagnosticInfo> diagnostics)
    {
        if (specText is not null && specText.IndexOf("<<", StringComparison.Ordinal) >= 0 && IsYaml(path, specText)
            && s_yamlMergeKey.IsMatch(specText) && YamlSubsetReader.Read(specText) is null)
        {
            ReportMergeKeysNotApplied(specText, locator, diagnostics);
        }
    }

    /// <summary>
    /// Our YAML reader applies merge keys (<c>&lt;&lt;: *base</c>); Microsoft.OpenApi's keeps <c>&lt;&lt;</c> as an unknown
    /// keyword and drops the members it merges without a word. When a spec with one went to that reader (its YAML is
    /// outside what ours reads), each is reported, so the missing members are not a silent loss.
    /// </summary>
    private static void ReportMergeKeysNotApplied(string text, SpecLocator locator, List<DiagnosticInfo> diagnostics)
    {
        if (text.IndexOf("<<", StringComparison.Ordinal) < 0)
        {
            return;
        }

        int line = 0;
        int counted = 0;
        foreach (Match match in s_yamlMergeKey.Matches(text))
        {
            int offset = match.Index + match.Value.IndexOf('<');
            for (; counted < offset; counted++)
            {
                if (text[counted] == '\n')
                {
                    line++;
                }
            }

            int column = offset - (text.LastIndexOf('\n', Math.Max(0, offset - 1)) + 1);
            string at = "line " + (line + 1).ToString(CultureInfo.InvariantCulture);
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ReaderProblem, locator.AtLine(line, column), at, "the YAML merge key '<<' is not applied, so the members it merges are missing: the spec uses YAML the generator does not read itself, and Microsoft.OpenApi's reader keeps '<<' as an unknown keyword"));
        }
    }

    private static bool HasDocument(ReadResult? result) => result?.Document is not null;

    /// <summary>
    /// Where a fatal reader error points: the YAML reader says "at line L, column C" (1-based), System.Text.Json
    /// "LineNumber: L | BytePositionInLine: B" (0-based), others a JSON pointer.
    /// </summary>
    private static LocationInfo LocateReaderError(OpenApiError error, SpecLocator locator)
    {
        string message = error.Message ?? string.Empty;
        if (s_yamlPosition.Match(message) is { Success: true } yaml)
        {
            return locator.AtLine(int.Parse(yaml.Groups["line"].Value, CultureInfo.InvariantCulture) - 1, int.Parse(yaml.Groups["column"].Value, CultureInfo.InvariantCulture) - 1);
        }

        if (s_jsonPosition.Match(message) is { Success: true } json)
        {
            return locator.AtLine(int.Parse(json.Groups["line"].Value, CultureInfo.InvariantCulture), int.Parse(json.Groups["column"].Value, CultureInfo.InvariantCulture));
        }

        string pointer = !string.IsNullOrEmpty(error.Pointer) && error.Pointer!.StartsWith("#/", StringComparison.Ordinal) ? error.Pointer : "#";
        return locator.Locate(pointer);
    }

    /// <summary>
    /// Microsoft.OpenApi's default rules but two the mapper does itself, for what it generates from: the one that
    /// resolves every schema <c>$ref</c> of the document again (the mapper resolves each reference and reports those that
    /// do not resolve, located, LAG1004; the rule was 60% of the validation time on Stripe, 6% of reading it), and the
    /// one that checks each path parameter is in its path (the mapper reports it as LAG1002; the rule builds the
    /// walker's path as a string for every parameter, 8% of reading a Twilio spec).
    /// </summary>
    private static ValidationRuleSet Rules()
    {
        ValidationRuleSet rules = ValidationRuleSet.GetDefaultRuleSet();
        rules.Remove("OpenApiDocumentReferencesAreValid");
        rules.Remove("PathParameterShouldBeInThePath");
        rules.Remove(ResponseKeysRuleName);
        rules.Add(typeof(OpenApiResponses), s_responseKeys);
        return rules;
    }

    private const string ResponseKeysRuleName = "ResponsesMustBeIdentifiedByDefaultOrStatusCode";

    /// <summary>
    /// Microsoft.OpenApi's rule on response keys, with its name, message and place, without its regex: that runs with a
    /// timeout, and arming the timer for every response key was 3% of generating from a Twilio spec.
    /// </summary>
    private static readonly ValidationRule<OpenApiResponses> s_responseKeys = new(ResponseKeysRuleName, static (context, responses) =>
    {
        foreach (string key in responses.Keys)
        {
            if (!"default".Equals(key, StringComparison.OrdinalIgnoreCase) && !IsStatusCodeKey(key))
            {
                context.Enter(key);
                context.CreateError(ResponseKeysRuleName, "Responses key must be 'default', an HTTP status code, or one of the following strings representing a range of HTTP status codes: '1XX', '2XX', '3XX', '4XX', '5XX' (case insensitive)");
                context.Exit();
            }
        }
    });

    /// <summary><c>^[1-5](?>[0-9]{2}|[xX]{2})$</c>, the rule's pattern, whose <c>$</c> also matches before a final line feed.</summary>
    private static bool IsStatusCodeKey(string key)
    {
        if ((key.Length != 3 && !(key.Length == 4 && key[3] == '\n')) || key[0] < '1' || key[0] > '5')
        {
            return false;
        }

        return (key[1] is >= '0' and <= '9' && key[2] is >= '0' and <= '9') || (key[1] is 'x' or 'X' && key[2] is 'x' or 'X');
    }

    /// <summary>
    /// Reads the text as <see cref="OpenApiDocument.Parse"/> does: the tree <see cref="YamlSubsetReader"/> or
    /// <see cref="JsonTreeReader"/> makes is the one Microsoft.OpenApi's own parse would build, read by the same reader
    /// for the format, with the same location and settings, so the same document and findings but the named examples
    /// (<see cref="ExampleMaps"/>: its reader misplaces every finding after one); text those readers leave is parsed by
    /// Microsoft.OpenApi itself.
    /// </summary>
    /// <param name="ourTree">True when <see cref="YamlSubsetReader"/> or <see cref="JsonTreeReader"/> read the text.</param>
    private static ReadResult? TryParse(string text, string format, OpenApiReaderSettings settings, out Exception? failure, out bool ourTree)
    {
        ourTree = false;
        try
        {
            failure = null;
            JsonNode? tree = format == "yaml" ? YamlSubsetReader.Read(text) : JsonTreeReader.Read(text);
            ourTree = tree is not null;
            ExampleMaps.Remove(tree);
            return tree is null ? OpenApiDocument.Parse(text, format, settings)
                : format == "yaml" ? OpenApiYamlReader.Read(tree, s_parseLocation, settings)
                : new OpenApiJsonReader().Read(tree, s_parseLocation, settings);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            failure = ex;
            return null;
        }
    }

    private static bool IsYaml(string path, string text)
    {
        string extension = Path.GetExtension(path);
        if (extension.Equals(".yaml", StringComparison.OrdinalIgnoreCase) || extension.Equals(".yml", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        // A .json name with YAML inside still gets read: JSON starts with '{' after whitespace.
        return text.TrimStart().Length > 0 && text.TrimStart()[0] != '{';
    }
}
