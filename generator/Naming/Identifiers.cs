// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace LiveAvatarGen.Generator.Naming;

/// <summary>Turns arbitrary spec names into valid, deterministic C# identifiers.</summary>
internal static class Identifiers
{
    /// <summary>Longest identifier we emit; the compiler's limit is 512, and names get suffixes later.</summary>
    private const int MaxLength = 120;

    private static readonly HashSet<string> s_keywords = new(StringComparer.Ordinal)
    {
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const",
        "continue", "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern",
        "false", "finally", "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int", "interface",
        "internal", "is", "lock", "long", "namespace", "new", "null", "object", "operator", "out", "override",
        "params", "private", "protected", "public", "readonly", "ref", "return", "sbyte", "sealed", "short",
        "sizeof", "stackalloc", "static", "string", "struct", "switch", "this", "throw", "true", "try", "typeof",
        "uint", "ulong", "unchecked", "unsafe", "ushort", "using", "virtual", "void", "volatile", "while",
        "record", "required", "scoped", "file", "field", "value", "var", "dynamic", "await", "async", "nameof", "when",
        "where", "yield", "get", "set", "init", "global", "partial", "and", "or", "not", "with", "managed", "unmanaged",
    };

    /// <summary>The buffer <see cref="ToPascalCase"/> builds a name in, one per thread.</summary>
    [ThreadStatic]
    private static char[]? t_buffer;

    /// <summary>
    /// PascalCase: words split at every character that cannot appear in an identifier, each word's first letter
    /// raised, the rest kept (so <c>fooBar</c> and <c>HTTPValidationError</c> keep their inner capitals).
    /// </summary>
    public static string ToPascalCase(string raw)
    {
        // Names are made for every member, parameter and header; most need at most a few letters raised, so the
        // word is built in one reused buffer, and a name that is already PascalCase comes back as it is.
        char[] buffer = t_buffer is { } cached && cached.Length >= raw.Length ? cached : t_buffer = new char[Math.Max(raw.Length, 64)];
        int length = 0;
        bool changed = false;
        bool startOfWord = true;
        foreach (char c in raw)
        {
            if (IsIdentifierPart(c) && c != '_')
            {
                char written = startOfWord ? char.ToUpperInvariant(c) : c;
                changed |= written != c;
                buffer[length++] = written;
                startOfWord = false;
            }
            else
            {
                changed = true;
                startOfWord = true;
            }
        }

        return Finish(changed ? new string(buffer, 0, length) : raw, "Value");
    }

    /// <summary>camelCase for parameters and locals, with <c>@</c> before keywords.</summary>
    public static string ToCamelCase(string raw)
    {
        string pascal = ToPascalCase(raw);
        int upperRun = 0;
        while (upperRun < pascal.Length && char.IsUpper(pascal[upperRun]))
        {
            upperRun++;
        }

        // Lower the leading run of capitals, but leave the capital that starts the next word: HTTPError -> httpError.
        int lowerCount = upperRun <= 1 || upperRun == pascal.Length ? Math.Max(upperRun, 1) : upperRun - 1;
        string camel = pascal.Substring(0, lowerCount).ToLowerInvariant() + pascal.Substring(lowerCount);
        return EscapeKeyword(camel);
    }

    public static string EscapeKeyword(string name) => s_keywords.Contains(name) ? "@" + name : name;

    public static bool IsKeyword(string name) => s_keywords.Contains(name);

    private static string Finish(string name, string fallback)
    {
        if (name.Length == 0)
        {
            return fallback;
        }

        if (!IsIdentifierStart(name[0]))
        {
            name = "_" + name;
        }

        if (name.Length > MaxLength)
        {
            // Keep names unique after cutting: the hash of the whole name goes on the end.
            name = name.Substring(0, MaxLength - 9) + "_" + StableHash(name).ToString("x8", CultureInfo.InvariantCulture);
        }

        return name;
    }

    /// <summary>FNV-1a: stable across processes, unlike string.GetHashCode.</summary>
    public static uint StableHash(string text)
    {
        uint hash = 2166136261;
        foreach (char c in text)
        {
            hash = unchecked((hash ^ c) * 16777619);
        }

        return hash;
    }

    private static bool IsIdentifierStart(char c) => char.IsLetter(c) || c == '_';

    private static bool IsIdentifierPart(char c)
    {
        if (c < 128)
        {
            return c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_';
        }

        UnicodeCategory category = char.GetUnicodeCategory(c);
        return category is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.DecimalDigitNumber;
    }
}
