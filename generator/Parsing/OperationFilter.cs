// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using LiveAvatarGen.Generator.Configuration;
using LiveAvatarGen.Generator.Diagnostics;
using LiveAvatarGen.Generator.Infrastructure;
using LiveAvatarGen.Generator.Model;
using Microsoft.OpenApi;

namespace LiveAvatarGen.Generator.Parsing;

/// <summary>
/// Cuts a big spec down to the operations a project calls (<see cref="SpecFilter"/>), before anything is mapped, and
/// afterwards leaves out the types nothing kept refers to. A filter entry that matches no operation is reported
/// (LAG2005), since it is most likely a typo.
/// </summary>
internal static class OperationFilter
{
    /// <summary>Removes the operations the filter does not keep from the document.</summary>
    public static void Apply(OpenApiDocument document, SpecFilter filter, SpecLocator locator, List<DiagnosticInfo> diagnostics)
    {
        HashSet<string> matched = new(StringComparer.Ordinal);
        foreach (KeyValuePair<string, IOpenApiPathItem> path in document.Paths?.ToList() ?? new List<KeyValuePair<string, IOpenApiPathItem>>())
        {
            if (path.Value?.Operations is not { } operations)
            {
                continue;
            }

            foreach (KeyValuePair<HttpMethod, OpenApiOperation> operation in operations.ToList())
            {
                List<string> tags = operation.Value?.Tags?.Select(t => t?.Name).Where(n => n is not null).Select(n => n!).ToList() ?? new List<string>();
                string? operationId = operation.Value?.OperationId;
                Note(filter, path.Key, operationId, tags, matched);
                if (!filter.Keeps(path.Key, operationId, tags.FirstOrDefault(), tags.Contains))
                {
                    operations.Remove(operation.Key);
                }
            }

            if (operations.Count == 0)
            {
                document.Paths!.Remove(path.Key);
            }
        }

        ReportUnmatched(filter, matched, locator, diagnostics);
    }

    /// <summary>
    /// The types reachable from the kept operations: their parameters, bodies, answers and headers, then everything
    /// those types refer to (properties, variants, generic arguments, a hierarchy's classes). The rest is left out.
    /// </summary>
    /// <param name="types">Every mapped type.</param>
    /// <param name="operations">The operations kept.</param>
    /// <param name="roots">Other types kept whatever the filter says (the webhooks' payloads); nulls are skipped.</param>
    public static List<TypeModel> Reachable(IReadOnlyList<TypeModel> types, IEnumerable<OperationModel> operations, IEnumerable<TypeRef?>? roots = null)
    {
        Dictionary<string, TypeModel> byName = types.GroupBy(t => "global::" + t.Namespace + "." + t.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        HashSet<string> reached = new(StringComparer.Ordinal);
        Stack<TypeRef> pending = new();
        foreach (TypeRef? root in roots ?? Enumerable.Empty<TypeRef?>())
        {
            if (root is not null)
            {
                pending.Push(root);
            }
        }
        foreach (OperationModel operation in operations)
        {
            foreach (ParameterModel parameter in operation.Parameters)
            {
                pending.Push(parameter.Type);
            }

            if (operation.Body is { } body)
            {
                pending.Push(body.Type);
                foreach (BodyFieldModel field in body.Fields)
                {
                    pending.Push(field.Type);
                }
            }

            foreach (ResponseModel response in operation.Responses)
            {
                if (response.Type is { } type)
                {
                    pending.Push(type);
                }
            }

            if (operation.Paging is { } paging)
            {
                pending.Push(paging.ItemType);
            }
        }

        // A generic family keeps only the type arguments kept code uses (its converter names each one).
        HashSet<string> usedArguments = new(StringComparer.Ordinal);
        while (pending.Count > 0)
        {
            TypeRef type = pending.Pop();
            if (type.Element is { } element)
            {
                pending.Push(element);
                if (type.Kind == TypeKind.Generic)
                {
                    usedArguments.Add(type.FullName + "<" + element.AsNonNullable() + ">");
                }
            }

            if (type.FullName is not { } name || !byName.TryGetValue(name, out TypeModel? model) || !reached.Add(name))
            {
                continue;
            }

            foreach (TypeRef inner in Inner(model))
            {
                pending.Push(inner);
            }
        }

        return types
            .Where(t => reached.Contains("global::" + t.Namespace + "." + t.Name))
            .Select(t => t is ObjectModel { Generic: { } generic } family
                ? family with { Generic = generic with { Arguments = generic.Arguments.Where(a => usedArguments.Contains("global::" + t.Namespace + "." + t.Name + "<" + a.AsNonNullable() + ">")).ToEquatableArray() } }
                : t)
            .ToList();
    }

    private static IEnumerable<TypeRef> Inner(TypeModel model)
    {
        switch (model)
        {
            case ObjectModel o:
                foreach (PropertyModel property in o.Properties)
                {
                    yield return property.Type;
                }

                if (o.AdditionalPropertiesType is { } extras)
                {
                    yield return extras;
                }

                if (o.Hierarchy is { } hierarchy)
                {
                    if (hierarchy.Base is { } baseType)
                    {
                        yield return baseType;
                    }

                    foreach (DerivedClassModel derived in hierarchy.Derived)
                    {
                        yield return derived.Type;
                    }
                }

                break;
            case UnionModel u:
                foreach (UnionVariantModel variant in u.Variants)
                {
                    yield return variant.Type;
                }

                break;
        }
    }

    private static void Note(SpecFilter filter, string path, string? operationId, List<string> tags, HashSet<string> matched)
    {
        foreach (string tag in filter.IncludeTags.Concat(filter.ExcludeTags).Where(tags.Contains))
        {
            matched.Add("tag:" + tag);
        }

        foreach (string pattern in filter.IncludePaths.Concat(filter.ExcludePaths).Where(p => SpecFilter.PathMatches(p, path)))
        {
            matched.Add("path:" + pattern);
        }

        if (operationId is not null)
        {
            matched.Add("op:" + operationId);
        }
    }

    private static void ReportUnmatched(SpecFilter filter, HashSet<string> matched, SpecLocator locator, List<DiagnosticInfo> diagnostics)
    {
        (string Metadata, Infrastructure.EquatableArray<string> Values, string Prefix)[] lists =
        {
            ("OpenApiIncludeTags", filter.IncludeTags, "tag:"), ("OpenApiExcludeTags", filter.ExcludeTags, "tag:"),
            ("OpenApiIncludePaths", filter.IncludePaths, "path:"), ("OpenApiExcludePaths", filter.ExcludePaths, "path:"),
            ("OpenApiIncludeOperations", filter.IncludeOperations, "op:"), ("OpenApiExcludeOperations", filter.ExcludeOperations, "op:"),
        };
        foreach ((string metadata, Infrastructure.EquatableArray<string> values, string prefix) in lists)
        {
            foreach (string value in values.Where(v => !matched.Contains(prefix + v)))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.FilterMatchesNothing, locator.FileStart(), metadata, value));
            }
        }
    }
}
