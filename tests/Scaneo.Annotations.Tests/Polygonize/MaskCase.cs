using System.Globalization;
using Scaneo.Annotations.Polygonize;
using Scaneo.Geo;
using Scaneo.Rasters;

namespace Scaneo.Annotations.Tests.Polygonize;

/// <summary>A generated test mask: a kind of pattern, a size, a seed and a transform, rebuilt deterministically.</summary>
public sealed record MaskCase(int Kind, int Width, int Height, int Seed, int TransformKind)
{
    public const int KindCount = 11;

    public static readonly GeoTransform[] Transforms =
    [
        GeoTransform.Identity,
        new(500000, 10, 0, 4000000, 0, -10), // north-up
        new(-20, 2, 0, 30, 0, 3), // south-up (positive e)
        new(100, 1.5, 0.5, 200, 0.7, -1.2), // rotated, negative determinant
        new(100, 1.5, -0.5, 200, 0.7, 1.2), // rotated, positive determinant
    ];

    public const byte NoData = 255;

    public const byte Excluded = 9;

    public GeoTransform Transform => Transforms[TransformKind];

    /// <summary>Builds the pixels; 255 is nodata and 9 is an excluded value in some kinds.</summary>
    public byte[] Pixels()
    {
        var random = new Random(Seed);
        int w = Width;
        int h = Height;
        var p = new byte[w * h];
        for (int r = 0; r < h; r++)
        {
            for (int c = 0; c < w; c++)
            {
                p[(r * w) + c] = Kind switch
                {
                    0 => (byte)random.Next(2),
                    1 => (byte)random.Next(3),
                    2 => (byte)((r + c) % 2),
                    3 => random.Next(6) == 0 ? (byte)1 : (byte)0,
                    4 => (byte)((r + c) % 3 == 0 || (r - c + 99) % 4 == 0 ? 1 : 0),
                    5 => (byte)(Math.Min(Math.Min(r, c), Math.Min(h - 1 - r, w - 1 - c)) % 3),
                    6 => random.Next(2) == 0 ? NoData : Excluded,
                    7 => (byte)random.Next(4), // with nodata 3 handled by the raster nodata below
                    8 => (byte)(random.Next(5) == 0 ? NoData : random.Next(5) == 0 ? Excluded : random.Next(3)),
                    9 => (byte)(random.Next(3) == 0 ? 1 : 2), // used with a validity mask
                    _ => (byte)((r / 2) + (c / 3) + random.Next(2)) % 4 == 0 ? (byte)1 : (byte)2,
                };
            }
        }

        return p;
    }

    public byte[]? Validity()
    {
        if (Kind != 9)
        {
            return null;
        }

        var random = new Random(Seed ^ 0x5bd1e995);
        var v = new byte[Width * Height];
        for (int i = 0; i < v.Length; i++)
        {
            v[i] = random.Next(4) == 0 ? (byte)0 : (byte)1;
        }

        return v;
    }

    public RasterBuffer<byte> Raster() => new(Pixels(), Width, Height, 1, Transform, CrsReference.FromEpsg(32631), NoData);

    public PolygonizeOptions Options(Connectivity connectivity) => new()
    {
        Connectivity = connectivity,
        ExcludedValues = [Excluded],
        ValidityMask = Validity(),
    };

    public bool IsValidPixel(byte[] pixels, byte[]? validity, int index) =>
        pixels[index] != NoData && pixels[index] != Excluded && (validity is null || validity[index] != 0);

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"kind {Kind}, {Width}×{Height}, seed {Seed}, transform {Transform}");
}
