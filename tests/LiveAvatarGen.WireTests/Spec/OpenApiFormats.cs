// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.Text.Json;
using Json.Schema;

namespace LiveAvatarGen.WireTests.Spec;

/// <summary>
/// OpenAPI's own formats that JSON Schema does not know, so the validator would wave through what the client must
/// refuse. Only <c>byte</c> (base64) matters to the judge: Prism's faker writes random strings for it.
/// </summary>
internal static class OpenApiFormats
{
    private static readonly Lazy<bool> s_registered = new(() =>
    {
        FormatRegistry.Global.Register(new Base64());
        return true;
    });

    public static void Register() => _ = s_registered.Value;

    private sealed class Base64 : Format
    {
        public Base64()
            : base("byte")
        {
        }

        public override bool Validate(JsonElement element, out string? errorMessage)
        {
            errorMessage = null;
            if (element.ValueKind != JsonValueKind.String)
            {
                return true;
            }

            string text = element.GetString()!;
            byte[] buffer = new byte[text.Length];
            if (Convert.TryFromBase64String(text, buffer, out _))
            {
                return true;
            }

            errorMessage = "the value is not base64 (OpenAPI's format byte)";
            return false;
        }
    }
}
