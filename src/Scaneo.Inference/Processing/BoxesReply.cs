using System.Globalization;
using Scaneo.Predictions;

namespace Scaneo.Inference.Processing;

/// <summary>A reply holding detected boxes in pixels of the sent image (detection).</summary>
/// <param name="boxes">The boxes.</param>
public sealed class BoxesReply(IReadOnlyList<DetectedBox> boxes) : ModelReply
{
    /// <summary>Gets the boxes.</summary>
    public IReadOnlyList<DetectedBox> Boxes { get; } = boxes ?? throw new ArgumentNullException(nameof(boxes));

    /// <inheritdoc />
    public override string Describe() => string.Create(CultureInfo.InvariantCulture, $"{Boxes.Count} boxes");
}
