using BenchmarkDotNet.Attributes;
using Scaneo.Geo;
using Scaneo.Rasters;

namespace Scaneo.Benchmarks.Rasters;

/// <summary>
/// Reading Deflate GeoTIFFs: a 10980 × 10980 uint8 mask in one-row strips without predictor (as
/// gdal_translate -co COMPRESS=DEFLATE writes it; rasterio reads it in 0.41 s on the project machine) and a
/// 13-band uint16 stack in 256 × 256 pixel-interleaved tiles with horizontal predictor (inflated with libdeflate
/// where the machine has it, and once more with the zlib fallback).
/// The files are generated with our writer in <see cref="Setup"/>.
/// </summary>
[MemoryDiagnoser]
public class GeoTiffReadBenchmarks
{
    private string _directory = string.Empty;
    private string _mask = string.Empty;
    private string _stack = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        _directory = Path.Combine(Path.GetTempPath(), "scaneo-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_directory);
        var transform = new GeoTransform(600000, 10, 0, 5000040, 0, -10);
        var crs = CrsReference.FromEpsg(32631);

        // Four smooth classes, like a land-cover mask of a Sentinel-2 tile.
        const int size = 10980;
        var mask = new byte[size * size];
        for (int r = 0; r < size; r++)
        {
            for (int c = 0; c < size; c++)
            {
                double v = Math.Sin(r / 700.0) + Math.Cos(c / 900.0) + Math.Sin((r + c) / 1500.0);
                mask[(r * size) + c] = (byte)(v < -1 ? 0 : v < 0 ? 1 : v < 1 ? 2 : 3);
            }
        }

        _mask = Path.Combine(_directory, "mask_10980.tif");
        RasterFile.WriteGeoTiff(
            new RasterBuffer<byte>(mask, size, size, 1, transform, crs),
            _mask,
            new GeoTiffWriteOptions { Tiled = false, RowsPerStrip = 1, UsePredictor = false });

        // 13 bands × 2048 × 2048 uint16 reflectances with texture.
        const int side = 2048;
        var stack = new ushort[13 * side * side];
        var random = new Random(42);
        for (int i = 0; i < stack.Length; i++)
        {
            int band = i / (side * side);
            int p = i % (side * side);
            stack[i] = (ushort)(1000 + (band * 150) + ((p / side) % 300) + ((p % side) % 200) + random.Next(64));
        }

        _stack = Path.Combine(_directory, "stack_13band.tif");
        RasterFile.WriteGeoTiff(new RasterBuffer<ushort>(stack, side, side, 13, transform, crs), _stack, new GeoTiffWriteOptions { Tiled = true, TileSize = 256 });
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_directory, recursive: true);

    [Benchmark]
    public Raster Mask10980OneRowStrips() => RasterFile.Read(_mask);

    [Benchmark]
    public Raster Stack13BandUInt16Tiled() => RasterFile.Read(_stack);

    /// <summary>The same stack with libdeflate switched off: the System.IO.Compression (zlib) fallback.</summary>
    /// <returns>The raster.</returns>
    [Benchmark]
    public Raster Stack13BandUInt16TiledZlib()
    {
        AppContext.SetSwitch("Scaneo.Rasters.DisableLibDeflate", true);
        try
        {
            return RasterFile.Read(_stack);
        }
        finally
        {
            AppContext.SetSwitch("Scaneo.Rasters.DisableLibDeflate", false);
        }
    }

    [Benchmark]
    public Raster Stack13BandWindowThreeBands() =>
        RasterFile.Read(_stack, new RasterReadOptions { Window = new RasterWindow(512, 512, 1024, 1024), Bands = [1, 2, 3] });
}
