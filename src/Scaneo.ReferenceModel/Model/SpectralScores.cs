namespace Scaneo.ReferenceModel.Model;

/// <summary>
/// The reference model's per-pixel output for one image: class probabilities (band-sequential, one plane per
/// class in <see cref="ReferenceClasses"/> order) and the class mask the rules give.
/// </summary>
internal sealed class SpectralScores
{
    public SpectralScores(int width, int height, float[] probabilities, byte[] mask, int validCount)
    {
        Width = width;
        Height = height;
        Probabilities = probabilities;
        Mask = mask;
        ValidCount = validCount;
    }

    public int Width { get; }

    public int Height { get; }

    /// <summary>Gets C planes of width × height probabilities; NaN where the pixel is not valid.</summary>
    public float[] Probabilities { get; }

    /// <summary>Gets the class of each pixel, or <see cref="ReferenceClasses.NoDataValue"/> where it is not valid.</summary>
    public byte[] Mask { get; }

    /// <summary>Gets the number of valid pixels.</summary>
    public int ValidCount { get; }

    public int PixelCount => Width * Height;

    public bool HasInvalidPixels => ValidCount < PixelCount;

    public float Probability(int classIndex, int pixel) => Probabilities[(classIndex * PixelCount) + pixel];
}
