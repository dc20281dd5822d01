using Scaneo.Geo;
using Scaneo.Rasters;

namespace Scaneo.ReferenceModel.Tests.Model;

/// <summary>Small synthetic Landsat-like images (bands blue, green, red, NIR) made of pixels with known classes.</summary>
internal static class TestImages
{
    // (blue, green, red, nir): NDWI = (g−n)/(g+n), NDVI = (n−r)/(n+r).
    public static readonly byte[] WaterPixel = [90, 80, 50, 20];       // NDWI 0.6 → water
    public static readonly byte[] VegetationPixel = [40, 50, 30, 120];  // NDWI −0.41, NDVI 0.6 → vegetation
    public static readonly byte[] BuiltUpPixel = [90, 90, 95, 100];     // NDWI −0.05, NDVI 0.03 → built-up

    public static GeoTransform Utm { get; } = new(288776.25, 28.5, 0, 9120760.75, 0, -28.5);

    /// <summary>Builds an image from a map of characters: 'w' water, 'v' vegetation, 'b' built-up, 'n' nodata (all zero).</summary>
    public static RasterBuffer<byte> FromMap(params string[] rows)
    {
        int height = rows.Length, width = rows[0].Length;
        var image = new RasterBuffer<byte>(width, height, 4, Utm, CrsReference.FromEpsg(31985), noData: 0);
        for (int y = 0; y < height; y++)
        {
            for (int x = 0; x < width; x++)
            {
                byte[] pixel = rows[y][x] switch
                {
                    'w' => WaterPixel,
                    'v' => VegetationPixel,
                    'b' => BuiltUpPixel,
                    'n' => [0, 0, 0, 0],
                    var c => throw new ArgumentException($"unknown pixel '{c}'"),
                };
                for (int b = 0; b < 4; b++)
                {
                    image[b, y, x] = pixel[b];
                }
            }
        }

        return image;
    }

    public static ReferenceModelOptions Options() => new()
    {
        BlueBand = 0,
        GreenBand = 1,
        RedBand = 2,
        NirBand = 3,
        WaterThreshold = 0.2,
        VegetationThreshold = 0.2,
        Temperature = 0.05,
        MinPatchPixels = 2,
    };
}
