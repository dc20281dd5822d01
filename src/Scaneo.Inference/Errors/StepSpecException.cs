using System.Globalization;

namespace Scaneo.Inference.Processing;

/// <summary>A processing step spec cannot be parsed or names an unknown step or parameter.</summary>
public sealed class StepSpecException : InferenceException
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="spec">The spec text.</param>
    /// <param name="column">1-based column of the offending character (0 when the whole spec is at fault).</param>
    /// <param name="problem">What was expected and what was found.</param>
    /// <param name="knownSteps">The names of the registered steps, listed in the message.</param>
    public StepSpecException(string spec, int column, string problem, IEnumerable<string>? knownSteps = null)
        : base(BuildMessage(spec, column, problem, knownSteps))
    {
        Spec = spec;
        Column = column;
        Problem = problem;
        KnownSteps = knownSteps is null ? [] : [.. knownSteps];
    }

    /// <summary>Gets the spec text.</summary>
    public string Spec { get; }

    /// <summary>Gets the 1-based column of the offending character, or 0.</summary>
    public int Column { get; }

    /// <summary>Gets what was expected and what was found.</summary>
    public string Problem { get; }

    /// <summary>Gets the registered step names.</summary>
    public IReadOnlyList<string> KnownSteps { get; }

    private static string BuildMessage(string spec, int column, string problem, IEnumerable<string>? known)
    {
        string where = column > 0 ? string.Create(CultureInfo.InvariantCulture, $" at column {column}") : string.Empty;
        string message = $"Step spec \"{spec}\"{where}: {problem}";
        if (column > 0)
        {
            message += Environment.NewLine + "  " + spec + Environment.NewLine + "  " + new string(' ', column - 1) + "^";
        }

        string[] names = known is null ? [] : [.. known];
        if (names.Length > 0)
        {
            message += Environment.NewLine + "Known steps: " + string.Join(", ", names.Order(StringComparer.Ordinal)) + ".";
        }

        return message;
    }
}
