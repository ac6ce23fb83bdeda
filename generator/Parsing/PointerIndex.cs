// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System.Collections.Generic;
using System.Text;

namespace LiveAvatarGen.Generator.Parsing;

/// <summary>
/// Builds a map from JSON pointer to text offset for JSON and block-style YAML. Both scanners loop with an
/// explicit stack, never recursion, so a document nested thousands deep cannot overflow the compiler's stack.
/// </summary>
internal static class PointerIndex
{
    /// <summary>
    /// Nodes deeper than this are located at their deepest indexed ancestor. Pointers grow with depth, so indexing
    /// every node of a document nested thousands deep would take memory quadratic in its depth.
    /// </summary>
    private const int MaxDepth = 128;

    /// <summary>Indexes every node, or with <paramref name="target"/> only the target and its ancestors.</summary>
    /// <param name="target">A normalized pointer (<c>/components/schemas/A</c>): the scan still reads the whole text,
    /// but names no node off the target's path, which is most of the cost of indexing a big spec for one diagnostic.</param>
    public static Dictionary<string, int> Build(string text, string? target = null)
    {
        int first = 0;
        while (first < text.Length && char.IsWhiteSpace(text[first]))
        {
            first++;
        }

        return first < text.Length && (text[first] == '{' || text[first] == '[') ? BuildJson(text, target) : BuildYaml(text, target);
    }

    /// <summary>The pointer of a child, or null when the parent is off the target's path or the child leads away from it.</summary>
    private static string? Child(string? parent, string segment, string? target)
    {
        if (parent is null)
        {
            return null;
        }

        string pointer = parent + "/" + Escape(segment);
        return target is null || IsOnPath(pointer, target) ? pointer : null;
    }

    private static bool IsOnPath(string pointer, string target)
        => target.StartsWith(pointer, System.StringComparison.Ordinal) && (target.Length == pointer.Length || target[pointer.Length] == '/');

    private static void Record(Dictionary<string, int> map, string? pointer, int offset)
    {
        if (pointer is not null && !map.ContainsKey(pointer))
        {
            map[pointer] = offset;
        }
    }

    /// <summary>The length of the key or scalar at an offset, for the diagnostic's span.</summary>
    public static int TokenLength(string text, int offset)
    {
        if (offset >= text.Length)
        {
            return 0;
        }

        int end = offset;
        if (text[offset] == '"')
        {
            end++;
            while (end < text.Length && text[end] != '"' && text[end] != '\n')
            {
                end += text[end] == '\\' ? 2 : 1;
            }

            return System.Math.Min(text.Length, end + 1) - offset;
        }

        while (end < text.Length && text[end] != ':' && text[end] != '\n' && text[end] != ',')
        {
            end++;
        }

        return end - offset;
    }

    private sealed class Frame
    {
        public Frame(string? pointer, bool isObject)
        {
            Pointer = pointer;
            IsObject = isObject;
        }

        /// <summary>Null for a node off the target's path: nothing under it is named.</summary>
        public string? Pointer { get; }

        public bool IsObject { get; }

        public int Index { get; set; }

        public string? Key { get; set; }

        public bool ExpectKey { get; set; } = true;
    }

    private static Dictionary<string, int> BuildJson(string text, string? target)
    {
        Dictionary<string, int> map = new() { [string.Empty] = 0 };
        Stack<Frame> stack = new();
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            switch (c)
            {
                case '{':
                case '[':
                    string? pointer = stack.Count >= MaxDepth ? stack.Peek().Pointer : ValuePointer(stack, map, i, target);
                    if (pointer is null)
                    {
                        // Off the target's path nothing inside is named: jump to the container's end.
                        SkipJsonContainer(text, ref i);
                        break;
                    }

                    stack.Push(new Frame(pointer, c == '{'));
                    i++;
                    break;
                case '}':
                case ']':
                    if (stack.Count > 0)
                    {
                        stack.Pop();
                    }

                    i++;
                    break;
                case ',':
                    if (stack.Count > 0)
                    {
                        Frame frame = stack.Peek();
                        if (frame.IsObject)
                        {
                            frame.ExpectKey = true;
                        }
                        else
                        {
                            frame.Index++;
                        }
                    }

                    i++;
                    break;
                case ':':
                    if (stack.Count > 0)
                    {
                        stack.Peek().ExpectKey = false;
                    }

                    i++;
                    break;
                case '"':
                    int start = i;
                    bool isKey = stack.Count > 0 && stack.Peek().IsObject && stack.Peek().ExpectKey;
                    if (!isKey || stack.Count >= MaxDepth || stack.Peek().Pointer is null)
                    {
                        // Only a key on an indexed node needs its text; values (descriptions) are skipped unread.
                        SkipJsonString(text, ref i);
                        if (!isKey && stack.Count < MaxDepth)
                        {
                            ValuePointer(stack, map, start, target);
                        }

                        break;
                    }

                    Frame keyed = stack.Peek();
                    keyed.Key = ReadJsonString(text, ref i);
                    Record(map, Child(keyed.Pointer, keyed.Key, target), start);
                    break;
                default:
                    if (!char.IsWhiteSpace(c))
                    {
                        if (stack.Count < MaxDepth)
                        {
                            ValuePointer(stack, map, i, target);
                        }

                        while (i < text.Length && ",:]}\n\"".IndexOf(text[i]) < 0)
                        {
                            i++;
                        }
                    }
                    else
                    {
                        i++;
                    }

                    break;
            }
        }

        return map;
    }

    /// <summary>The pointer of a value starting at an offset; array items are recorded at their first character.</summary>
    private static string? ValuePointer(Stack<Frame> stack, Dictionary<string, int> map, int offset, string? target)
    {
        if (stack.Count == 0)
        {
            return string.Empty;
        }

        Frame frame = stack.Peek();
        if (frame.IsObject)
        {
            return Child(frame.Pointer, frame.Key ?? string.Empty, target);
        }

        string? pointer = Child(frame.Pointer, frame.Index.ToString(System.Globalization.CultureInfo.InvariantCulture), target);
        Record(map, pointer, offset);
        return pointer;
    }

    /// <summary>The characters that end or escape within a JSON string.</summary>
    private static readonly char[] s_quoteOrEscape = { '"', '\\' };

    /// <summary>The characters that open, close or quote within a JSON container.</summary>
    private static readonly char[] s_structural = { '"', '{', '[', '}', ']' };

    /// <summary>
    /// Moves past the string that starts at <paramref name="i"/>, from quote or escape to the next (a vectorised
    /// search): char by char, the long descriptions of a 1.4 MB spec made locating one diagnostic 5% of its run.
    /// </summary>
    private static void SkipJsonString(string text, ref int i)
    {
        i++;
        while (i < text.Length)
        {
            int at = text.IndexOfAny(s_quoteOrEscape, i);
            if (at < 0)
            {
                break;
            }

            if (text[at] == '"')
            {
                i = at + 1;
                return;
            }

            i = at + 2;
        }

        i = text.Length;
    }

    /// <summary>Moves past the object or array that starts at <paramref name="i"/>, its strings skipped whole.</summary>
    private static void SkipJsonContainer(string text, ref int i)
    {
        int depth = 0;
        while (i < text.Length)
        {
            int at = text.IndexOfAny(s_structural, i);
            if (at < 0)
            {
                break;
            }

            char c = text[at];
            if (c == '"')
            {
                i = at;
                SkipJsonString(text, ref i);
                continue;
            }

            i = at + 1;
            depth += c is '{' or '[' ? 1 : -1;
            if (depth == 0)
            {
                return;
            }
        }

        i = text.Length;
    }

    private static string ReadJsonString(string text, ref int i)
    {
        int end = text.IndexOf('"', i + 1);
        if (end > 0 && text.IndexOf('\\', i + 1, end - i - 1) < 0)
        {
            // No escapes, the common case: the key is a plain slice.
            string plain = text.Substring(i + 1, end - i - 1);
            i = end + 1;
            return plain;
        }

        StringBuilder builder = new();
        i++;
        while (i < text.Length && text[i] != '"')
        {
            if (text[i] == '\\' && i + 1 < text.Length)
            {
                builder.Append(text[i + 1] switch { 'n' => '\n', 't' => '\t', '/' => '/', '\\' => '\\', '"' => '"', _ => text[i + 1] });
                i += 2;
                continue;
            }

            builder.Append(text[i]);
            i++;
        }

        i++;
        return builder.ToString();
    }

    private static Dictionary<string, int> BuildYaml(string text, string? target)
    {
        Dictionary<string, int> map = new() { [string.Empty] = 0 };

        // Each entry: the indentation of a mapping or sequence and the pointer of its container (null off the target's path).
        List<(int Indent, string? Pointer, bool IsSequence, int Index)> stack = new();
        int lineStart = 0;
        while (lineStart < text.Length)
        {
            int lineEnd = text.IndexOf('\n', lineStart);
            if (lineEnd < 0)
            {
                lineEnd = text.Length;
            }

            int indent = lineStart;
            while (indent < lineEnd && text[indent] == ' ')
            {
                indent++;
            }

            // Under a key off the target's path nothing is named, so such a line is not read.
            if (indent < lineEnd && text[indent] != '#' && stack.Count < MaxDepth && (target is null || !IsOffPath(stack, indent - lineStart, IsItem(text, indent))))
            {
                ScanYamlLine(text, indent, lineEnd, indent - lineStart, stack, map, target);
            }

            lineStart = lineEnd + 1;
        }

        return map;
    }

    /// <summary>
    /// Whether a line at <paramref name="indent"/> hangs under a node off the target's path: the entries the line
    /// leaves are closed first, as <see cref="ScanYamlLine"/> would, and everything under a null pointer stays null.
    /// </summary>
    private static bool IsOffPath(List<(int Indent, string? Pointer, bool IsSequence, int Index)> stack, int indent, bool isItem)
    {
        Close(stack, indent, isItem);
        return stack.Count > 0 && stack[stack.Count - 1].Pointer is null;
    }

    /// <summary>
    /// Whether the line's content at <paramref name="position"/> is a sequence item: <c>- </c>, or a lone <c>-</c>
    /// whose content is on the lines below.
    /// </summary>
    private static bool IsItem(string text, int position)
        => text[position] == '-' && (position + 1 >= text.Length || text[position + 1] is ' ' or '\n' or '\r');

    /// <summary>
    /// Closes the entries a line at <paramref name="indent"/> leaves: those deeper than it, except a key's children
    /// when the line is an item in the key's own column, and an item sequence in the line's column when the line is a
    /// key. Both are the indentless sequence (<c>required:</c> then <c>- id</c> at the same column), PyYAML's default
    /// way of writing a list under a key: closing the key's children there put its items under the key's parent.
    /// </summary>
    private static void Close(List<(int Indent, string? Pointer, bool IsSequence, int Index)> stack, int indent, bool isItem)
    {
        while (stack.Count > 0)
        {
            (int Indent, string? Pointer, bool IsSequence, int Index) top = stack[stack.Count - 1];
            bool keyChildrenGetItems = isItem && !top.IsSequence && top.Indent == indent + 1;
            bool indentlessSequenceEnds = !isItem && top.IsSequence && top.Indent == indent;
            if (!((top.Indent > indent && !keyChildrenGetItems) || indentlessSequenceEnds))
            {
                return;
            }

            stack.RemoveAt(stack.Count - 1);
        }
    }

    private static void ScanYamlLine(string text, int position, int lineEnd, int indent, List<(int Indent, string? Pointer, bool IsSequence, int Index)> stack, Dictionary<string, int> map, string? target)
    {
        while (position < lineEnd)
        {
            Close(stack, indent, IsItem(text, position));
            string? parent = ParentPointer(stack, indent, map, text, position, target, out bool isItem);
            if (isItem)
            {
                // "- key: value": the item's own mapping starts two columns further in.
                position += 2;
                indent += 2;
                stack.Add((indent, parent, false, 0));
                continue;
            }

            int colon = FindYamlColon(text, position, lineEnd);
            if (colon < 0)
            {
                return;
            }

            string? pointer = parent is null ? null : Child(parent, text.Substring(position, colon - position).Trim().Trim('"', '\''), target);
            Record(map, pointer, position);

            if (stack.Count == 0 || stack[stack.Count - 1].Indent != indent)
            {
                stack.Add((indent, parent, false, 0));
            }

            // The key's children (next lines, deeper) hang under this pointer.
            stack.Add((indent + 1, pointer, false, 0));
            return;
        }
    }

    private static string? ParentPointer(List<(int Indent, string? Pointer, bool IsSequence, int Index)> stack, int indent, Dictionary<string, int> map, string text, int position, string? target, out bool isItem)
    {
        isItem = IsItem(text, position);
        if (stack.Count == 0)
        {
            return string.Empty;
        }

        (int Indent, string? Pointer, bool IsSequence, int Index) top = stack[stack.Count - 1];
        if (!isItem)
        {
            return top.Pointer;
        }

        // A sequence item: count items at this indentation under the container.
        int index = 0;
        if (top.IsSequence && top.Indent == indent)
        {
            index = top.Index + 1;
            stack[stack.Count - 1] = (top.Indent, top.Pointer, true, index);
        }
        else
        {
            stack.Add((indent, top.Pointer, true, 0));
        }

        string? pointer = Child(stack[stack.Count - 1].Pointer, index.ToString(System.Globalization.CultureInfo.InvariantCulture), target);
        Record(map, pointer, position);
        return pointer;
    }

    private static int FindYamlColon(string text, int position, int lineEnd)
    {
        char quote = '\0';
        for (int i = position; i < lineEnd; i++)
        {
            char c = text[i];
            if (quote != '\0')
            {
                if (c == quote)
                {
                    quote = '\0';
                }
            }
            else if (c is '"' or '\'' && i == position)
            {
                quote = c;
            }
            else if (c == ':' && (i + 1 >= lineEnd || text[i + 1] == ' ' || text[i + 1] == '\r'))
            {
                return i;
            }
            else if ((c is '{' or '[' && i == position) || (c == '#' && (i == position || text[i - 1] == ' ')))
            {
                // A flow collection starts only where a value does, and a comment only there or after a space: a key
                // such as /things/{id} (every templated path of a YAML spec) or a#b is a plain scalar.
                return -1;
            }
        }

        return -1;
    }

    private static string Escape(string key) => key.Replace("~", "~0").Replace("/", "~1");
}
