using Scaneo.Geo;
using Scaneo.Rasters;

namespace Scaneo.Benchmarks.Polygonize;

/// <summary>
/// Generates the four mask kinds of the anchors (docs/performance.md) in code, deterministically: smooth land
/// cover (thresholded low-frequency value noise), per-pixel random noise (the worst case), thin roads, and a
/// Sentinel-2-sized smooth tile. All are uint8, 10 m pixels, EPSG:32631.
/// </summary>
public static class PolygonizeMasks
{
    /// <summary>Creates the mask of one kind (see <see cref="Kinds"/>).</summary>
    public static RasterBuffer<byte> Create(string kind) => kind switch
    {
        "landcover_2048" => Smooth(2048, 5, cell: 96, seed: 1),
        "noise_1024" => Noise(1024, 3, seed: 2),
        "roads_4096" => Roads(4096, seed: 3),
        "tile_10980" => Smooth(10980, 4, cell: 700, seed: 4),
        _ => throw new ArgumentException("Unknown mask kind " + kind, nameof(kind)),
    };

    /// <summary>The four benchmark masks' names.</summary>
    public static readonly string[] Kinds = ["landcover_2048", "noise_1024", "roads_4096", "tile_10980"];

    /// <summary>Writes every benchmark mask to <c>DIR/&lt;kind&gt;.tif</c> (Deflate), for the anchor script.</summary>
    public static void WriteAll(string directory)
    {
        Directory.CreateDirectory(directory);
        foreach (string kind in Kinds)
        {
            string path = Path.Combine(directory, kind + ".tif");
            RasterFile.WriteGeoTiff(Create(kind), path);
            Console.WriteLine(path);
        }
    }

    public static RasterBuffer<byte> Noise(int size, int classes, int seed)
    {
        var random = new Random(seed);
        var data = new byte[size * size];
        for (int i = 0; i < data.Length; i++)
        {
            data[i] = (byte)random.Next(classes);
        }

        return Wrap(data, size);
    }

    /// <summary>Two octaves of bilinear value noise, cut into equally likely classes.</summary>
    public static RasterBuffer<byte> Smooth(int size, int classes, int cell, int seed)
    {
        var random = new Random(seed);
        var field = new float[size * size];
        foreach ((int c, float weight) in new[] { (cell, 1f), (cell / 4, 0.35f), (cell / 16, 0.12f) })
        {
            int n = (size / c) + 2;
            var grid = new float[n * n];
            for (int i = 0; i < grid.Length; i++)
            {
                grid[i] = (float)random.NextDouble();
            }

            for (int r = 0; r < size; r++)
            {
                int gr = r / c;
                float fr = (r % c) / (float)c;
                for (int col = 0; col < size; col++)
                {
                    int gc = col / c;
                    float fc = (col % c) / (float)c;
                    float top = (grid[(gr * n) + gc] * (1 - fc)) + (grid[(gr * n) + gc + 1] * fc);
                    float bottom = (grid[((gr + 1) * n) + gc] * (1 - fc)) + (grid[((gr + 1) * n) + gc + 1] * fc);
                    field[(r * size) + col] += weight * ((top * (1 - fr)) + (bottom * fr));
                }
            }
        }

        // Quantiles from a sample so that classes are roughly balanced.
        var sample = new float[Math.Min(field.Length, 1 << 16)];
        for (int i = 0; i < sample.Length; i++)
        {
            sample[i] = field[random.Next(field.Length)];
        }

        Array.Sort(sample);
        var cuts = new float[classes - 1];
        for (int k = 0; k < cuts.Length; k++)
        {
            cuts[k] = sample[(k + 1) * sample.Length / classes];
        }

        var data = new byte[size * size];
        for (int i = 0; i < data.Length; i++)
        {
            byte v = 0;
            while (v < cuts.Length && field[i] >= cuts[v])
            {
                v++;
            }

            data[i] = v;
        }

        return Wrap(data, size);
    }

    /// <summary>Thin straight roads (1–3 px) of two classes over background 0.</summary>
    public static RasterBuffer<byte> Roads(int size, int seed)
    {
        var random = new Random(seed);
        var data = new byte[size * size];
        for (int k = 0; k < 160; k++)
        {
            double x0 = random.NextDouble() * size;
            double y0 = random.NextDouble() * size;
            double angle = random.NextDouble() * Math.PI;
            double dx = Math.Cos(angle);
            double dy = Math.Sin(angle);
            int half = random.Next(3);
            byte value = (byte)(1 + random.Next(2));
            for (double t = -size * 1.5; t < size * 1.5; t += 0.5)
            {
                int cx = (int)(x0 + (t * dx));
                int cy = (int)(y0 + (t * dy));
                for (int oy = -half; oy <= half; oy++)
                {
                    for (int ox = -half; ox <= half; ox++)
                    {
                        int x = cx + ox;
                        int y = cy + oy;
                        if ((uint)x < (uint)size && (uint)y < (uint)size)
                        {
                            data[(y * size) + x] = value;
                        }
                    }
                }
            }
        }

        return Wrap(data, size);
    }

    private static RasterBuffer<byte> Wrap(byte[] data, int size) =>
        new(data, size, size, 1, new GeoTransform(500000, 10, 0, 5000000, 0, -10), CrsReference.FromEpsg(32631));
}
