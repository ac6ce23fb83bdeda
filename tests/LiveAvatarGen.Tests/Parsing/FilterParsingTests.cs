// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.Collections.Generic;
using System.Linq;
using LiveAvatarGen.Generator.Configuration;
using LiveAvatarGen.Generator.Model;
using LiveAvatarGen.Generator.Parsing;
using LiveAvatarGen.Tests.Harness;
using Xunit;

namespace LiveAvatarGen.Tests.Parsing;

/// <summary>Cutting a big spec down by tag, path and operationId (issue 12, item 4), with what nothing uses left out.</summary>
public sealed class FilterParsingTests
{
    private static ReadResult Read(params (string Name, string Value)[] metadata)
    {
        Dictionary<string, string> values = metadata.ToDictionary(m => m.Name, m => m.Value, StringComparer.Ordinal);
        SpecFilter filter = SpecFilter.From(name => values.TryGetValue(name, out string? value) ? value : null);
        return SpecReader.Read(new SpecInput("/specs/openapi.json", TestPaths.ReadSpec(TestPaths.LiveAvatar), "LiveAvatar.Api", "LiveAvatarClient", true, filter.IsActive ? filter : null), default);
    }

    [Fact]
    public void IncludingATagKeepsItsOperationsItsSubClientAndOnlyTheTypesTheyUse()
    {
        ApiSpec all = Read().Spec!;
        ApiSpec avatars = Read(("OpenApiIncludeTags", "Avatar")).Spec!;

        Assert.Equal(5, avatars.Client!.Operations.Count);
        Assert.Equal(new[] { "Avatar" }, avatars.Client.Groups.Select(g => g.Tag));
        Assert.True(avatars.Types.Count < all.Types.Count / 2, avatars.Types.Count + " of " + all.Types.Count + " types kept");
        Assert.Contains(avatars.Types, t => t.Name == "AvatarSchema");
        Assert.DoesNotContain(avatars.Types, t => t.Name == "VoiceSchema");

        // The generic page keeps only the argument kept code uses.
        ObjectModel page = (ObjectModel)avatars.Types.Single(t => t.Name == "PaginatedResponse");
        Assert.Equal(new[] { "global::LiveAvatar.Api.AvatarSchema" }, page.Generic!.Arguments.Select(a => a.FullName));
    }

    [Fact]
    public void PathsAndOperationIdsIncludeAndExclude()
    {
        ApiSpec spec = Read(("OpenApiIncludePaths", "/v1/avatars/**;/v1/users/*"), ("OpenApiExcludeOperations", "delete_avatar_v1_avatars__avatar_id__delete")).Spec!;

        Assert.Contains(spec.Client!.Operations, o => o.PathTemplate == "/v1/users/credits");
        Assert.Contains(spec.Client.Operations, o => o.PathTemplate == "/v1/avatars/{avatar_id}" && o.HttpMethod == "PATCH");
        Assert.DoesNotContain(spec.Client.Operations, o => o.PathTemplate == "/v1/avatars/{avatar_id}" && o.HttpMethod == "DELETE");
        Assert.DoesNotContain(spec.Client.Operations, o => o.PathTemplate.StartsWith("/v1/voices", StringComparison.Ordinal));
        Assert.DoesNotContain(spec.Client.Operations, o => o.PathTemplate == "/v1/avatars");
    }

    [Fact]
    public void AFilterEntryThatMatchesNothingIsReported()
    {
        ReadResult result = Read(("OpenApiIncludeTags", "Avatar;Avatars"), ("OpenApiExcludeOperations", "no_such_operation"));

        Assert.Equal(
            new[] { "OpenApiExcludeOperations|no_such_operation", "OpenApiIncludeTags|Avatars" },
            result.Diagnostics.Where(d => d.Id == "LAG2005").Select(d => string.Join("|", d.Arguments)).OrderBy(a => a, StringComparer.Ordinal));
    }

    [Fact]
    public void AFilteredClientCompilesClean()
    {
        GenerationResult result = GeneratorHarness.Generate(
            "/specs/openapi.json",
            TestPaths.ReadSpec(TestPaths.LiveAvatar),
            withHttpClientFactory: true,
            metadata: new Dictionary<string, string> { ["OpenApiIncludeTags"] = "Avatar;Users", ["OpenApiExcludePaths"] = "/v1/avatars/public" });

        Assert.Empty(result.CompilationProblems.Select(d => d.ToString()));
        Assert.DoesNotContain(result.Sources, s => s.HintName.Contains("Memory", StringComparison.Ordinal) || s.HintName.Contains("Secret", StringComparison.Ordinal));
    }
}
