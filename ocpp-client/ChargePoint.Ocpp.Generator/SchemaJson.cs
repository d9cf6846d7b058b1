using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace ChargePoint.Ocpp.Generator;

/// <summary>
/// A small JSON reader for schema files. Analyzers run on netstandard2.0 inside the compiler, where
/// System.Text.Json cannot be relied on, so the generator parses its input itself. Objects keep their
/// property order so generated members follow the schema.
/// </summary>
internal sealed class SchemaJson
{
    private readonly string _text;
    private int _pos;

    private SchemaJson(string text) => _text = text;

    public static object? Parse(string text)
    {
        var parser = new SchemaJson(text);
        var value = parser.ReadValue();
        parser.SkipWhitespace();
        if (parser._pos != text.Length)
        {
            throw new FormatException("Trailing characters after JSON value at " + parser._pos);
        }

        return value;
    }

    private object? ReadValue()
    {
        SkipWhitespace();
        if (_pos >= _text.Length)
        {
            throw new FormatException("Unexpected end of JSON");
        }

        var c = _text[_pos];
        switch (c)
        {
            case '{':
                return ReadObject();
            case '[':
                return ReadArray();
            case '"':
                return ReadString();
            case 't':
                Expect("true");
                return true;
            case 'f':
                Expect("false");
                return false;
            case 'n':
                Expect("null");
                return null;
            default:
                return ReadNumber();
        }
    }

    private JsonObject ReadObject()
    {
        var result = new JsonObject();
        _pos++;
        SkipWhitespace();
        if (_text[_pos] == '}')
        {
            _pos++;
            return result;
        }

        while (true)
        {
            SkipWhitespace();
            var name = ReadString();
            SkipWhitespace();
            ExpectChar(':');
            result.Add(name, ReadValue());
            SkipWhitespace();
            if (_text[_pos] == ',')
            {
                _pos++;
                continue;
            }

            ExpectChar('}');
            return result;
        }
    }

    private List<object?> ReadArray()
    {
        var result = new List<object?>();
        _pos++;
        SkipWhitespace();
        if (_text[_pos] == ']')
        {
            _pos++;
            return result;
        }

        while (true)
        {
            result.Add(ReadValue());
            SkipWhitespace();
            if (_text[_pos] == ',')
            {
                _pos++;
                continue;
            }

            ExpectChar(']');
            return result;
        }
    }

    private string ReadString()
    {
        ExpectChar('"');
        var sb = new StringBuilder();
        while (true)
        {
            var c = _text[_pos++];
            if (c == '"')
            {
                return sb.ToString();
            }

            if (c != '\\')
            {
                sb.Append(c);
                continue;
            }

            var e = _text[_pos++];
            switch (e)
            {
                case 'n': sb.Append('\n'); break;
                case 'r': sb.Append('\r'); break;
                case 't': sb.Append('\t'); break;
                case 'b': sb.Append('\b'); break;
                case 'f': sb.Append('\f'); break;
                case 'u':
                    sb.Append((char)int.Parse(_text.Substring(_pos, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                    _pos += 4;
                    break;
                default: sb.Append(e); break;
            }
        }
    }

    private double ReadNumber()
    {
        var start = _pos;
        while (_pos < _text.Length && "+-0123456789.eE".IndexOf(_text[_pos]) >= 0)
        {
            _pos++;
        }

        if (start == _pos)
        {
            throw new FormatException("Unexpected character '" + _text[_pos] + "' at " + _pos);
        }

        return double.Parse(_text.Substring(start, _pos - start), NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    private void Expect(string literal)
    {
        if (string.CompareOrdinal(_text, _pos, literal, 0, literal.Length) != 0)
        {
            throw new FormatException("Expected " + literal + " at " + _pos);
        }

        _pos += literal.Length;
    }

    private void ExpectChar(char c)
    {
        if (_pos >= _text.Length || _text[_pos] != c)
        {
            throw new FormatException("Expected '" + c + "' at " + _pos);
        }

        _pos++;
    }

    private void SkipWhitespace()
    {
        while (_pos < _text.Length && char.IsWhiteSpace(_text[_pos]))
        {
            _pos++;
        }
    }
}

/// <summary>A JSON object that keeps property order.</summary>
internal sealed class JsonObject
{
    private readonly List<KeyValuePair<string, object?>> _items = new List<KeyValuePair<string, object?>>();

    public IReadOnlyList<KeyValuePair<string, object?>> Items => _items;

    public void Add(string name, object? value) => _items.Add(new KeyValuePair<string, object?>(name, value));

    public object? Get(string name)
    {
        foreach (var item in _items)
        {
            if (item.Key == name)
            {
                return item.Value;
            }
        }

        return null;
    }

    public bool Has(string name)
    {
        foreach (var item in _items)
        {
            if (item.Key == name)
            {
                return true;
            }
        }

        return false;
    }

    public string? GetString(string name) => Get(name) as string;

    public double? GetNumber(string name) => Get(name) is double d ? d : (double?)null;

    public JsonObject? GetObject(string name) => Get(name) as JsonObject;
}
