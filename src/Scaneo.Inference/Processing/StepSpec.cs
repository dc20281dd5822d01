using System.Text;

namespace Scaneo.Inference.Processing;

/// <summary>
/// A parsed processing step spec: <c>Name</c> or <c>Name(param=value, …)</c>, e.g. <c>Sigmoid(threshold=0.5)</c> or
/// <c>BandSelect(bands=[4,3,2])</c>. Parameter names are compared case-insensitively.
/// </summary>
public sealed class StepSpec : IEquatable<StepSpec>
{
    private readonly KeyValuePair<string, StepArgument>[] _arguments;

    /// <summary>Initializes a spec.</summary>
    /// <param name="name">The step name (an identifier).</param>
    /// <param name="arguments">The parameters in order; names must be identifiers and unique.</param>
    /// <exception cref="ScaneoValidationException">A name is not an identifier or a parameter repeats.</exception>
    public StepSpec(string name, IEnumerable<KeyValuePair<string, StepArgument>>? arguments = null)
    {
        if (!StepSpecParser.IsIdentifier(name))
        {
            throw new ScaneoValidationException("StepSpec.Name", name, "must be an identifier (a letter or _ followed by letters, digits or _).");
        }

        _arguments = arguments is null ? [] : [.. arguments];
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in _arguments)
        {
            if (!StepSpecParser.IsIdentifier(key))
            {
                throw new ScaneoValidationException("StepSpec.Arguments", key, "parameter names must be identifiers.");
            }

            if (!seen.Add(key))
            {
                throw new ScaneoValidationException("StepSpec.Arguments", key, "parameter names must be unique.");
            }

            ArgumentNullException.ThrowIfNull(value);
        }

        Name = name;
    }

    /// <summary>Gets the step name as written.</summary>
    public string Name { get; }

    /// <summary>Gets the parameters in the order written.</summary>
    public IReadOnlyList<KeyValuePair<string, StepArgument>> Arguments => _arguments;

    /// <summary>Parses a spec; see <see cref="StepSpecParser.Parse(string)"/>.</summary>
    /// <param name="text">The spec text.</param>
    /// <returns>The spec.</returns>
    /// <exception cref="StepSpecException">The text is not a valid spec; the message points at the column.</exception>
    public static StepSpec Parse(string text) => StepSpecParser.Parse(text);

    /// <summary>Gets a parameter by name (case-insensitive).</summary>
    /// <param name="parameter">The parameter name.</param>
    /// <param name="value">The value when present.</param>
    /// <returns>Whether the parameter is present.</returns>
    public bool TryGetArgument(string parameter, out StepArgument value)
    {
        foreach (var (key, v) in _arguments)
        {
            if (string.Equals(key, parameter, StringComparison.OrdinalIgnoreCase))
            {
                value = v;
                return true;
            }
        }

        value = null!;
        return false;
    }

    /// <summary>Formats the spec so that <see cref="Parse"/> returns an equal spec.</summary>
    /// <returns>The text, e.g. <c>Normalize(mean=[0.5, 0.5], std=[0.2, 0.2])</c>.</returns>
    public override string ToString()
    {
        if (_arguments.Length == 0)
        {
            return Name;
        }

        var sb = new StringBuilder(Name).Append('(');
        for (int i = 0; i < _arguments.Length; i++)
        {
            if (i > 0)
            {
                sb.Append(", ");
            }

            sb.Append(_arguments[i].Key).Append('=');
            _arguments[i].Value.Format(sb);
        }

        return sb.Append(')').ToString();
    }

    /// <inheritdoc />
    public bool Equals(StepSpec? other)
    {
        if (other is null || !string.Equals(Name, other.Name, StringComparison.Ordinal) || other._arguments.Length != _arguments.Length)
        {
            return false;
        }

        for (int i = 0; i < _arguments.Length; i++)
        {
            if (!string.Equals(_arguments[i].Key, other._arguments[i].Key, StringComparison.Ordinal) || !_arguments[i].Value.Equals(other._arguments[i].Value))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as StepSpec);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(StringComparer.Ordinal.GetHashCode(Name), _arguments.Length);
}
