using System.Globalization;

namespace Scaneo.Inference.Processing;

/// <summary>Reads a spec's parameters for a built-in step, rejecting unknown ones and wrong kinds with a clear message.</summary>
internal sealed class StepParameters
{
    private readonly StepSpec _spec;

    public StepParameters(StepSpec spec, params string[] allowed)
    {
        _spec = spec;
        foreach (var (key, _) in spec.Arguments)
        {
            if (!allowed.Contains(key, StringComparer.OrdinalIgnoreCase))
            {
                string expected = allowed.Length == 0 ? "no parameters" : "parameters " + string.Join(", ", allowed);
                throw Fail($"{spec.Name} takes {expected}; found '{key}'");
            }
        }
    }

    public double? OptionalNumber(string name)
    {
        if (!_spec.TryGetArgument(name, out var value))
        {
            return null;
        }

        return value.Kind == StepArgumentKind.Number ? value.AsNumber() : throw Fail($"{_spec.Name}: '{name}' must be a number, found {value}");
    }

    public double Number(string name, double? defaultValue = null) =>
        OptionalNumber(name) ?? defaultValue ?? throw Fail($"{_spec.Name} needs the parameter '{name}' (a number)");

    public bool Boolean(string name, bool defaultValue)
    {
        if (!_spec.TryGetArgument(name, out var value))
        {
            return defaultValue;
        }

        return value.Kind == StepArgumentKind.Boolean ? value.AsBoolean() : throw Fail($"{_spec.Name}: '{name}' must be true or false, found {value}");
    }

    public double[] NumberList(string name)
    {
        if (!_spec.TryGetArgument(name, out var value))
        {
            throw Fail($"{_spec.Name} needs the parameter '{name}' (a number or a list of numbers)");
        }

        var items = value.AsList();
        var result = new double[items.Count];
        for (int i = 0; i < items.Count; i++)
        {
            result[i] = items[i].Kind == StepArgumentKind.Number
                ? items[i].AsNumber()
                : throw Fail($"{_spec.Name}: '{name}' must list numbers, found {value}");
        }

        return result.Length > 0 ? result : throw Fail($"{_spec.Name}: '{name}' must list at least one number, found []");
    }

    public StepSpecException Fail(string problem) => new(_spec.ToString(), 0, problem);

    public static string Invariant(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
