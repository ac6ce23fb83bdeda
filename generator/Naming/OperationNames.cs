// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.Text;

namespace LiveAvatarGen.Generator.Naming;

/// <summary>Method names for operations.</summary>
internal static class OperationNames
{
    /// <summary>
    /// The base name (without <c>Async</c>) for an operation: its operationId without FastAPI's route suffix
    /// (<c>get_user_credits_v1_users_credits_get</c> becomes <c>GetUserCredits</c>), or the method and path.
    /// </summary>
    public static string BaseName(string? operationId, string httpMethod, string path)
    {
        if (!string.IsNullOrWhiteSpace(operationId))
        {
            return Identifiers.ToPascalCase(StripFastApiSuffix(operationId!, httpMethod, path));
        }

        return Identifiers.ToPascalCase(httpMethod.ToLowerInvariant() + "_" + path);
    }

    /// <summary>
    /// FastAPI's default operationId is <c>{name}{path with non-word chars as _}_{method}</c>; this removes the
    /// suffix when it is exactly that, and never removes the whole id.
    /// </summary>
    public static string StripFastApiSuffix(string operationId, string httpMethod, string path)
    {
        StringBuilder suffix = new();
        foreach (char c in path)
        {
            suffix.Append(char.IsLetterOrDigit(c) || c == '_' ? c : '_');
        }

        suffix.Append('_').Append(httpMethod.ToLowerInvariant());
        string tail = suffix.ToString();
        if (operationId.Length > tail.Length && operationId.EndsWith(tail, StringComparison.Ordinal))
        {
            return operationId.Substring(0, operationId.Length - tail.Length);
        }

        return operationId;
    }
}
