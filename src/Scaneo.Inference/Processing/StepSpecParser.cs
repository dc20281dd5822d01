using System.Globalization;
using System.Text;

namespace Scaneo.Inference.Processing;

/// <summary>
/// Parses step specs: <c>Name</c> or <c>Name(param=value, …)</c> where a value is a number (<c>0.5</c>, <c>-1e3</c>),
/// a boolean (<c>true</c>/<c>false</c>, any case), a quoted string (<c>'x'</c> or <c>"x"</c>, <c>\</c> escapes) or
/// a list in brackets (<c>[4, 3, 2]</c>, nesting allowed). Errors name the 1-based column.
/// </summary>
public static class StepSpecParser
{
    /// <summary>Parses one spec.</summary>
    /// <param name="text">The spec text.</param>
    /// <returns>The spec.</returns>
    /// <exception cref="StepSpecException">The text is not a valid spec.</exception>
    public static StepSpec Parse(string text) => Parse(text, null);

    /// <summary>Parses one spec, listing <paramref name="knownSteps"/> in error messages.</summary>
    /// <param name="text">The spec text.</param>
    /// <param name="knownSteps">Names of registered steps, for error messages.</param>
    /// <returns>The spec.</returns>
    /// <exception cref="StepSpecException">The text is not a valid spec.</exception>
    public static StepSpec Parse(string text, IEnumerable<string>? knownSteps)
    {
        ArgumentNullException.ThrowIfNull(text);
        var p = new Cursor(text, knownSteps);
        p.SkipSpaces();
        if (p.AtEnd)
        {
            throw p.Error("expected a step name such as Argmax or Sigmoid(threshold=0.5), found an empty spec");
        }

        string name = p.ReadIdentifier("a step name");
        var args = new List<KeyValuePair<string, StepArgument>>();
        p.SkipSpaces();
        if (p.TryConsume('('))
        {
            p.SkipSpaces();
            if (!p.TryConsume(')'))
            {
                var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                while (true)
                {
                    p.SkipSpaces();
                    int keyColumn = p.Column;
                    string key = p.ReadIdentifier("a parameter name");
                    if (!seen.Add(key))
                    {
                        throw p.ErrorAt(keyColumn, $"parameter '{key}' is given twice");
                    }

                    p.SkipSpaces();
                    p.Expect('=', "'=' after the parameter name");
                    p.SkipSpaces();
                    args.Add(new(key, p.ReadValue()));
                    p.SkipSpaces();
                    if (p.TryConsume(')'))
                    {
                        break;
                    }

                    p.Expect(',', "',' or ')'");
                }
            }

            p.SkipSpaces();
        }

        if (!p.AtEnd)
        {
            throw p.Error($"expected the end of the spec, found '{p.Current}'");
        }

        return new StepSpec(name, args);
    }

    /// <summary>Formats a spec (the inverse of <see cref="Parse(string)"/>).</summary>
    /// <param name="spec">The spec.</param>
    /// <returns>The text.</returns>
    public static string Format(StepSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return spec.ToString();
    }

    internal static bool IsIdentifier(string? text)
    {
        if (string.IsNullOrEmpty(text) || !(char.IsAsciiLetter(text[0]) || text[0] == '_'))
        {
            return false;
        }

        foreach (char ch in text)
        {
            if (!(char.IsAsciiLetterOrDigit(ch) || ch == '_'))
            {
                return false;
            }
        }

        return true;
    }

    private sealed class Cursor(string text, IEnumerable<string>? knownSteps)
    {
        private int _pos;

        public bool AtEnd => _pos >= text.Length;

        public char Current => text[_pos];

        public int Column => _pos + 1;

        public void SkipSpaces()
        {
            while (!AtEnd && char.IsWhiteSpace(Current))
            {
                _pos++;
            }
        }

        public bool TryConsume(char ch)
        {
            if (!AtEnd && Current == ch)
            {
                _pos++;
                return true;
            }

            return false;
        }

        public void Expect(char ch, string what)
        {
            if (!TryConsume(ch))
            {
                throw Error($"expected {what}, found {Describe()}");
            }
        }

        public string ReadIdentifier(string what)
        {
            int start = _pos;
            if (AtEnd || !(char.IsAsciiLetter(Current) || Current == '_'))
            {
                throw Error($"expected {what}, found {Describe()}");
            }

            while (!AtEnd && (char.IsAsciiLetterOrDigit(Current) || Current == '_'))
            {
                _pos++;
            }

            return text[start.._pos];
        }

        public StepArgument ReadValue()
        {
            if (AtEnd)
            {
                throw Error("expected a value (number, true/false, quoted string or [list]), found the end of the spec");
            }

            char ch = Current;
            if (ch == '[')
            {
                _pos++;
                var items = new List<StepArgument>();
                SkipSpaces();
                if (TryConsume(']'))
                {
                    return StepArgument.FromList(items);
                }

                while (true)
                {
                    SkipSpaces();
                    items.Add(ReadValue());
                    SkipSpaces();
                    if (TryConsume(']'))
                    {
                        return StepArgument.FromList(items);
                    }

                    Expect(',', "',' or ']' in the list");
                }
            }

            if (ch is '\'' or '"')
            {
                int startColumn = Column;
                _pos++;
                var sb = new StringBuilder();
                while (true)
                {
                    if (AtEnd)
                    {
                        throw ErrorAt(startColumn, $"the string opened here is not closed with {ch}");
                    }

                    char c = Current;
                    _pos++;
                    if (c == ch)
                    {
                        return StepArgument.FromString(sb.ToString());
                    }

                    if (c == '\\')
                    {
                        if (AtEnd)
                        {
                            throw ErrorAt(startColumn, $"the string opened here is not closed with {ch}");
                        }

                        c = Current;
                        _pos++;
                    }

                    sb.Append(c);
                }
            }

            if (char.IsAsciiLetter(ch))
            {
                int start = _pos;
                string word = ReadIdentifier("a value");
                if (word.Equals("true", StringComparison.OrdinalIgnoreCase))
                {
                    return StepArgument.FromBoolean(true);
                }

                if (word.Equals("false", StringComparison.OrdinalIgnoreCase))
                {
                    return StepArgument.FromBoolean(false);
                }

                throw ErrorAt(start + 1, $"expected a value (number, true/false, quoted string or [list]), found '{word}' (quote strings)");
            }

            return ReadNumber();
        }

        public StepSpecException Error(string problem) => ErrorAt(Math.Min(Column, text.Length + 1), problem);

        public StepSpecException ErrorAt(int column, string problem) => new(text, column, problem, knownSteps);

        private StepArgument ReadNumber()
        {
            int start = _pos;
            if (!AtEnd && Current is '+' or '-')
            {
                _pos++;
            }

            int digits = 0;
            while (!AtEnd && (char.IsAsciiDigit(Current) || Current == '.'))
            {
                digits += char.IsAsciiDigit(Current) ? 1 : 0;
                _pos++;
            }

            if (digits > 0 && !AtEnd && Current is 'e' or 'E')
            {
                _pos++;
                if (!AtEnd && Current is '+' or '-')
                {
                    _pos++;
                }

                while (!AtEnd && char.IsAsciiDigit(Current))
                {
                    _pos++;
                }
            }

            string token = text[start.._pos];
            if (digits == 0 || !double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || !double.IsFinite(value))
            {
                _pos = start;
                throw Error($"expected a value (number, true/false, quoted string or [list]), found {Describe()}");
            }

            return StepArgument.FromNumber(value);
        }

        private string Describe() => AtEnd ? "the end of the spec" : $"'{Current}'";
    }
}
