// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.IO;
using System.Linq;
using LiveAvatarGen.Generator.Configuration;
using LiveAvatarGen.Generator.Diagnostics;
using LiveAvatarGen.Generator.Model;
using LiveAvatarGen.Generator.Parsing;
using LiveAvatarGen.Tests.Harness;
using Xunit;
using static LiveAvatarGen.Tests.Parsing.ParserHarness;

namespace LiveAvatarGen.Tests.Parsing;

/// <summary>Same-shaped schemas that differ only in one type become one generic class (issue 11, item 2).</summary>
public sealed class GenericFamilyParsingTests
{
    private const string Pages = """
        Item: { type: object, properties: { id: { type: string } } }
        Other: { type: object, properties: { name: { type: string } } }
        Page_Item_:
          type: object
          required: [count, results]
          title: Page[Item]
          properties:
            count: { type: integer }
            next: { type: string }
            results: { type: array, items: { $ref: '#/components/schemas/Item' } }
        Page_Other_:
          type: object
          required: [count, results]
          title: Page[Other]
          properties:
            count: { type: integer }
            next: { type: string }
            results: { type: array, items: { $ref: '#/components/schemas/Other' } }
        Holder:
          type: object
          properties:
            items: { $ref: '#/components/schemas/Page_Item_' }
            others: { $ref: '#/components/schemas/Page_Other_' }
        """;

    [Fact]
    public void PydanticGenericsBecomeOneGenericClassAndEveryUseNamesItsArgument()
    {
        ReadResult result = Read(Schemas(Pages));
        ApiSpec spec = result.Spec!;

        ObjectModel page = spec.Type<ObjectModel>("Page");
        Assert.Equal("T", page.Generic!.TypeParameter);
        Assert.Equal(new[] { "Page_Item_", "Page_Other_" }, page.Generic.MergedSchemas);
        Assert.Equal(new TypeRef(TypeKind.List, Element: new TypeRef(TypeKind.TypeParameter, "T")), page.Property("results").Type);
        Assert.DoesNotContain(spec.Types, t => t.Name is "PageItem" or "PageOther");

        ObjectModel holder = spec.Type<ObjectModel>("Holder");
        Assert.Equal(new TypeRef(TypeKind.Generic, Global("Page"), new TypeRef(TypeKind.Class, Global("Item")), IsNullable: true), holder.Property("items").Type);
        Assert.Equal(new TypeRef(TypeKind.Generic, Global("Page"), new TypeRef(TypeKind.Class, Global("Other")), IsNullable: true), holder.Property("others").Type);

        DiagnosticInfo reported = Assert.Single(result.Diagnostics, d => d.Id == "LAG2004");
        Assert.Contains("Page_Item_, Page_Other_", string.Join("|", reported.Arguments), StringComparison.Ordinal);
    }

    [Fact]
    public void AFamilyWhoseMembersDifferInAnythingButTheSlotIsNotMerged()
    {
        string different = Pages.Replace("  required: [count, results]\n  title: Page[Other]", "  required: [count]\n  title: Page[Other]", StringComparison.Ordinal);

        ApiSpec spec = Read(Schemas(different)).Spec!;

        Assert.Null(spec.Type<ObjectModel>("PageItem").Generic);
        Assert.Null(spec.Type<ObjectModel>("PageOther").Generic);
        Assert.DoesNotContain(spec.Types, t => t.Name == "Page");
    }

    [Fact]
    public void AFamilyTheStructureRevealsIsNamedWithoutItsArgument()
    {
        ApiSpec spec = Read(Schemas("""
            Cat: { type: object, properties: { lives: { type: integer } } }
            Dog: { type: object, properties: { good: { type: boolean } } }
            CatEnvelopeList: { type: object, properties: { data: { type: array, items: { $ref: '#/components/schemas/Cat' } }, total: { type: integer } } }
            DogEnvelopeList: { type: object, properties: { data: { type: array, items: { $ref: '#/components/schemas/Dog' } }, total: { type: integer } } }
            """)).Spec!;

        Assert.NotNull(spec.Type<ObjectModel>("EnvelopeList").Generic);
    }

    [Fact]
    public void ASeedTheNamesCannotJoinLeavesAloneAndTheRestStillFormTheirFamily()
    {
        // All three share the shape; with Lonely (first by name) the names agree on nothing, so Lonely stays a class of
        // its own and the next seed's family takes the two pages.
        ApiSpec spec = Read(Schemas("""
            X: { type: object, properties: { x: { type: string } } }
            Y: { type: object, properties: { y: { type: string } } }
            Z: { type: object, properties: { z: { type: string } } }
            Lonely: { type: object, properties: { items: { type: array, items: { $ref: '#/components/schemas/Z' } } } }
            XPage: { type: object, properties: { items: { type: array, items: { $ref: '#/components/schemas/X' } } } }
            YPage: { type: object, properties: { items: { type: array, items: { $ref: '#/components/schemas/Y' } } } }
            """)).Spec!;

        Assert.Equal(new[] { "XPage", "YPage" }, spec.Type<ObjectModel>("Page").Generic!.MergedSchemas);
        Assert.Null(spec.Type<ObjectModel>("Lonely").Generic);
        Assert.DoesNotContain(spec.Types, t => t.Name is "XPage" or "YPage");
    }

    [Fact]
    public void ThousandsOfSchemasOfOneShapeAreGroupedByTemplateNotAgainstEachOther()
    {
        // 3,000 same-shaped schemas, each pointing at the next: every seed's template holds all of them and their names
        // agree on nothing, so none merges; 300 page schemas over 300 items do merge, into one family.
        System.Text.StringBuilder yaml = new();
        for (int i = 0; i < 3000; i++)
        {
            yaml.Append('S').Append(i).Append(": { type: object, properties: { next: { $ref: '#/components/schemas/S").Append((i + 1) % 3000).Append("' } } }\n");
        }

        for (int i = 0; i < 300; i++)
        {
            yaml.Append("Item").Append(i).Append(": { type: object, properties: { v").Append(i).Append(": { type: string } } }\n");
            yaml.Append("Item").Append(i).Append("Page: { type: object, properties: { items: { type: array, items: { $ref: '#/components/schemas/Item").Append(i).Append("' } } } }\n");
        }

        ApiSpec spec = Read(Schemas(yaml.ToString())).Spec!;

        Assert.Equal(300, spec.Type<ObjectModel>("Page").Generic!.Arguments.Count);
        Assert.All(Enumerable.Range(0, 3000), i => Assert.Null(spec.Type<ObjectModel>("S" + i).Generic));
    }

    [Fact]
    public void LiveAvatarHasOnePaginatedResponseOverItsFivePagedTypes()
    {
        ApiSpec spec = SpecReader.Read(new SpecInput("/specs/openapi.json", TestPaths.ReadSpec(TestPaths.LiveAvatar), "LiveAvatar.Api", "LiveAvatarClient"), default).Spec!;

        ObjectModel page = spec.Type<ObjectModel>("PaginatedResponse");
        Assert.Equal(5, page.Generic!.Arguments.Count);
        Assert.DoesNotContain(spec.Types, t => t.Name.StartsWith("PaginatedResponse", StringComparison.Ordinal) && t.Name != "PaginatedResponse" && t.Name != "PaginatedResponseJsonConverter");
    }
}
