using System.Text.RegularExpressions;

namespace Scaneo;

/// <summary>A campaign label: a name users pick and the colour it is drawn in.</summary>
public sealed partial class Label : IEquatable<Label>
{
    /// <summary>Initializes a new label.</summary>
    /// <param name="name">Non-empty name, e.g. <c>water</c>; surrounding white space is removed.</param>
    /// <param name="color">Colour <c>#rrggbb</c> (stored in lower case).</param>
    /// <exception cref="ScaneoValidationException">Empty name or a colour not of the form <c>#rrggbb</c>.</exception>
    public Label(string name, string color)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new ScaneoValidationException("Label.Name", name, "must be a non-empty name.");
        }

        if (color is null || !ColorPattern().IsMatch(color))
        {
            throw new ScaneoValidationException($"Label({name.Trim()}).Color", color, "is not a colour of the form #rrggbb.");
        }

        Name = name.Trim();
        Color = color.ToLowerInvariant();
    }

    /// <summary>Gets the name.</summary>
    public string Name { get; }

    /// <summary>Gets the colour, <c>#rrggbb</c> in lower case.</summary>
    public string Color { get; }

    /// <summary>Gets the colour as red, green and blue bytes.</summary>
    /// <returns>(r, g, b).</returns>
    public (byte R, byte G, byte B) ToRgb() =>
        (Convert.ToByte(Color.Substring(1, 2), 16), Convert.ToByte(Color.Substring(3, 2), 16), Convert.ToByte(Color.Substring(5, 2), 16));

    /// <inheritdoc />
    public bool Equals(Label? other) =>
        other is not null && string.Equals(Name, other.Name, StringComparison.Ordinal) && string.Equals(Color, other.Color, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as Label);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(StringComparer.Ordinal.GetHashCode(Name), StringComparer.Ordinal.GetHashCode(Color));

    /// <inheritdoc />
    public override string ToString() => $"{Name} ({Color})";

    // \z, not $: $ also matches before a final newline, which would let "#112233\n" through.
    [GeneratedRegex("^#[0-9a-fA-F]{6}\\z", RegexOptions.CultureInvariant)]
    private static partial Regex ColorPattern();
}
