// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System.Text.Json.Nodes;

namespace LiveAvatarGen.Generator.Parsing;

/// <summary>Flow collections: <c>[a, b]</c>, <c>{type: string}</c>, and JSON written inside YAML.</summary>
internal sealed partial class YamlSubsetReader
{
    /// <summary>A flow sequence or mapping: <c>[a, b]</c>, <c>{type: string}</c>, JSON.</summary>
    private JsonNode ReadFlow(ref int i, int parentIndent, int depth)
    {
        EnterContainer(depth);
        bool sequence = _text[i] == '[';
        char close = sequence ? ']' : '}';
        JsonArray? items = sequence ? new JsonArray() : null;
        JsonObject? members = sequence ? null : new JsonObject();
        i = SkipFlowSpace(i + 1, parentIndent);
        if (_text[i] == close)
        {
            i++;
            return sequence ? items! : members!;
        }

        while (true)
        {
            if (sequence)
            {
                items!.Add(ReadFlowNode(ref i, parentIndent, depth + 1));
            }
            else
            {
                string key = ReadFlowKey(ref i, parentIndent);
                i = SkipFlowSpace(i, parentIndent);
                if (_text[i] != ':')
                {
                    throw new OutsideSubsetException();
                }

                i = SkipFlowSpace(i + 1, parentIndent);
                if (_text[i] is ',' or '}' || members!.ContainsKey(key))
                {
                    throw new OutsideSubsetException();
                }

                members.Add(key, ReadFlowNode(ref i, parentIndent, depth + 1));
            }

            i = SkipFlowSpace(i, parentIndent);
            if (_text[i] == close)
            {
                i++;
                return sequence ? items! : members!;
            }

            if (_text[i] != ',')
            {
                throw new OutsideSubsetException();
            }

            i = SkipFlowSpace(i + 1, parentIndent);
            if (_text[i] == close)
            {
                // A trailing comma: YAML allows it, not every reader does.
                throw new OutsideSubsetException();
            }
        }
    }

    private JsonNode ReadFlowNode(ref int i, int parentIndent, int depth)
    {
        switch (_text[i])
        {
            case '[':
            case '{':
                return ReadFlow(ref i, parentIndent, depth);
            case '"':
                return Text(ReadDoubleQuoted(i, parentIndent, out i));
            case '\'':
                return Text(ReadSingleQuoted(i, parentIndent, out i));
            default:
                return Plain(ReadFlowPlain(ref i, forKey: false));
        }
    }

    private string ReadFlowKey(ref int i, int parentIndent)
    {
        return _text[i] switch
        {
            '"' => ReadDoubleQuoted(i, parentIndent, out i),
            '\'' => ReadSingleQuoted(i, parentIndent, out i),
            _ => ReadFlowPlain(ref i, forKey: true),
        };
    }

    /// <summary>
    /// A plain scalar inside a flow collection, on one line: it ends at a flow indicator, a comment or the line end,
    /// and a key at its colon. A colon anywhere else is left to the full reader (see <see cref="YamlFlowScalars"/>).
    /// </summary>
    private string ReadFlowPlain(ref int i, bool forKey)
    {
        int start = i;
        if (StartsOutsidePlain(start) || _text[start] is '?' or ':')
        {
            // The YAML reader takes a '?' or ':' at the start of a flow scalar as an indicator whatever follows.
            throw new OutsideSubsetException();
        }

        while (i < _text.Length)
        {
            char c = _text[i];
            if (c is ',' or '[' or ']' or '{' or '}' or '\n' || (c == '#' && _text[i - 1] == ' '))
            {
                break;
            }

            if (c == '\t')
            {
                throw new OutsideSubsetException();
            }

            if (c == ':')
            {
                if (!forKey || !(i + 1 < _text.Length && _text[i + 1] is ' ' or '\n'))
                {
                    throw new OutsideSubsetException();
                }

                break;
            }

            i++;
        }

        int end = TrimEnd(start, i);
        if (end == start)
        {
            throw new OutsideSubsetException();
        }

        return _text.Substring(start, end - start);
    }

    /// <summary>Skips spaces, line breaks and comments inside a flow collection; its lines stay under their parent.</summary>
    private int SkipFlowSpace(int i, int parentIndent)
    {
        while (true)
        {
            if (i >= _text.Length)
            {
                throw new OutsideSubsetException();
            }

            char c = _text[i];
            if (c == ' ')
            {
                i++;
            }
            else if (c == '#' && (i == 0 || _text[i - 1] is ' ' or '\n'))
            {
                i = _text.IndexOf('\n', i);
                if (i < 0)
                {
                    throw new OutsideSubsetException();
                }
            }
            else if (c == '\n')
            {
                int line = i + 1;
                i = line;
                while (i < _text.Length && _text[i] == ' ')
                {
                    i++;
                }

                if (i < _text.Length && _text[i] != '\n' && _text[i] != '#' && (i - line <= parentIndent || _text[i] == '\t'))
                {
                    throw new OutsideSubsetException();
                }
            }
            else if (c == '\t')
            {
                throw new OutsideSubsetException();
            }
            else
            {
                return i;
            }
        }
    }
}
