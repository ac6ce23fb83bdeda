// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.Collections.Generic;
using LiveAvatarGen.Generator.Model;
using LiveAvatarGen.Generator.Naming;

namespace LiveAvatarGen.Generator.Parsing;

/// <summary>
/// Finding the families among objects of one skeleton. Seed by seed in name order, a seed's family is the largest set
/// of the objects still open that render as it does with one of its types as the slot (their arguments all different);
/// when no name fits that set, only the seed leaves. Each object is rendered once per candidate type, and each
/// template counts its open members, their names and their arguments as objects leave: a skeleton shared by 20,000
/// schemas took minutes when every seed rendered every other object again, and now takes linear time.
/// </summary>
internal sealed partial class SchemaMapper
{
    private void MergeGroup(List<ObjectModel> objects, Dictionary<string, TypeRef> replaced, List<ObjectModel> families, HashSet<string> merged)
    {
        Dictionary<string, Template> templates = new(StringComparer.Ordinal);

        // Per object, each candidate's template in the object's order; an object joins a template once, with its first
        // candidate that renders to it.
        List<Template>[] slots = new List<Template>[objects.Count];
        List<(Template Template, Template.Entry Entry)>[] joined = new List<(Template, Template.Entry)>[objects.Count];
        for (int i = 0; i < objects.Count; i++)
        {
            ObjectModel model = objects[i];
            string self = FullName(model.Name);
            string pydanticBase = PydanticBase(_componentOfType[model.Name]);
            slots[i] = new List<Template>();
            joined[i] = new List<(Template, Template.Entry)>();
            foreach (TypeRef candidate in GeneratedTypesIn(model))
            {
                if (candidate.FullName == self)
                {
                    continue;
                }

                string rendered = Render(model, candidate);
                if (!templates.TryGetValue(rendered, out Template? template))
                {
                    template = new Template();
                    templates.Add(rendered, template);
                }

                slots[i].Add(template);
                if (!template.Has(i))
                {
                    string argument = candidate.FullName!.Substring(candidate.FullName!.LastIndexOf('.') + 1);
                    joined[i].Add((template, template.Add(i, candidate, pydanticBase, model.Name.Replace(argument, string.Empty))));
                }
            }
        }

        bool[] gone = new bool[objects.Count];
        for (int seed = 0; seed < objects.Count; seed++)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            if (gone[seed])
            {
                continue;
            }

            Template? best = null;
            foreach (Template template in slots[seed])
            {
                if (template.Open > (best?.Open ?? 0) && template.ArgumentsRepeated == 0)
                {
                    best = template;
                }
            }

            if (best is null || best.Open < 2 || best.FamilyName is not { } wanted)
            {
                Leave(seed);
                continue;
            }

            // The seed comes first: it is the open object earliest in name order. Its argument is the slot.
            List<(ObjectModel Model, TypeRef Argument)> members = new(best.Open);
            foreach (Template.Entry entry in best.Entries)
            {
                if (!gone[entry.Index])
                {
                    members.Add((objects[entry.Index], entry.Argument));
                }
            }

            ObjectModel family = BuildFamily(wanted, members);
            families.Add(family);
            foreach (Template.Entry entry in best.Entries)
            {
                if (!gone[entry.Index])
                {
                    replaced[FullName(objects[entry.Index].Name)] = new TypeRef(TypeKind.Generic, FullName(family.Name), entry.Argument);
                    merged.Add(objects[entry.Index].Name);
                    Leave(entry.Index);
                }
            }
        }

        void Leave(int index)
        {
            gone[index] = true;
            foreach ((Template template, Template.Entry entry) in joined[index])
            {
                template.Remove(entry);
            }
        }
    }

    /// <summary>Pydantic's <c>Name_Arg_</c> component names give <c>Name</c>; any other name gives the empty string.</summary>
    private static string PydanticBase(string component)
    {
        int underscore = component.IndexOf('_');
        return underscore > 0 && component.EndsWith("_", StringComparison.Ordinal) ? Identifiers.ToPascalCase(component.Substring(0, underscore)) : string.Empty;
    }

    /// <summary>The objects that render to one template, and what the open ones among them share.</summary>
    private sealed class Template
    {
        private readonly Dictionary<string, int> _bases = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _stripped = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _arguments = new(StringComparer.Ordinal);

        /// <summary>Every object that joined, in name order (left ones included).</summary>
        public List<Entry> Entries { get; } = new();

        public int Open { get; private set; }

        /// <summary>How many open members repeat an argument another open member has: a family needs none.</summary>
        public int ArgumentsRepeated { get; private set; }

        /// <summary>
        /// The family's name: the pydantic base every open member shares, or else the member names without their
        /// argument's name, when that leaves one name. Null when neither does.
        /// </summary>
        public string? FamilyName => Single(_bases) is { Length: > 0 } pydantic ? pydantic : Single(_stripped) is { Length: > 0 } stripped ? stripped : null;

        public bool Has(int index) => Entries.Count > 0 && Entries[Entries.Count - 1].Index == index;

        public Entry Add(int index, TypeRef argument, string pydanticBase, string stripped)
        {
            Entry entry = new(index, argument, pydanticBase, stripped);
            Entries.Add(entry);
            Open++;
            Count(_bases, pydanticBase, 1);
            Count(_stripped, stripped, 1);
            if (Count(_arguments, argument.FullName!, 1) > 1)
            {
                ArgumentsRepeated++;
            }

            return entry;
        }

        public void Remove(Entry entry)
        {
            Open--;
            Count(_bases, entry.PydanticBase, -1);
            Count(_stripped, entry.Stripped, -1);
            if (Count(_arguments, entry.Argument.FullName!, -1) > 0)
            {
                ArgumentsRepeated--;
            }
        }

        private static string? Single(Dictionary<string, int> counts)
        {
            if (counts.Count != 1)
            {
                return null;
            }

            foreach (string key in counts.Keys)
            {
                return key;
            }

            return null;
        }

        /// <summary>Adds <paramref name="delta"/> to a key's count, dropping the key at zero; the new count.</summary>
        private static int Count(Dictionary<string, int> counts, string key, int delta)
        {
            counts.TryGetValue(key, out int count);
            count += delta;
            if (count == 0)
            {
                counts.Remove(key);
            }
            else
            {
                counts[key] = count;
            }

            return count;
        }

        /// <summary>An object in the template: its index, the argument that fills the slot, and its naming keys.</summary>
        public sealed record Entry(int Index, TypeRef Argument, string PydanticBase, string Stripped);
    }
}
