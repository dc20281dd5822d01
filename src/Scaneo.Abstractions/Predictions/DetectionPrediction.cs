using System.Globalization;

namespace Scaneo.Predictions;

/// <summary>A detection reply: boxes in pixel coordinates of the sent image.</summary>
public sealed class DetectionPrediction
{
    /// <summary>Initializes a new prediction.</summary>
    /// <param name="imageWidth">Width of the sent image in pixels.</param>
    /// <param name="imageHeight">Height of the sent image in pixels.</param>
    /// <param name="boxes">The boxes (may be empty).</param>
    public DetectionPrediction(int imageWidth, int imageHeight, IEnumerable<DetectedBox> boxes)
    {
        if (imageWidth <= 0 || imageHeight <= 0)
        {
            throw new ScaneoValidationException("DetectionPrediction.ImageSize", string.Create(CultureInfo.InvariantCulture, $"{imageWidth} × {imageHeight}"), "must be positive.");
        }

        ArgumentNullException.ThrowIfNull(boxes);
        ImageWidth = imageWidth;
        ImageHeight = imageHeight;
        Boxes = [.. boxes];
    }

    /// <summary>Gets the width of the sent image.</summary>
    public int ImageWidth { get; }

    /// <summary>Gets the height of the sent image.</summary>
    public int ImageHeight { get; }

    /// <summary>Gets the boxes.</summary>
    public IReadOnlyList<DetectedBox> Boxes { get; }
}
