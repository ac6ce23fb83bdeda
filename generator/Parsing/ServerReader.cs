// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.Collections.Generic;
using System.Linq;
using LiveAvatarGen.Generator.Emitting;
using LiveAvatarGen.Generator.Infrastructure;
using LiveAvatarGen.Generator.Model;
using LiveAvatarGen.Generator.Naming;
using Microsoft.OpenApi;

namespace LiveAvatarGen.Generator.Parsing;

/// <summary>Servers (document, path and operation level) and the options properties for their variables.</summary>
internal static class ServerReader
{
    /// <summary>The first server of a list: the one a client uses when the spec offers several.</summary>
    public static ServerModel? First(IList<OpenApiServer>? servers)
    {
        if (servers?.FirstOrDefault(s => !string.IsNullOrEmpty(s?.Url)) is not { } server)
        {
            return null;
        }

        List<ServerVariableModel> variables = new();
        if (server.Variables is { } declared)
        {
            // Ordinal order: substitution does not depend on it, and the output must not depend on the reader's.
            foreach (KeyValuePair<string, OpenApiServerVariable> pair in declared.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                if (pair.Value is { } variable)
                {
                    EquatableArray<string> values = (variable.Enum ?? new List<string>()).Where(v => v is not null).ToEquatableArray();
                    variables.Add(new ServerVariableModel(pair.Key, variable.Default ?? (values.Count > 0 ? values[0] : string.Empty), variable.Description, values));
                }
            }
        }

        return new ServerModel(server.Url!, variables.ToEquatableArray());
    }

    /// <summary>One options property per variable name used by the servers the client sends to.</summary>
    /// <param name="servers">The document's server and the operations' own, in document order.</param>
    /// <param name="taken">Names already taken in the options class: its own name and the credential properties.</param>
    public static EquatableArray<ServerVariableOption> Options(IEnumerable<ServerModel> servers, IEnumerable<string> taken)
    {
        Dictionary<string, List<(ServerModel Server, ServerVariableModel Variable)>> byName = new(StringComparer.Ordinal);
        foreach (ServerModel server in servers)
        {
            foreach (ServerVariableModel variable in server.Variables)
            {
                if (!byName.TryGetValue(variable.Name, out List<(ServerModel, ServerVariableModel)>? uses))
                {
                    byName[variable.Name] = uses = new List<(ServerModel, ServerVariableModel)>();
                }

                if (!uses.Any(u => u.Item1.Url == server.Url))
                {
                    uses.Add((server, variable));
                }
            }
        }

        NameRegistry names = new();
        foreach (string name in OptionsEmitter.InheritedMembers.Concat(taken))
        {
            names.Reserve(name);
        }

        List<ServerVariableOption> options = new();
        foreach (KeyValuePair<string, List<(ServerModel Server, ServerVariableModel Variable)>> pair in byName.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            options.Add(new ServerVariableOption(pair.Key, names.Claim(Identifiers.ToPascalCase(pair.Key)), Describe(pair.Key, pair.Value)));
        }

        return options.ToEquatableArray();
    }

    private static string Describe(string name, List<(ServerModel Server, ServerVariableModel Variable)> uses)
    {
        string urls = string.Join(", ", uses.Select(u => "'" + u.Server.Url + "'"));
        string? description = uses.Select(u => u.Variable.Description).FirstOrDefault(d => !string.IsNullOrWhiteSpace(d));
        string[] defaults = uses.Select(u => u.Variable.Default).Distinct(StringComparer.Ordinal).ToArray();
        string[] known = uses.SelectMany(u => u.Variable.Enum).Distinct(StringComparer.Ordinal).ToArray();
        return "The '" + name + "' variable of the server URL" + (uses.Count == 1 ? " " : "s ") + urls + "."
            + (description is null ? string.Empty : " " + description.Trim())
            + (defaults.Length == 1 ? " Null uses the spec's default, '" + defaults[0] + "'." : " Null uses each server's default.")
            + (known.Length == 0 ? string.Empty : " The spec lists: " + string.Join(", ", known.Select(k => "'" + k + "'")) + ".");
    }
}
