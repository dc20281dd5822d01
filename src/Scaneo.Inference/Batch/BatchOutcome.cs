namespace Scaneo.Inference.Batch;

/// <summary>The result of one image of a batch: a prediction or the error that prevented it.</summary>
public sealed class BatchOutcome
{
    internal BatchOutcome(BatchItem item, int index, ModelPrediction? prediction, Exception? error, TimeSpan elapsed)
    {
        Item = item;
        Index = index;
        Prediction = prediction;
        Error = error;
        Elapsed = elapsed;
    }

    /// <summary>Gets the item.</summary>
    public BatchItem Item { get; }

    /// <summary>Gets the item's 0-based position in the input (outcomes arrive in completion order).</summary>
    public int Index { get; }

    /// <summary>Gets the prediction when the image succeeded.</summary>
    public ModelPrediction? Prediction { get; }

    /// <summary>Gets the error when the image failed (usually an <see cref="InferenceException"/> or a <see cref="ScaneoException"/> from loading).</summary>
    public Exception? Error { get; }

    /// <summary>Gets the time spent on the image, loading included.</summary>
    public TimeSpan Elapsed { get; }

    /// <summary>Gets a value indicating whether the image has a prediction.</summary>
    public bool Succeeded => Prediction is not null;
}
