using System.Globalization;
using System.Text;

namespace Scaneo.Inference.Processing;

/// <summary>One parameter value of a step spec: a number, a boolean, a string or a list of values.</summary>
public sealed class StepArgument : IEquatable<StepArgument>
{
    private readonly double _number;
    private readonly bool _boolean;
    private readonly string? _string;
    private readonly StepArgument[]? _items;

    private StepArgument(StepArgumentKind kind, double number = 0, bool boolean = false, string? text = null, StepArgument[]? items = null)
    {
        Kind = kind;
        _number = number;
        _boolean = boolean;
        _string = text;
        _items = items;
    }

    /// <summary>Gets the kind of value.</summary>
    public StepArgumentKind Kind { get; }

    /// <summary>Creates a number.</summary>
    /// <param name="value">A finite number.</param>
    /// <returns>The argument.</returns>
    public static StepArgument FromNumber(double value)
    {
        if (!double.IsFinite(value))
        {
            throw new ScaneoValidationException("StepArgument", value.ToString(CultureInfo.InvariantCulture), "must be a finite number.");
        }

        return new(StepArgumentKind.Number, number: value);
    }

    /// <summary>Creates a boolean.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The argument.</returns>
    public static StepArgument FromBoolean(bool value) => new(StepArgumentKind.Boolean, boolean: value);

    /// <summary>Creates a string.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The argument.</returns>
    public static StepArgument FromString(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new(StepArgumentKind.String, text: value);
    }

    /// <summary>Creates a list.</summary>
    /// <param name="items">The items.</param>
    /// <returns>The argument.</returns>
    public static StepArgument FromList(IEnumerable<StepArgument> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        StepArgument[] copy = [.. items];
        if (Array.Exists(copy, i => i is null))
        {
            throw new ScaneoValidationException("StepArgument", "null", "list items must not be null.");
        }

        return new(StepArgumentKind.List, items: copy);
    }

    /// <summary>Returns the number; throws when this is not a number.</summary>
    /// <returns>The number.</returns>
    public double AsNumber() => Kind == StepArgumentKind.Number ? _number : throw WrongKind("a number");

    /// <summary>Returns the boolean; throws when this is not a boolean.</summary>
    /// <returns>The boolean.</returns>
    public bool AsBoolean() => Kind == StepArgumentKind.Boolean ? _boolean : throw WrongKind("true or false");

    /// <summary>Returns the string; throws when this is not a string.</summary>
    /// <returns>The string.</returns>
    public string AsString() => Kind == StepArgumentKind.String ? _string! : throw WrongKind("a quoted string");

    /// <summary>Returns the list items (a scalar reads as a one-item list).</summary>
    /// <returns>The items.</returns>
    public IReadOnlyList<StepArgument> AsList() => Kind == StepArgumentKind.List ? _items! : [this];

    /// <summary>Returns the list as numbers (a single number reads as a one-item list).</summary>
    /// <returns>The numbers.</returns>
    public double[] AsNumberList() => [.. AsList().Select(i => i.AsNumber())];

    /// <summary>Formats the value as it is written in a spec (numbers round-trip exactly).</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        var sb = new StringBuilder();
        Format(sb);
        return sb.ToString();
    }

    /// <inheritdoc />
    public bool Equals(StepArgument? other)
    {
        if (other is null || other.Kind != Kind)
        {
            return false;
        }

        return Kind switch
        {
            StepArgumentKind.Number => _number.Equals(other._number),
            StepArgumentKind.Boolean => _boolean == other._boolean,
            StepArgumentKind.String => string.Equals(_string, other._string, StringComparison.Ordinal),
            _ => _items!.AsSpan().SequenceEqual(other._items!),
        };
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as StepArgument);

    /// <inheritdoc />
    public override int GetHashCode() => Kind switch
    {
        StepArgumentKind.Number => _number.GetHashCode(),
        StepArgumentKind.Boolean => _boolean.GetHashCode(),
        StepArgumentKind.String => StringComparer.Ordinal.GetHashCode(_string!),
        _ => _items!.Length,
    };

    internal void Format(StringBuilder sb)
    {
        switch (Kind)
        {
            case StepArgumentKind.Number:
                sb.Append(_number.ToString("R", CultureInfo.InvariantCulture));
                break;
            case StepArgumentKind.Boolean:
                sb.Append(_boolean ? "true" : "false");
                break;
            case StepArgumentKind.String:
                sb.Append('"');
                foreach (char ch in _string!)
                {
                    if (ch is '"' or '\\')
                    {
                        sb.Append('\\');
                    }

                    sb.Append(ch);
                }

                sb.Append('"');
                break;
            default:
                sb.Append('[');
                for (int i = 0; i < _items!.Length; i++)
                {
                    if (i > 0)
                    {
                        sb.Append(", ");
                    }

                    _items[i].Format(sb);
                }

                sb.Append(']');
                break;
        }
    }

    private InvalidOperationException WrongKind(string expected) =>
        new($"Expected {expected}, found {Kind.ToString().ToLowerInvariant()} {this}.");
}
