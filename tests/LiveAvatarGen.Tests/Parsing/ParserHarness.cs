// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.Collections;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Threading;
using LiveAvatarGen.Generator.Configuration;
using LiveAvatarGen.Generator.Diagnostics;
using LiveAvatarGen.Generator.Model;
using LiveAvatarGen.Generator.Parsing;
using Xunit;

namespace LiveAvatarGen.Tests.Parsing;

/// <summary>
/// Runs <see cref="SpecReader.Read"/> on a spec fragment (no Roslyn, no compilation) and finds things in the model.
/// Fragments are YAML: the helpers wrap components and paths into a whole 3.1 document.
/// </summary>
internal static class ParserHarness
{
    public const string Namespace = "Test.Api";

    public const string Path = "/specs/test.openapi.yaml";

    /// <summary>The <c>global::</c> name a generated type of this spec gets.</summary>
    public static string Global(string typeName) => "global::" + Namespace + "." + typeName;

    public static ReadResult Read(string yaml, string path = Path, string? clientName = null, bool groupByTag = true)
        => SpecReader.Read(new SpecInput(path, yaml, Namespace, clientName, groupByTag), CancellationToken.None);

    /// <summary>A 3.1 document with these component schemas (indented as under <c>schemas:</c>, 4 spaces) and no paths.</summary>
    public static string Schemas(string schemas, string version = "3.1.0")
        => "openapi: " + version + "\ninfo: { title: Test API, version: '1' }\npaths: {}\ncomponents:\n  schemas:\n" + Indent(schemas, 4);

    /// <summary>A 3.1 document with these paths (indented as under <c>paths:</c>, 2 spaces) and optional component schemas.</summary>
    public static string Paths(string paths, string? schemas = null, string? extra = null)
        => "openapi: 3.1.0\ninfo: { title: Test API, version: '1' }\n" + (extra ?? string.Empty) + "paths:\n" + Indent(paths, 2)
            + (schemas is null ? string.Empty : "components:\n  schemas:\n" + Indent(schemas, 4));

    /// <summary>Reads and asserts nothing was reported at warning level or above; returns the spec.</summary>
    public static ApiSpec ReadClean(string yaml)
    {
        ReadResult result = Read(yaml);
        Assert.True(result.Diagnostics.Count == 0, "unexpected diagnostics: " + string.Join(", ", result.Diagnostics.Select(d => d.Id + " " + string.Join("|", d.Arguments))));
        Assert.NotNull(result.Spec);
        return result.Spec!;
    }

    public static T Type<T>(this ApiSpec spec, string name)
        where T : TypeModel
    {
        TypeModel? found = spec.Types.FirstOrDefault(t => t.Name == name);
        Assert.True(found is not null, "no type " + name + "; types: " + string.Join(", ", spec.Types.Select(t => t.GetType().Name + " " + t.Name)));
        return Assert.IsType<T>(found);
    }

    public static PropertyModel Property(this ObjectModel model, string jsonName)
    {
        PropertyModel? found = model.Properties.FirstOrDefault(p => p.JsonName == jsonName);
        Assert.True(found is not null, "no property " + jsonName + " on " + model.Name);
        return found!;
    }

    public static OperationModel Operation(this ApiSpec spec, string methodName)
    {
        OperationModel? found = spec.Client!.Operations.FirstOrDefault(o => o.MethodName == methodName);
        Assert.True(found is not null, "no operation " + methodName + "; operations: " + string.Join(", ", spec.Client.Operations.Select(o => o.MethodName)));
        return found!;
    }

    public static ParameterModel Parameter(this OperationModel operation, string jsonName)
    {
        ParameterModel? found = operation.Parameters.FirstOrDefault(p => p.JsonName == jsonName);
        Assert.True(found is not null, "no parameter " + jsonName + " on " + operation.MethodName);
        return found!;
    }

    public static DiagnosticInfo Diagnostic(this ReadResult result, string id)
    {
        DiagnosticInfo? found = result.Diagnostics.FirstOrDefault(d => d.Id == id);
        Assert.True(found is not null, "no " + id + "; got: " + string.Join(", ", result.Diagnostics.Select(d => d.Id)));
        return found!;
    }

    /// <summary>A readable dump of a model, for assertion messages.</summary>
    public static string Dump(object? value)
    {
        StringBuilder builder = new();
        Dump(builder, value, 0);
        return builder.ToString();
    }

    private static void Dump(StringBuilder builder, object? value, int depth)
    {
        if (depth > 30)
        {
            builder.Append("...");
            return;
        }

        switch (value)
        {
            case null:
                builder.Append("null");
                return;
            case string s:
                builder.Append('"').Append(s).Append('"');
                return;
            case Enum or bool or int or long:
                builder.Append(value);
                return;
            case IEnumerable items:
                builder.Append('[');
                foreach (object? item in items)
                {
                    builder.Append('\n').Append(' ', (depth + 1) * 2);
                    Dump(builder, item, depth + 1);
                }

                builder.Append(']');
                return;
        }

        Type type = value.GetType();
        builder.Append(type.Name).Append(" {");
        foreach (PropertyInfo property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.Name != "EqualityContract" && p.GetIndexParameters().Length == 0))
        {
            builder.Append(' ').Append(property.Name).Append(" = ");
            Dump(builder, property.GetValue(value), depth + 1);
            builder.Append(',');
        }

        builder.Append(" }");
    }

    private static string Indent(string text, int spaces)
    {
        string[] lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim('\n').Split('\n');
        int common = lines.Where(l => l.Trim().Length > 0).Select(l => l.Length - l.TrimStart().Length).DefaultIfEmpty(0).Min();
        return string.Concat(lines.Select(l => new string(' ', spaces) + (l.Length >= common ? l.Substring(common) : l.TrimStart()) + "\n"));
    }
}
