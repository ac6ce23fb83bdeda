// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.Collections.Generic;
using System.Linq;
using LiveAvatarGen.Generator.Model;
using LiveAvatarGen.Generator.Naming;
using Microsoft.OpenApi;

namespace LiveAvatarGen.Generator.Parsing;

/// <summary>
/// Sub-clients by tag: an operation belongs to its first tag; untagged operations stay on the client. Class and
/// interface names are claimed from the type registry before the component schemas are named (as the client's are);
/// the client's property for each group is claimed after the operations, so a tag never renames a method.
/// </summary>
internal static class OperationGroups
{
    /// <summary>The operation's first tag, or null. Microsoft.OpenApi keeps the tags in a set that enumerates in document order.</summary>
    public static string? FirstTag(OpenApiOperation operation)
    {
        string? name = operation.Tags?.Select(t => t?.Name ?? t?.Reference?.Id).FirstOrDefault();
        return string.IsNullOrWhiteSpace(name) ? null : name;
    }

    /// <summary>The distinct first tags of all operations, in ordinal order, each with its class and interface names.</summary>
    public static List<OperationGroupModel> Declare(OpenApiDocument document, string clientName, Func<string, string> reserveTypeName)
    {
        SortedSet<string> tags = new(StringComparer.Ordinal);
        foreach (IOpenApiPathItem? path in document.Paths?.Values ?? Enumerable.Empty<IOpenApiPathItem>())
        {
            foreach (OpenApiOperation? operation in path?.Operations?.Values ?? Enumerable.Empty<OpenApiOperation>())
            {
                if (operation is not null && FirstTag(operation) is { } tag)
                {
                    tags.Add(tag);
                }
            }
        }

        // LiveAvatarClient + "Avatar" -> LiveAvatarAvatarClient: the client's prefix keeps two specs in one namespace apart.
        string stem = clientName.EndsWith("Client", StringComparison.Ordinal) ? clientName.Substring(0, clientName.Length - "Client".Length) : clientName;
        List<OperationGroupModel> groups = new();
        foreach (string tag in tags)
        {
            string className = reserveTypeName(stem + Identifiers.ToPascalCase(tag) + "Client");
            string interfaceName = reserveTypeName("I" + className);
            string? description = document.Tags?.FirstOrDefault(t => t?.Name == tag)?.Description;
            groups.Add(new OperationGroupModel(tag, string.Empty, className, interfaceName, string.IsNullOrWhiteSpace(description) ? null : description));
        }

        return groups;
    }
}
