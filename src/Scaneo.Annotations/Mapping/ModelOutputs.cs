using System.Globalization;

namespace Scaneo.Annotations.Mapping;

/// <summary>
/// What is known about a model's outputs: the declared count and names (from the model definition) and, after a
/// prediction, the number of outputs the model actually returned. Every bound that is known is checked.
/// </summary>
public sealed class ModelOutputs
{
    private ModelOutputs(int? declaredCount, IReadOnlyList<string>? names, int? returnedCount)
    {
        DeclaredCount = declaredCount;
        Names = names;
        ReturnedCount = returnedCount;
    }

    /// <summary>Gets outputs about which nothing is known (no range checks).</summary>
    public static ModelOutputs Unknown { get; } = new(null, null, null);

    /// <summary>Gets the declared number of outputs, if known.</summary>
    public int? DeclaredCount { get; }

    /// <summary>Gets the declared output names in output order, if known.</summary>
    public IReadOnlyList<string>? Names { get; }

    /// <summary>Gets the number of outputs a prediction returned, if known.</summary>
    public int? ReturnedCount { get; }

    /// <summary>Gets the tightest known bound: every valid output index is below it.</summary>
    public int? Bound => (DeclaredCount, ReturnedCount) switch
    {
        (int d, int r) => Math.Min(d, r),
        (int d, null) => d,
        (null, int r) => r,
        _ => null,
    };

    /// <summary>Describes outputs by count.</summary>
    /// <param name="count">Declared number of outputs, positive.</param>
    /// <returns>The description.</returns>
    /// <exception cref="ScaneoValidationException">The count is not positive.</exception>
    public static ModelOutputs FromCount(int count)
    {
        RequirePositive("ModelOutputs.DeclaredCount", count);
        return new ModelOutputs(count, null, null);
    }

    /// <summary>Describes outputs by name (the count is the number of names).</summary>
    /// <param name="names">Output names in output order; non-empty strings.</param>
    /// <returns>The description.</returns>
    /// <exception cref="ScaneoValidationException">No names, or an empty name.</exception>
    public static ModelOutputs FromNames(IEnumerable<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        string[] n = [.. names];
        if (n.Length == 0)
        {
            throw new ScaneoValidationException("ModelOutputs.Names", "[]", "must list at least one output name.");
        }

        for (int i = 0; i < n.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(n[i]))
            {
                throw new ScaneoValidationException($"ModelOutputs.Names[{i}]", n[i], "must be a non-empty output name.");
            }
        }

        return new ModelOutputs(n.Length, n, null);
    }

    /// <summary>Describes the outputs a model definition declares.</summary>
    /// <param name="model">The model.</param>
    /// <returns>The description (<see cref="Unknown"/> when the model declares nothing).</returns>
    public static ModelOutputs From(ModelDefinition model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return new ModelOutputs(model.OutputCount, model.OutputNames, null);
    }

    /// <summary>Returns a copy that also knows how many outputs a prediction returned.</summary>
    /// <param name="count">Returned number of outputs, positive.</param>
    /// <returns>The description.</returns>
    public ModelOutputs WithReturnedCount(int count)
    {
        RequirePositive("ModelOutputs.ReturnedCount", count);
        return new ModelOutputs(DeclaredCount, Names, count);
    }

    /// <summary>Finds the output whose declared name equals <paramref name="name"/> (ordinal first, then case-insensitively).</summary>
    /// <param name="name">The name.</param>
    /// <returns>The index, or <see langword="null"/>.</returns>
    public int? IndexOfName(string? name)
    {
        if (Names is null || string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        string n = name.Trim();
        for (int i = 0; i < Names.Count; i++)
        {
            if (string.Equals(Names[i].Trim(), n, StringComparison.Ordinal))
            {
                return i;
            }
        }

        for (int i = 0; i < Names.Count; i++)
        {
            if (string.Equals(Names[i].Trim(), n, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return null;
    }

    private static void RequirePositive(string field, int value)
    {
        if (value <= 0)
        {
            throw new ScaneoValidationException(field, value.ToString(CultureInfo.InvariantCulture), "must be a positive number of outputs.");
        }
    }
}
