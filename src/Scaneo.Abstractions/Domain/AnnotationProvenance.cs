namespace Scaneo;

/// <summary>Who made an annotation: a person, or a model (with version, processing chain and time).</summary>
public sealed class AnnotationProvenance
{
    private AnnotationProvenance(string? modelName, string? modelVersion, IReadOnlyList<string> processingChain, DateTimeOffset? predictedAt)
    {
        ModelName = modelName;
        ModelVersion = modelVersion;
        ProcessingChain = processingChain;
        PredictedAt = predictedAt;
    }

    /// <summary>Gets the provenance of annotations drawn or edited by a person.</summary>
    public static AnnotationProvenance Human { get; } = new(null, null, [], null);

    /// <summary>Gets a value indicating whether a person made the annotation.</summary>
    public bool IsHuman => ModelName is null;

    /// <summary>Gets the model name, or <see langword="null"/> for a person.</summary>
    public string? ModelName { get; }

    /// <summary>Gets the model version, if known.</summary>
    public string? ModelVersion { get; }

    /// <summary>Gets the pre- and postprocessing steps the prediction went through, in order.</summary>
    public IReadOnlyList<string> ProcessingChain { get; }

    /// <summary>Gets when the model made the prediction (from a <see cref="TimeProvider"/>).</summary>
    public DateTimeOffset? PredictedAt { get; }

    /// <summary>Creates the provenance of a model prediction.</summary>
    /// <param name="modelName">Non-empty model name.</param>
    /// <param name="modelVersion">Model version, if known.</param>
    /// <param name="processingChain">Step specs applied, in order.</param>
    /// <param name="predictedAt">Prediction time.</param>
    /// <returns>The provenance.</returns>
    /// <exception cref="ScaneoValidationException">Empty model name or an empty step.</exception>
    public static AnnotationProvenance FromModel(string modelName, string? modelVersion, IEnumerable<string>? processingChain, DateTimeOffset predictedAt)
    {
        if (string.IsNullOrWhiteSpace(modelName))
        {
            throw new ScaneoValidationException("AnnotationProvenance.ModelName", modelName, "must be a non-empty model name.");
        }

        string[] chain = processingChain is null ? [] : [.. processingChain];
        for (int i = 0; i < chain.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(chain[i]))
            {
                throw new ScaneoValidationException($"AnnotationProvenance.ProcessingChain[{i}]", chain[i], "must be a non-empty step spec such as Argmax or Sigmoid(threshold=0.5).");
            }
        }

        return new AnnotationProvenance(modelName.Trim(), modelVersion, chain, predictedAt);
    }

    /// <inheritdoc />
    public override string ToString() => IsHuman ? "human" : $"{ModelName}{(ModelVersion is null ? string.Empty : "@" + ModelVersion)}";
}
