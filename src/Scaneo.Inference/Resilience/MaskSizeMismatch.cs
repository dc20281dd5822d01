namespace Scaneo.Inference;

/// <summary>What to do when a segmentation reply's mask is not the size of the sent image.</summary>
public enum MaskSizeMismatch
{
    /// <summary>Resample the mask (and scores) nearest-neighbour onto the image grid (servers that resize to multiples of 32).</summary>
    Resample,

    /// <summary>Fail with a <see cref="ReplyFormatException"/>.</summary>
    Refuse,
}
