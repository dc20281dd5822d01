using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Scaneo.Annotations.Polygonize;
using Scaneo.Cli.Hosting;
using Scaneo.Geo;
using Scaneo.IO;
using Scaneo.Rasters;

namespace Scaneo.Cli.Commands;

/// <summary>
/// <c>scaneo polygonize</c>: a class mask (GeoTIFF) to a GeoJSON FeatureCollection, one feature per connected
/// region with <c>{"value": v}</c>, streamed with Utf8JsonWriter while the mask is traced.
/// </summary>
internal static class PolygonizeCommand
{
    private const int FlushBytes = 1 << 20;

    public static Command Create(CliContext context)
    {
        var mask = new Argument<FileInfo>("mask") { Description = "Class mask raster (GeoTIFF; band 1 unless --band)." };
        var connectivity = new Option<int>("--connectivity") { Description = "Pixel connectivity of a region: 4 (GDAL's default) or 8.", DefaultValueFactory = _ => 4 };
        var crs = new Option<string>("--crs") { Description = "Output CRS: wgs84 (EPSG:4326, RFC 7946) or source (the raster's CRS).", DefaultValueFactory = _ => "wgs84" };
        var ignore = new Option<string?>("--ignore") { Description = "Comma-separated class values never polygonized (nodata never is), e.g. 0." };
        var sieve = new Option<int>("--sieve") { Description = "Before polygonizing, merge regions smaller than N pixels into their largest neighbour (GDAL sieve)." };
        var minArea = new Option<double>("--min-area") { Description = "Drop regions smaller than N pixels." };
        var simplify = new Option<double>("--simplify") { Description = "Simplify with this tolerance in pixels, keeping shared boundaries identical (coverage simplification)." };
        var band = new Option<int>("--band") { Description = "1-based band holding the class values.", DefaultValueFactory = _ => 1 };
        var threads = new Option<int>("--threads") { Description = "Threads: 1 streams features while tracing; more (0 = every processor) trace strips at once on masks of long runs, same output.", DefaultValueFactory = _ => 1 };
        var output = new Option<FileInfo?>("--out", "-o") { Description = "Output GeoJSON file (written atomically); stdout when absent." };
        var command = new Command("polygonize", "Convert a class mask to GeoJSON polygons: GDAL's regions, always valid, holes kept.")
        {
            mask, connectivity, crs, ignore, sieve, minArea, simplify, band, threads, output,
        };

        command.SetAction((parse, cancellationToken) =>
        {
            FileInfo input = parse.GetValue(mask)!;
            var options = new PolygonizeOptions
            {
                Band = parse.GetValue(band) - 1,
                Connectivity = parse.GetValue(connectivity) switch
                {
                    4 => Connectivity.Four,
                    8 => Connectivity.Eight,
                    int other => throw new CliUsageException($"--connectivity must be 4 or 8, not {other}."),
                },
                ExcludedValues = ParseValues(parse.GetValue(ignore)),
                SieveThreshold = NonNegative("--sieve", parse.GetValue(sieve)),
                MinimumArea = NonNegative("--min-area", parse.GetValue(minArea)),
                SimplifyTolerance = NonNegative("--simplify", parse.GetValue(simplify)),
                MaxDegreeOfParallelism = NonNegative("--threads", parse.GetValue(threads)) switch
                {
                    0 => -1,
                    int n => n,
                },
            };
            if (options.Band < 0)
            {
                throw new CliUsageException($"--band must be 1 or more, not {options.Band + 1}.");
            }

            bool toWgs84 = parse.GetValue(crs)?.ToLowerInvariant() switch
            {
                "wgs84" or "epsg:4326" => true,
                "source" => false,
                string other => throw new CliUsageException($"--crs must be wgs84 or source, not '{other}'."),
                null => true,
            };

            if (!input.Exists)
            {
                throw new CliUsageException($"mask file '{input.FullName}' does not exist.");
            }

            Raster raster = RasterFile.Read(input.FullName, new RasterReadOptions { Bands = [options.Band] });
            // The raster read holds only the chosen band.
            options = options with { Band = 0, MapTransform = toWgs84 ? ToWgs84(raster, input) : null };

            FileInfo? target = parse.GetValue(output);
            var polygonizer = new MaskPolygonizer(options);
            IEnumerable<PolygonizedRegion> regions = polygonizer.PolygonizeStream(raster, cancellationToken);
            CrsReference? outputCrs = toWgs84 ? CrsReference.Wgs84 : raster.Crs;
            if (target is null)
            {
                WriteToText(regions, outputCrs, context.Out);
            }
            else
            {
                WriteAtomically(regions, outputCrs, target.FullName);
            }

            return Task.FromResult(ScaneoCli.Success);
        });
        return command;
    }

    private static IMapTransform ToWgs84(Raster raster, FileInfo input)
    {
        if (raster.Crs is null)
        {
            throw new ScaneoException($"{input.Name} has no CRS, so it cannot be reprojected to WGS 84; use --crs source.");
        }

        return Reprojection.ToWgs84(raster.Crs);
    }

    private static IReadOnlyCollection<int>? ParseValues(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var values = new List<int>();
        foreach (string part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int v))
            {
                throw new CliUsageException($"--ignore takes integer class values separated by commas; '{part}' is not one.");
            }

            values.Add(v);
        }

        return values;
    }

    private static T NonNegative<T>(string name, T value)
        where T : System.Numerics.INumber<T>
    {
        if (value < T.Zero || T.IsNaN(value))
        {
            throw new CliUsageException($"{name} must be 0 or more, not {value}.");
        }

        return value;
    }

    private static void WriteAtomically(IEnumerable<PolygonizedRegion> regions, CrsReference? crs, string path)
    {
        AtomicFile.Write(path, stream =>
        {
            using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { SkipValidation = true });
            WriteCollection(regions, crs, writer, () =>
            {
                if (writer.BytesPending > FlushBytes)
                {
                    writer.Flush();
                }
            });
        });
    }

    private static void WriteToText(IEnumerable<PolygonizedRegion> regions, CrsReference? crs, TextWriter text)
    {
        var buffer = new MemoryStream();
        using var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { SkipValidation = true });
        void Drain()
        {
            writer.Flush();
            text.Write(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
            buffer.SetLength(0);
        }

        WriteCollection(regions, crs, writer, () =>
        {
            if (writer.BytesPending + buffer.Length > FlushBytes)
            {
                Drain();
            }
        });
        Drain();
        text.WriteLine();
        text.Flush();
    }

    private static void WriteCollection(IEnumerable<PolygonizedRegion> regions, CrsReference? crs, Utf8JsonWriter writer, Action afterFeature)
    {
        FeatureCollectionWriter.WriteStart(writer, crs);
        foreach (PolygonizedRegion region in regions)
        {
            writer.WriteStartObject();
            writer.WriteString("type", "Feature");
            writer.WriteStartObject("properties");
            writer.WriteNumber("value", region.Value);
            writer.WriteEndObject();
            writer.WritePropertyName("geometry");
            GeoJsonGeometry.Write(writer, region.Geometry);
            writer.WriteEndObject();
            afterFeature();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.Flush();
    }
}
