// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.Collections.Generic;
using System.Linq;
using LiveAvatarGen.Generator.Model;
using Microsoft.OpenApi;

namespace LiveAvatarGen.Generator.Parsing;

/// <summary>Classifies media types, and picks the one a client uses when a body offers several.</summary>
internal static class ContentKinds
{
    public static ContentKind Of(string mediaType)
    {
        string type = mediaType.Split(';')[0].Trim().ToLowerInvariant();
        if (type == "application/json" || type.EndsWith("+json", StringComparison.Ordinal) || type == "*/*" || type == "text/json")
        {
            return ContentKind.Json;
        }

        return type switch
        {
            "application/x-www-form-urlencoded" => ContentKind.Form,
            "multipart/form-data" or "multipart/mixed" => ContentKind.Multipart,
            "text/event-stream" => ContentKind.EventStream,
            "application/x-ndjson" or "application/ndjson" or "application/jsonl" or "application/x-jsonlines" or "application/jsonlines" => ContentKind.NdJson,
            _ when type.StartsWith("text/", StringComparison.Ordinal) || type is "application/xml" or "application/yaml" => ContentKind.Text,
            _ => ContentKind.Binary,
        };
    }

    /// <summary>The preferred content: JSON first, then streams, multipart, form, text, binary.</summary>
    public static KeyValuePair<string, IOpenApiMediaType>? Pick(IDictionary<string, IOpenApiMediaType>? content)
    {
        if (content is null || content.Count == 0)
        {
            return null;
        }

        ContentKind[] order = { ContentKind.Json, ContentKind.EventStream, ContentKind.NdJson, ContentKind.Multipart, ContentKind.Form, ContentKind.Text, ContentKind.Binary };
        return content.OrderBy(c => Array.IndexOf(order, Of(c.Key))).ThenBy(c => c.Key, StringComparer.Ordinal).First();
    }
}
