using System.Globalization;

namespace Scaneo.Rasters;

/// <summary>Validation of band selections and size limits, shared by every reader, done before allocating.</summary>
internal static class RasterLimits
{
    public static int[] SelectBands(IReadOnlyList<int>? bands, int bandCount)
    {
        if (bands is null)
        {
            return Enumerable.Range(0, bandCount).ToArray();
        }

        if (bands.Count == 0)
        {
            throw new ScaneoValidationException("RasterReadOptions.Bands", "[]", "must list at least one band, or be null for all bands.");
        }

        foreach (int b in bands)
        {
            if ((uint)b >= (uint)bandCount)
            {
                throw new ScaneoValidationException(
                    "RasterReadOptions.Bands",
                    b.ToString(CultureInfo.InvariantCulture),
                    string.Create(CultureInfo.InvariantCulture, $"is not a band of this raster; expected 0-based indices in [0, {bandCount})."));
            }
        }

        return bands.ToArray();
    }

    public static void Check(string name, int width, int height, int bands, RasterDataType type, RasterReadOptions options)
    {
        if (options.MaxPixels <= 0 || options.MaxBytes <= 0)
        {
            throw new ScaneoValidationException("RasterReadOptions", $"MaxPixels {options.MaxPixels}, MaxBytes {options.MaxBytes}", "limits must be positive.");
        }

        long pixels = (long)width * height;
        if (pixels > options.MaxPixels)
        {
            throw new RasterLimitExceededException(name, "pixels", pixels, options.MaxPixels, string.Create(CultureInfo.InvariantCulture, $"{width} × {height}"));
        }

        // Overflow-safe: width, height < 2^31 and bands < 2^16, sample size ≤ 8.
        decimal bytes = (decimal)pixels * bands * type.SizeInBytes();
        if (bytes > options.MaxBytes)
        {
            throw new RasterLimitExceededException(
                name, "bytes", bytes > long.MaxValue ? long.MaxValue : (long)bytes, options.MaxBytes, string.Create(CultureInfo.InvariantCulture, $"{width} × {height} × {bands} bands × {type.SizeInBytes()} bytes"));
        }

        // Decoders address the pixel buffer as one span of bytes, whose length is an int.
        if (bytes > int.MaxValue)
        {
            throw new RasterLimitExceededException(
                name, "bytes", (long)bytes, int.MaxValue, string.Create(CultureInfo.InvariantCulture, $"{width} × {height} × {bands} bands × {type.SizeInBytes()} bytes (the largest pixel buffer one raster can hold; read it by windows)"));
        }

        long samples = pixels * bands;
        if (samples > Array.MaxLength)
        {
            throw new RasterLimitExceededException(
                name, "samples", samples, Array.MaxLength, string.Create(CultureInfo.InvariantCulture, $"{width} × {height} × {bands} bands (the largest in-memory raster .NET allows)"));
        }
    }

    /// <summary>Allocates a pixel buffer, turning an out-of-memory failure into a <see cref="RasterLimitExceededException"/>.</summary>
    /// <typeparam name="T">The sample type.</typeparam>
    /// <param name="name">The file name, for messages.</param>
    /// <param name="samples">The samples to allocate.</param>
    /// <param name="uninitialized">
    /// Skip zeroing: only for readers that write every sample (a recycled 100 MB buffer takes the GC ~20 ms to clear).
    /// </param>
    /// <returns>The buffer.</returns>
    public static T[] Allocate<T>(string name, long samples, bool uninitialized = false)
        where T : unmanaged
    {
        try
        {
            return uninitialized ? GC.AllocateUninitializedArray<T>(checked((int)samples)) : new T[samples];
        }
        catch (OutOfMemoryException)
        {
            long available = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
            throw new RasterLimitExceededException(name, "bytes", samples * System.Runtime.CompilerServices.Unsafe.SizeOf<T>(), available, "the pixel buffer (not enough memory available)");
        }
    }
}
