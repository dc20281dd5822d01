using Scaneo.Predictions;

namespace Scaneo.Annotations.Mapping;

/// <summary>A detected box whose class resolved to a mapped campaign label.</summary>
public sealed class MappedDetection
{
    internal MappedDetection(int boxIndex, string label, int outputIndex, double score, PixelBox box)
    {
        BoxIndex = boxIndex;
        Label = label;
        OutputIndex = outputIndex;
        Score = score;
        Box = box;
    }

    /// <summary>Gets the position of the box in the reply (stable across re-runs, used for ids).</summary>
    public int BoxIndex { get; }

    /// <summary>Gets the campaign label.</summary>
    public string Label { get; }

    /// <summary>Gets the model output the class resolved to.</summary>
    public int OutputIndex { get; }

    /// <summary>Gets the box's confidence.</summary>
    public double Score { get; }

    /// <summary>Gets the box in pixels of the sent image.</summary>
    public PixelBox Box { get; }
}
