// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using LiveAvatarGen.Generator.Model;

namespace LiveAvatarGen.Generator.Emitting;

/// <summary>
/// Class hierarchies (<see cref="HierarchyModel"/>): the base is a non-sealed class whose reader reads the derived class
/// its discriminator names (an unknown or missing tag reads the base itself, undeclared members kept) and whose writer
/// writes the runtime class. A derived class declares only its own members, sets its tag in its constructor, and
/// reads and writes the inherited members itself through the base's <c>private protected</c> fields.
/// </summary>
internal static partial class ObjectEmitter
{
    private static bool IsBase(ObjectModel model) => model.Hierarchy is { IsBase: true };

    private static bool IsDerived(ObjectModel model) => model.Hierarchy is { IsBase: false };

    /// <summary>A member the base declares: the derived class reads and writes it but does not declare it.</summary>
    private static bool IsInherited(ObjectModel model, Member member) => model.Hierarchy is { } hierarchy && member.Index < hierarchy.InheritedCount;

    private static bool IsTag(ObjectModel model, PropertyModel property) => model.Hierarchy is { } hierarchy && property.JsonName == hierarchy.Discriminator;

    private static string FieldAccess(ObjectModel model) => IsBase(model) ? "private protected" : "private";

    private static string Declaration(ObjectModel model) => model.Hierarchy switch
    {
        { Base: { } baseType } => "public sealed partial class " + model.Name + " : " + baseType.FullName,
        { IsBase: true } => "public partial class " + model.Name,
        _ => "public sealed partial class " + Self(model),
    };

    private static string TagRemark(ObjectModel model, PropertyModel property)
    {
        if (!IsTag(model, property))
        {
            return string.Empty;
        }

        string derived = string.Join(", ", model.Hierarchy!.Derived.Select(d => "<see cref=\"" + d.Type.FullName + "\"/>"));
        string start = property.IsRequired ? " Starts as <c>" + SourceWriter.Xml(model.Hierarchy.Tag) + "</c>; each derived class starts with its own tag." : " Each derived class sets its own tag.";
        return " The discriminator: reading this type returns the class it names (" + derived + "), or this class for any other value." + start;
    }

    /// <summary>
    /// The reader's own constructor where it needs one (<see cref="NeedsReadingConstructor"/>), and a derived class's,
    /// which starts with its tag, so a value built in code is sent as what it is.
    /// </summary>
    private static void EmitConstructor(SourceWriter writer, ObjectModel model, List<Member> members, CompilationFacts facts)
    {
        if (NeedsReadingConstructor(model, members, facts))
        {
            // Declaring the reader's constructor hides the implicit public one, so that is declared too.
            writer.Lines($$"""
                /// <summary>Creates a {{model.Name}}; set its required members in the object initializer.</summary>
                public {{model.Name}}()
                {
                }

                #pragma warning disable CS8618 // The reader sets each field from the JSON and refuses the object unless it read every required member.
                [global::System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
                private {{model.Name}}({{TypeSyntax.JsonReading}} reading)
                {
                }
                #pragma warning restore CS8618

                """);
        }

        if (!IsDerived(model))
        {
            return;
        }

        HierarchyModel hierarchy = model.Hierarchy!;
        PropertyModel tag = model.Properties.First(p => p.JsonName == hierarchy.Discriminator);
        writer.Lines($$"""
            /// <summary>Creates a {{model.Name}}; its discriminator <c>{{SourceWriter.Xml(hierarchy.Discriminator)}}</c> starts as <c>{{SourceWriter.Xml(hierarchy.Tag)}}</c>.</summary>
            public {{model.Name}}()
            {
                {{tag.Name}} = {{CSharpLiteral.String(hierarchy.Tag)}};
            }

            """);
    }

    private static string ReadSummary(ObjectModel model) => IsBase(model)
        ? "Reads the object at the reader's current token as the class its discriminator names; any other tag reads this class, undeclared members kept."
        : "Reads the object at the reader's current token; members the spec does not declare are kept.";

    private static string WriteSummary(ObjectModel model) => IsBase(model)
        ? "Writes the object as its runtime class: required and const members, the optional members that were set (null included), and the undeclared ones kept."
        : "Writes the object: required and const members, the optional members that were set (null included), and the undeclared ones kept.";

    /// <summary>The base peeks at the tag on a copy of the reader (a struct, so the original does not move) and hands the object to the class it names.</summary>
    private static void EmitReadDispatch(SourceWriter writer, ObjectModel model)
    {
        if (!IsBase(model))
        {
            return;
        }

        HierarchyModel hierarchy = model.Hierarchy!;
        writer.Lines($$"""
            {{TypeSyntax.Reader}} peek = reader;
            if ({{TypeSyntax.JsonRead}}.FindString(ref peek, {{CSharpLiteral.String(hierarchy.Discriminator)}}u8))
            {
            """);
        writer.Indent(1);
        bool first = true;
        foreach (DerivedClassModel derived in hierarchy.Derived.Where(d => d.Tags.Count > 0))
        {
            if (!first)
            {
                writer.Line();
            }

            first = false;
            string test = string.Join(" || ", derived.Tags.Select(t => "peek.ValueTextEquals(" + CSharpLiteral.String(t) + "u8)"));
            writer.Lines($$"""
                if ({{test}})
                {
                    return {{derived.Type.FullName}}.ReadJson(ref reader);
                }
                """);
        }

        writer.Indent(-1);
        writer.Lines("""
            }

            """);
    }

    /// <summary>The base writes a derived value with the derived class's writer, so its own members and tag are sent.</summary>
    private static void EmitWriteDispatch(SourceWriter writer, ObjectModel model)
    {
        if (!IsBase(model))
        {
            return;
        }

        for (int i = 0; i < model.Hierarchy!.Derived.Count; i++)
        {
            string type = model.Hierarchy.Derived[i].Type.FullName!;
            string local = "derived" + i.ToString(CultureInfo.InvariantCulture);
            writer.Lines($$"""
                if (value is {{type}} {{local}})
                {
                    {{type}}.WriteJson(writer, {{local}});
                    return;
                }

                """);
        }
    }
}
