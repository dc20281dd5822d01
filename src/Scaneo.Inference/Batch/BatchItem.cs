using Scaneo.Rasters;

namespace Scaneo.Inference.Batch;

/// <summary>One image of a batch run, held in memory or loaded when its turn comes.</summary>
public sealed class BatchItem
{
    /// <summary>Initializes an item whose image is already in memory.</summary>
    /// <param name="id">An identifier reported back in the outcome (e.g. the image path).</param>
    /// <param name="image">The image.</param>
    /// <param name="samPrompt">The prompt, for SAM models.</param>
    public BatchItem(string id, Raster image, SamPrompt? samPrompt = null)
        : this(id, Wrap(image), samPrompt)
    {
    }

    /// <summary>Initializes an item whose image is loaded lazily, so big campaigns do not sit in memory.</summary>
    /// <param name="id">An identifier reported back in the outcome (e.g. the image path).</param>
    /// <param name="loadImage">Loads the image; called once, when a worker takes the item.</param>
    /// <param name="samPrompt">The prompt, for SAM models.</param>
    public BatchItem(string id, Func<CancellationToken, ValueTask<Raster>> loadImage, SamPrompt? samPrompt = null)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            throw new ScaneoValidationException("BatchItem.Id", id, "must be a non-empty identifier.");
        }

        Id = id;
        LoadImage = loadImage ?? throw new ArgumentNullException(nameof(loadImage));
        SamPrompt = samPrompt;
    }

    /// <summary>Gets the identifier.</summary>
    public string Id { get; }

    /// <summary>Gets the image loader.</summary>
    public Func<CancellationToken, ValueTask<Raster>> LoadImage { get; }

    /// <summary>Gets the SAM prompt, if any.</summary>
    public SamPrompt? SamPrompt { get; }

    private static Func<CancellationToken, ValueTask<Raster>> Wrap(Raster image)
    {
        ArgumentNullException.ThrowIfNull(image);
        return _ => ValueTask.FromResult(image);
    }
}
