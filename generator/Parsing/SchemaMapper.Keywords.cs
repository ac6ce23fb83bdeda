// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.Collections.Generic;
using LiveAvatarGen.Generator.Diagnostics;

namespace LiveAvatarGen.Generator.Parsing;

/// <summary>
/// JSON Schema keywords that neither Microsoft.OpenApi's model nor the generated code carries. The reader drops
/// <c>if</c>/<c>then</c>/<c>else</c>, <c>dependentSchemas</c> and <c>propertyNames</c> without a word, so they are
/// found in the spec text by pointer and reported (LAG2003, info), never silently lost: a user then knows the
/// generated type accepts values the spec's conditions would refuse.
/// </summary>
internal sealed partial class SchemaMapper
{
    private static readonly (string Keyword, string Consequence)[] s_unmodelledKeywords =
    {
        ("if", "the condition and its then/else branches are not applied; values are checked against the other keywords only"),
        ("dependentSchemas", "the schemas that apply when a member is present are not applied"),
        ("dependentRequired", "members required when another is present are not checked"),
        ("propertyNames", "member names are not checked"),
        ("prefixItems", "array items are typed by 'items' alone, not by position"),
        ("contains", "no item is checked against it"),
        ("unevaluatedItems", "extra items are not checked"),
    };

    private readonly HashSet<string> _keywordsChecked = new(StringComparer.Ordinal);

    /// <summary>Reports, once per schema, each keyword above that the spec text holds at <paramref name="pointer"/>.</summary>
    private void ReportUnmodelledKeywords(string pointer)
    {
        if (!_keywordsChecked.Add(pointer))
        {
            return;
        }

        foreach ((string keyword, string consequence) in s_unmodelledKeywords)
        {
            // The text test first (answered once per spec): most specs hold none of these, and building each
            // keyword's pointer for each of Stripe's thousands of schemas was a tenth of its mapping.
            if (!_locator.MayHaveKey(keyword))
            {
                continue;
            }

            string at = pointer + "/" + keyword;
            if (_locator.Has(at))
            {
                Report(DiagnosticDescriptors.KeywordNotEnforced, at, pointer, keyword, consequence);
            }
        }
    }
}
