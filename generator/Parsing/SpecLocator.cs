// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.Collections.Generic;
using System.Numerics;
using System.Runtime.InteropServices;
using LiveAvatarGen.Generator.Diagnostics;

namespace LiveAvatarGen.Generator.Parsing;

/// <summary>
/// Maps JSON pointers (<c>#/components/schemas/Foo</c>) to line and column in the spec text, for diagnostics
/// a click can open. It scans the text only when a diagnostic asks, so clean specs pay nothing.
/// </summary>
internal sealed class SpecLocator
{
    /// <summary>Lookups answered by a scan for their path alone before the whole text is indexed.</summary>
    private const int MaxTargetedLookups = 4;

    /// <summary>Locations whose lines are counted for them alone before every line's start is found.</summary>
    private const int MaxCountedPositions = 4;

    private readonly string _path;
    private readonly string _text;
    private Dictionary<string, int>? _offsets;
    private int[]? _lineStarts;
    private Dictionary<string, bool>? _keys;
    private int _targetedLookups;
    private int _countedPositions;

    public SpecLocator(string path, string? text)
    {
        _path = path;
        _text = text ?? string.Empty;
    }

    public LocationInfo FileStart() => At(0, 0);

    /// <summary>A zero-based line and column (clamped to the text), for readers that report positions, not pointers.</summary>
    public LocationInfo AtLine(int line, int column)
    {
        _lineStarts ??= ComputeLineStarts(_text);
        int clampedLine = Math.Max(0, Math.Min(line, _lineStarts.Length - 1));
        int lineEnd = clampedLine + 1 < _lineStarts.Length ? _lineStarts[clampedLine + 1] - 1 : _text.Length;
        int offset = Math.Max(_lineStarts[clampedLine], Math.Min(_lineStarts[clampedLine] + Math.Max(0, column), lineEnd));
        return At(offset, Math.Min(1, _text.Length - offset));
    }

    /// <summary>
    /// Whether the text could hold <paramref name="key"/> as a member name at all, a cheap test before
    /// <see cref="Has"/>, whose index of the whole text a spec without the key should never have to build. An
    /// occurrence counts only where a key can stand: <c>"key"</c> or <c>'key'</c> before a colon, or a plain
    /// <c>key:</c> before a space or line end, after indentation, <c>- </c>, <c>{</c>, <c>,</c> or <c>? </c>; prose
    /// such as "the list contains: ..." in a description does not (it cost Adyen's run a third of its mapping).
    /// </summary>
    public bool MayHaveKey(string key)
    {
        _keys ??= new Dictionary<string, bool>(StringComparer.Ordinal);
        if (!_keys.TryGetValue(key, out bool found))
        {
            found = HasKeyLike(_text, key);
            _keys[key] = found;
        }

        return found;
    }

    private static bool HasKeyLike(string text, string key)
    {
        for (int at = text.IndexOf(key, StringComparison.Ordinal); at >= 0; at = text.IndexOf(key, at + 1, StringComparison.Ordinal))
        {
            int end = at + key.Length;
            char before = at > 0 ? text[at - 1] : '\n';
            if ((before == '"' || before == '\'') && end < text.Length && text[end] == before)
            {
                // Quoted, as in JSON or quoted YAML: a colon must follow, after any whitespace.
                int next = end + 1;
                while (next < text.Length && char.IsWhiteSpace(text[next]))
                {
                    next++;
                }

                if (next < text.Length && text[next] == ':')
                {
                    return true;
                }
            }
            else if (end < text.Length && text[end] == ':' && (end + 1 == text.Length || text[end + 1] is ' ' or '\t' or '\r' or '\n') && IsKeyStart(text, at))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether a plain YAML key may start at <paramref name="at"/>: only indentation, <c>- </c>, <c>? </c>, <c>{</c> or <c>,</c> before it.</summary>
    private static bool IsKeyStart(string text, int at)
    {
        int i = at - 1;
        while (i >= 0 && text[i] is ' ' or '\t')
        {
            i--;
        }

        return i < 0 || text[i] is '\n' or '\r' or '{' or ',' || (text[i] is '-' or '?' && i + 1 < at);
    }

    /// <summary>
    /// True when the text spells out the node at a JSON pointer. Microsoft.OpenApi fills in defaults (an encoding's
    /// <c>explode</c>), and whether a keyword was written can change its meaning.
    /// </summary>
    public bool Has(string pointer)
    {
        string normalized = Normalize(pointer);
        return IndexFor(normalized).ContainsKey(normalized);
    }

    /// <summary>The location of the node at a JSON pointer, or of its nearest located ancestor.</summary>
    public LocationInfo Locate(string? pointer)
    {
        string current = Normalize(pointer);
        Dictionary<string, int> offsets = IndexFor(current);
        while (true)
        {
            if (offsets.TryGetValue(current, out int offset))
            {
                return At(offset, Math.Max(1, PointerIndex.TokenLength(_text, offset)));
            }

            int cut = current.LastIndexOf('/');
            if (cut <= 0)
            {
                return FileStart();
            }

            current = current.Substring(0, cut);
        }
    }

    /// <summary>
    /// The first few lookups scan for their own path only (one LAG2004 info on a 1.4 MB spec indexed every node of
    /// it); after that, the whole text is indexed once and every later lookup is a dictionary hit.
    /// </summary>
    private Dictionary<string, int> IndexFor(string pointer)
    {
        if (_offsets is not null)
        {
            return _offsets;
        }

        return ++_targetedLookups <= MaxTargetedLookups ? PointerIndex.Build(_text, pointer) : _offsets = PointerIndex.Build(_text);
    }

    private static string Normalize(string? pointer)
    {
        if (string.IsNullOrEmpty(pointer))
        {
            return string.Empty;
        }

        string p = pointer!;
        if (p.StartsWith("#", StringComparison.Ordinal))
        {
            p = p.Substring(1);
        }

        return p.TrimEnd('/');
    }

    private LocationInfo At(int offset, int length)
    {
        if (_lineStarts is null && ++_countedPositions > MaxCountedPositions)
        {
            _lineStarts = ComputeLineStarts(_text);
        }

        (int line, int column) = Position(offset);
        (int endLine, int endColumn) = Position(Math.Min(_text.Length, offset + length));
        return new LocationInfo(_path, offset, length, line, column, endLine, endColumn);
    }

    private (int Line, int Column) Position(int offset)
    {
        if (_lineStarts is null)
        {
            int start = offset == 0 ? 0 : _text.LastIndexOf('\n', offset - 1) + 1;
            return (CountLineBreaks(_text, offset), offset - start);
        }

        int index = Array.BinarySearch(_lineStarts, offset);
        int line = index >= 0 ? index : ~index - 1;
        return (line, offset - _lineStarts[line]);
    }

    /// <summary>
    /// The line breaks before <paramref name="end"/>, counted a vector at a time: one diagnostic on a 1.4 MB spec needs
    /// one line number, and finding every line's start for it took longer than locating its node.
    /// </summary>
    private static int CountLineBreaks(string text, int end)
    {
        ReadOnlySpan<ushort> chars = MemoryMarshal.Cast<char, ushort>(text.AsSpan(0, end));
        int count = 0;
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            ReadOnlySpan<Vector<ushort>> vectors = MemoryMarshal.Cast<ushort, Vector<ushort>>(chars);
            Vector<ushort> newline = new('\n');
            Vector<ushort> sums = Vector<ushort>.Zero;
            int pending = 0;
            foreach (Vector<ushort> vector in vectors)
            {
                // A match is all ones (-1 as a ushort lane), so subtracting it counts it; lanes are emptied before they overflow.
                sums -= Vector.Equals(vector, newline);
                if (++pending == ushort.MaxValue)
                {
                    count += Sum(sums);
                    sums = Vector<ushort>.Zero;
                    pending = 0;
                }
            }

            count += Sum(sums);
            i = vectors.Length * Vector<ushort>.Count;
        }

        for (; i < chars.Length; i++)
        {
            if (chars[i] == '\n')
            {
                count++;
            }
        }

        return count;
    }

    private static int Sum(Vector<ushort> lanes)
    {
        int sum = 0;
        for (int lane = 0; lane < Vector<ushort>.Count; lane++)
        {
            sum += lanes[lane];
        }

        return sum;
    }

    private static int[] ComputeLineStarts(string text)
    {
        // Jumps from line break to line break (a vectorised search): a char-by-char loop over a 1.4 MB spec was a
        // tenth of mapping it when one diagnostic needed a line number.
        List<int> starts = new() { 0 };
        for (int i = text.IndexOf('\n'); i >= 0; i = text.IndexOf('\n', i + 1))
        {
            starts.Add(i + 1);
        }

        return starts.ToArray();
    }
}
