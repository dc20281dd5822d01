namespace Scaneo.Inference.Batch;

/// <summary>Progress of a batch run, reported after each image.</summary>
/// <param name="Completed">Images finished (succeeded + failed).</param>
/// <param name="Succeeded">Images with a prediction.</param>
/// <param name="Failed">Images with an error.</param>
/// <param name="Total">Number of images when the input is a collection; otherwise null.</param>
public readonly record struct BatchProgress(int Completed, int Succeeded, int Failed, int? Total);
