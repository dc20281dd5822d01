using System.Globalization;

namespace Scaneo.Predictions;

/// <summary>One detected object: a box, its class (index and/or name) and scores.</summary>
public sealed class DetectedBox
{
    /// <summary>Initializes a detected box.</summary>
    /// <param name="box">The box in pixels of the sent image.</param>
    /// <param name="score">Confidence of the box (finite).</param>
    /// <param name="outputIndex">Model output (class) index, if given or derived from the class scores.</param>
    /// <param name="className">Class name, if given.</param>
    /// <param name="classScores">Per-class score vector, if given.</param>
    /// <param name="objectness">Objectness, if given.</param>
    /// <exception cref="ScaneoValidationException">No class at all, a negative index, or a non-finite score.</exception>
    public DetectedBox(PixelBox box, double score, int? outputIndex = null, string? className = null, IEnumerable<double>? classScores = null, double? objectness = null)
    {
        if (!double.IsFinite(score))
        {
            throw new ScaneoValidationException("DetectedBox.Score", score.ToString(CultureInfo.InvariantCulture), "must be a finite number.");
        }

        if (outputIndex is < 0)
        {
            throw new ScaneoValidationException("DetectedBox.OutputIndex", outputIndex.Value.ToString(CultureInfo.InvariantCulture), "must be a non-negative output index.");
        }

        if (objectness is double o && !double.IsFinite(o))
        {
            throw new ScaneoValidationException("DetectedBox.Objectness", o.ToString(CultureInfo.InvariantCulture), "must be a finite number.");
        }

        if (classScores is not null)
        {
            double[] cs = [.. classScores];
            for (int i = 0; i < cs.Length; i++)
            {
                if (!double.IsFinite(cs[i]))
                {
                    throw new ScaneoValidationException($"DetectedBox.ClassScores[{i}]", cs[i].ToString(CultureInfo.InvariantCulture), "must be a finite number.");
                }
            }

            ClassScores = cs;
        }

        if (outputIndex is null && string.IsNullOrWhiteSpace(className) && ClassScores is not { Count: > 0 })
        {
            throw new ScaneoValidationException("DetectedBox", null, "must name its class by output index, class name or a per-class score vector.");
        }

        Box = box;
        Score = score;
        OutputIndex = outputIndex;
        ClassName = string.IsNullOrWhiteSpace(className) ? null : className;
        Objectness = objectness;
    }

    /// <summary>Gets the box in pixels of the sent image.</summary>
    public PixelBox Box { get; }

    /// <summary>Gets the confidence of the box.</summary>
    public double Score { get; }

    /// <summary>Gets the model output index, if known.</summary>
    public int? OutputIndex { get; }

    /// <summary>Gets the class name, if given.</summary>
    public string? ClassName { get; }

    /// <summary>Gets the per-class scores, if given.</summary>
    public IReadOnlyList<double>? ClassScores { get; }

    /// <summary>Gets the objectness, if given.</summary>
    public double? Objectness { get; }
}
