// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.Collections.Generic;
using System.Linq;
using LiveAvatarGen.Tests.Harness;
using Microsoft.CodeAnalysis;
using Xunit;

namespace LiveAvatarGen.Tests.Webhooks;

/// <summary>
/// The four webhook files of <c>Specs/webhooks.openapi.yaml</c> as a web app gets them (readers, events, handlers,
/// endpoint), so a change to what users call shows in review. Rewrite with <c>UPDATE_SNAPSHOTS=1</c> and read the diff.
/// </summary>
public sealed class WebhookSnapshotTests
{
    [Fact]
    public void TheWebhookFilesMatchTheirSnapshots()
    {
        (IReadOnlyList<GeneratedSourceResult> sources, IReadOnlyList<Diagnostic> problems, _) = WebhookCompileTests.GenerateForWebApp(TestPaths.ReadSpec("webhooks.openapi.yaml"));

        Assert.Empty(problems);
        SnapshotFolder.Match("Webhooks", sources
            .Where(s => s.HintName.Contains(".PetHooksWebhook", StringComparison.Ordinal))
            .ToDictionary(s => s.HintName, s => s.SourceText.ToString(), StringComparer.Ordinal));
    }
}
