// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace LiveAvatarGen.Generator.Overlays;

/// <summary>A recursive-descent parser for the JSONPath subset <see cref="JsonPath"/> documents.</summary>
internal sealed class JsonPathParser
{
    /// <summary>Filters nest with parentheses and inner queries; deeper than this is refused, never a stack overflow.</summary>
    private const int MaxNesting = 64;

    private readonly string _text;
    private int _position;
    private int _nesting;

    private JsonPathParser(string text) => _text = text;

    public static JsonPath ParseQuery(string text)
    {
        JsonPathParser parser = new(text);
        if (parser.Peek() != '$')
        {
            throw new JsonPathException("a JSONPath query starts with '$'", 0);
        }

        parser._position++;
        JsonPath query = parser.ParseSegments();
        if (parser._position < text.Length)
        {
            throw new JsonPathException("unexpected '" + text[parser._position] + "'", parser._position);
        }

        return query;
    }

    private char Peek(int ahead = 0) => _position + ahead < _text.Length ? _text[_position + ahead] : '\0';

    private void SkipBlanks()
    {
        while (_position < _text.Length && _text[_position] is ' ' or '\t' or '\n' or '\r')
        {
            _position++;
        }
    }

    private void Expect(char c)
    {
        SkipBlanks();
        if (Peek() != c)
        {
            throw new JsonPathException(_position < _text.Length ? "expected '" + c + "' but found '" + Peek() + "'" : "expected '" + c + "' but the query ends", _position);
        }

        _position++;
    }

    /// <summary>Segments after <c>$</c> or <c>@</c>, up to the first character that starts none.</summary>
    private JsonPath ParseSegments()
    {
        int start = _position;
        List<JsonPath.Segment> segments = new();
        while (true)
        {
            int beforeBlanks = _position;
            SkipBlanks();
            if (Peek() == '.' && Peek(1) == '.')
            {
                _position += 2;
                segments.Add(new JsonPath.Segment(true, Peek() == '[' ? ParseBracket() : new[] { ParseDotted() }));
            }
            else if (Peek() == '.')
            {
                _position++;
                segments.Add(new JsonPath.Segment(false, new[] { ParseDotted() }));
            }
            else if (Peek() == '[')
            {
                segments.Add(new JsonPath.Segment(false, ParseBracket()));
            }
            else
            {
                _position = beforeBlanks;
                return new JsonPath(_text.Substring(start, _position - start), segments.ToArray());
            }
        }
    }

    /// <summary>After <c>.</c> or <c>..</c>: <c>*</c> or a member name.</summary>
    private JsonPath.Selector ParseDotted()
    {
        if (Peek() == '*')
        {
            _position++;
            return new JsonPath.WildcardSelector();
        }

        int start = _position;
        if (!IsNameStart(Peek()))
        {
            throw new JsonPathException(_position < _text.Length ? "expected a member name but found '" + Peek() + "'" : "expected a member name but the query ends", _position);
        }

        while (_position < _text.Length && (IsNameStart(Peek()) || char.IsDigit(Peek()) || Peek() == '-'))
        {
            _position++;
        }

        return new JsonPath.NameSelector(_text.Substring(start, _position - start));
    }

    private static bool IsNameStart(char c) => c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;

    /// <summary><c>[selector, selector, ...]</c>.</summary>
    private JsonPath.Selector[] ParseBracket()
    {
        Expect('[');
        List<JsonPath.Selector> selectors = new();
        while (true)
        {
            SkipBlanks();
            selectors.Add(ParseSelector());
            SkipBlanks();
            if (Peek() == ',')
            {
                _position++;
                continue;
            }

            Expect(']');
            return selectors.ToArray();
        }
    }

    private JsonPath.Selector ParseSelector()
    {
        char c = Peek();
        if (c is '\'' or '"')
        {
            return new JsonPath.NameSelector(ParseString());
        }

        if (c == '*')
        {
            _position++;
            return new JsonPath.WildcardSelector();
        }

        if (c == '?')
        {
            _position++;
            return new JsonPath.FilterSelector(ParseOr());
        }

        if (c == '-' || c == ':' || char.IsDigit(c))
        {
            return ParseIndexOrSlice();
        }

        throw new JsonPathException(_position < _text.Length ? "unexpected '" + c + "' in brackets" : "the query ends inside brackets", _position);
    }

    private JsonPath.Selector ParseIndexOrSlice()
    {
        long? first = ParseOptionalInteger();
        SkipBlanks();
        if (Peek() != ':')
        {
            return first is { } index ? new JsonPath.IndexSelector(index) : throw new JsonPathException("expected an index", _position);
        }

        _position++;
        SkipBlanks();
        long? end = ParseOptionalInteger();
        long step = 1;
        SkipBlanks();
        if (Peek() == ':')
        {
            _position++;
            SkipBlanks();
            step = ParseOptionalInteger() ?? 1;
        }

        return new JsonPath.SliceSelector(first, end, step);
    }

    private long? ParseOptionalInteger()
    {
        int start = _position;
        if (Peek() == '-')
        {
            _position++;
        }

        while (char.IsDigit(Peek()))
        {
            _position++;
        }

        if (_position == start)
        {
            return null;
        }

        string digits = _text.Substring(start, _position - start);
        return long.TryParse(digits, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long value) && value is > -(1L << 53) and < (1L << 53)
            ? value
            : throw new JsonPathException("'" + digits + "' is not an index", start);
    }

    /// <summary>A single- or double-quoted string with JSON's escapes (and <c>\'</c>).</summary>
    private string ParseString()
    {
        char quote = _text[_position];
        int start = _position;
        _position++;
        StringBuilder value = new();
        while (true)
        {
            if (_position >= _text.Length)
            {
                throw new JsonPathException("the string is not closed", start);
            }

            char c = _text[_position++];
            if (c == quote)
            {
                return value.ToString();
            }

            if (c != '\\')
            {
                value.Append(c);
                continue;
            }

            char escaped = Peek();
            _position++;
            switch (escaped)
            {
                case 'b': value.Append('\b'); break;
                case 'f': value.Append('\f'); break;
                case 'n': value.Append('\n'); break;
                case 'r': value.Append('\r'); break;
                case 't': value.Append('\t'); break;
                case '/': value.Append('/'); break;
                case '\\': value.Append('\\'); break;
                case '\'': value.Append('\''); break;
                case '"': value.Append('"'); break;
                case 'u' when _position + 4 <= _text.Length && int.TryParse(_text.Substring(_position, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int code):
                    value.Append((char)code);
                    _position += 4;
                    break;
                default:
                    throw new JsonPathException("invalid escape", _position - 2);
            }
        }
    }

    private JsonPathFilter.Expression ParseOr()
    {
        if (++_nesting > MaxNesting)
        {
            throw new JsonPathException("the filter nests too deep", _position);
        }

        List<JsonPathFilter.Expression> parts = new() { ParseAnd() };
        while (true)
        {
            SkipBlanks();
            if (Peek() == '|' && Peek(1) == '|')
            {
                _position += 2;
                parts.Add(ParseAnd());
                continue;
            }

            _nesting--;
            return parts.Count == 1 ? parts[0] : new JsonPathFilter.Or(parts.ToArray());
        }
    }

    private JsonPathFilter.Expression ParseAnd()
    {
        List<JsonPathFilter.Expression> parts = new() { ParseBasic() };
        while (true)
        {
            SkipBlanks();
            if (Peek() == '&' && Peek(1) == '&')
            {
                _position += 2;
                parts.Add(ParseBasic());
                continue;
            }

            return parts.Count == 1 ? parts[0] : new JsonPathFilter.And(parts.ToArray());
        }
    }

    private JsonPathFilter.Expression ParseBasic()
    {
        SkipBlanks();
        if (Peek() == '!' && Peek(1) != '=')
        {
            _position++;
            if (++_nesting > MaxNesting)
            {
                throw new JsonPathException("the filter nests too deep", _position);
            }

            JsonPathFilter.Expression negated = new JsonPathFilter.Not(ParseBasic());
            _nesting--;
            return negated;
        }

        if (Peek() == '(')
        {
            _position++;
            JsonPathFilter.Expression inner = ParseOr();
            Expect(')');
            return inner;
        }

        int start = _position;
        JsonPathFilter.Operand left = ParseOperand();
        SkipBlanks();
        string? op = ParseComparisonOperator();
        if (op is null)
        {
            return left is JsonPathFilter.Query query
                ? new JsonPathFilter.Exists(query)
                : throw new JsonPathException("a literal alone is no test; compare it with something", start);
        }

        SkipBlanks();
        return new JsonPathFilter.Comparison(left, op, ParseOperand());
    }

    private string? ParseComparisonOperator()
    {
        foreach (string op in new[] { "==", "!=", "<=", ">=", "<", ">" })
        {
            if (string.CompareOrdinal(_text, _position, op, 0, op.Length) == 0)
            {
                _position += op.Length;
                return op;
            }
        }

        return null;
    }

    private JsonPathFilter.Operand ParseOperand()
    {
        char c = Peek();
        if (c is '@' or '$')
        {
            _position++;
            if (++_nesting > MaxNesting)
            {
                throw new JsonPathException("the filter nests too deep", _position);
            }

            JsonPath path = ParseSegments();
            _nesting--;
            return new JsonPathFilter.Query(path, c == '@');
        }

        if (c is '\'' or '"')
        {
            return new JsonPathFilter.Literal(JsonValue.Create(ParseString()));
        }

        if (c == '-' || char.IsDigit(c))
        {
            return new JsonPathFilter.Literal(ParseNumber());
        }

        foreach ((string word, JsonNode? value) in new (string, JsonNode?)[] { ("true", JsonValue.Create(true)), ("false", JsonValue.Create(false)), ("null", null) })
        {
            if (string.CompareOrdinal(_text, _position, word, 0, word.Length) == 0 && !IsNameStart(Peek(word.Length)))
            {
                _position += word.Length;
                return new JsonPathFilter.Literal(value);
            }
        }

        if (IsNameStart(c))
        {
            throw new JsonPathException("function extensions such as length() and match() are not supported", _position);
        }

        throw new JsonPathException(_position < _text.Length ? "unexpected '" + c + "' in a filter" : "the query ends inside a filter", _position);
    }

    private JsonValue ParseNumber()
    {
        int start = _position;
        if (Peek() == '-')
        {
            _position++;
        }

        while (char.IsDigit(Peek()) || Peek() is '.' or 'e' or 'E' || (Peek() is '+' or '-' && Peek(-1) is 'e' or 'E'))
        {
            _position++;
        }

        string text = _text.Substring(start, _position - start);
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double number) || double.IsInfinity(number))
        {
            throw new JsonPathException("'" + text + "' is not a number", start);
        }

        return JsonValue.Create(number);
    }
}
