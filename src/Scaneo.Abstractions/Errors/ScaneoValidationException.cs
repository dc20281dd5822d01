namespace Scaneo;

/// <summary>
/// Thrown when a value given to a Scaneo type breaks one of its rules. The message names the field, the value
/// and the rule, e.g. <c>Label.Color: "red" is not a colour of the form #rrggbb.</c>
/// </summary>
public sealed class ScaneoValidationException : ScaneoException
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="field">The field (type and member, or JSON path) that holds the bad value.</param>
    /// <param name="value">The offending value as text, or <see langword="null"/> when the value was null.</param>
    /// <param name="rule">The rule the value breaks, phrased as what was expected.</param>
    public ScaneoValidationException(string field, string? value, string rule)
        : base($"{field}: {Describe(value)} {rule}")
    {
        Field = field;
        Value = value;
        Rule = rule;
    }

    /// <summary>Gets the field that holds the bad value.</summary>
    public string Field { get; }

    /// <summary>Gets the offending value as text, or <see langword="null"/>.</summary>
    public string? Value { get; }

    /// <summary>Gets the rule the value breaks.</summary>
    public string Rule { get; }

    private static string Describe(string? value) => value is null ? "null" : "\"" + value + "\"";
}
