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
    public void LiveAvatarHasOnePaginatedResponseOverItsFivePagedTypes()
    {
        ApiSpec spec = SpecReader.Read(new SpecInput("/specs/openapi.json", TestPaths.ReadSpec(TestPaths.LiveAvatar), "LiveAvatar.Api", "LiveAvatarClient"), default).Spec!;

        ObjectModel page = spec.Type<ObjectModel>("PaginatedResponse");
        Assert.Equal(5, page.Generic!.Arguments.Count);
        Assert.DoesNotContain(spec.Types, t => t.Name.StartsWith("PaginatedResponse", StringComparison.Ordinal) && t.Name != "PaginatedResponse" && t.Name != "PaginatedResponseJsonConverter");
    }
}
