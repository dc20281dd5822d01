using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Scaneo.Cli.Hosting;
using Scaneo.Geo;
using Scaneo.Rasters;

namespace Scaneo.Cli.Commands;

/// <summary><c>scaneo info &lt;raster&gt; [--json] [--stats]</c>: size, type, nodata, CRS, transform and WGS 84 bounds of a raster.</summary>
internal static class InfoCommand
{
    public static Command Create(CliContext context)
    {
        var raster = new Argument<string>("raster") { Description = "A GeoTIFF, PNG or JPEG file (the format is detected from its bytes)." };
        var stats = new Option<bool>("--stats") { Description = "Also compute min, max and mean of every band over valid pixels (reads all pixels)." };
        var command = new Command("info", "Describe a raster: size, bands, pixel type, nodata, CRS, geotransform and WGS 84 bounds.");
        command.Arguments.Add(raster);
        command.Options.Add(stats);
        command.SetAction(parse =>
        {
            string path = parse.GetValue(raster)!;
            if (!File.Exists(path))
            {
                throw new FileNotFoundException($"{path}: no such file.", path);
            }

            var info = RasterFile.ReadInfo(path);
            IReadOnlyList<BandStats>? bandStats = parse.GetValue(stats) ? BandStats.Compute(RasterFile.Read(path)) : null;
            var bounds = RasterFootprint.BoundsWgs84(info);
            if (context.Json)
            {
                context.Out.WriteLine(ToJson(info, bounds, bandStats));
            }
            else
            {
                WriteSummary(context.Out, path, info, bounds, bandStats);
            }

            return ScaneoCli.Success;
        });
        return command;
    }

    private static string ToJson(RasterInfo info, GeoBounds? bounds, IReadOnlyList<BandStats>? bandStats)
    {
        using var buffer = new MemoryStream();
        // Relaxed escaping keeps the WKT readable (quotes stay \", not \u0022); the output is UTF-8 JSON, not HTML.
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteNumber("width", info.Width);
            w.WriteNumber("height", info.Height);
            w.WriteNumber("bands", info.BandCount);
            w.WriteString("dataType", info.DataType.ToName());
            w.WritePropertyName("noData");
            WriteNumberOrNull(w, info.NoData);
            w.WritePropertyName("crs");
            if (info.Crs is null)
            {
                w.WriteNullValue();
            }
            else
            {
                w.WriteStartObject();
                w.WritePropertyName("epsg");
                if (info.Crs.Epsg is int epsg)
                {
                    w.WriteNumberValue(epsg);
                }
                else
                {
                    w.WriteNullValue();
                }

                w.WriteString("wkt", Reprojection.GetWkt(info.Crs));
                w.WriteEndObject();
            }

            w.WritePropertyName("geoTransform");
            WriteArray(w, info.GeoTransform?.ToGdal());
            w.WritePropertyName("boundsWgs84");
            WriteArray(w, bounds?.ToArray());
            if (bandStats is not null)
            {
                w.WriteStartArray("bandStats");
                foreach (var s in bandStats)
                {
                    w.WriteStartObject();
                    w.WritePropertyName("min");
                    WriteNumberOrNull(w, s.Min);
                    w.WritePropertyName("max");
                    WriteNumberOrNull(w, s.Max);
                    w.WritePropertyName("mean");
                    WriteNumberOrNull(w, s.Mean);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
            }

            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteNumberOrNull(Utf8JsonWriter w, double? value)
    {
        // JSON has no NaN literal: a NaN nodata is written as the string "NaN", as GDAL's gdalinfo -json does.
        if (value is not double v)
        {
            w.WriteNullValue();
        }
        else if (double.IsNaN(v))
        {
            w.WriteStringValue("NaN");
        }
        else
        {
            w.WriteNumberValue(v);
        }
    }

    private static void WriteArray(Utf8JsonWriter w, double[]? values)
    {
        if (values is null)
        {
            w.WriteNullValue();
            return;
        }

        w.WriteStartArray();
        foreach (double v in values)
        {
            w.WriteNumberValue(v);
        }

        w.WriteEndArray();
    }

    private static void WriteSummary(TextWriter o, string path, RasterInfo info, GeoBounds? bounds, IReadOnlyList<BandStats>? bandStats)
    {
        var inv = CultureInfo.InvariantCulture;
        o.WriteLine($"File:         {path} ({info.Format})");
        o.WriteLine(string.Create(inv, $"Size:         {info.Width} × {info.Height} pixels, {info.BandCount} band{(info.BandCount == 1 ? string.Empty : "s")}, {info.DataType.ToName()}"));
        o.WriteLine($"NoData:       {(info.NoData is double nd ? nd.ToString("R", inv) : "none")}");
        o.WriteLine($"CRS:          {(info.Crs is null ? "none" : info.Crs.Epsg is int e ? "EPSG:" + e.ToString(inv) : info.Crs.Wkt)}");
        o.WriteLine($"GeoTransform: {(info.GeoTransform?.ToString() ?? "none")}");
        o.WriteLine($"Bounds WGS84: {(bounds?.ToString() ?? "unknown")}");
        if (bandStats is not null)
        {
            for (int b = 0; b < bandStats.Count; b++)
            {
                var s = bandStats[b];
                o.WriteLine(s.Count == 0
                    ? string.Create(inv, $"Band {b + 1}:       no valid pixels")
                    : string.Create(inv, $"Band {b + 1}:       min {s.Min:G6}, max {s.Max:G6}, mean {s.Mean:G6} ({s.Count} valid pixels)"));
            }
        }
    }

    /// <summary>Statistics of one band over valid pixels (not nodata, not NaN).</summary>
    private sealed record BandStats(double? Min, double? Max, double? Mean, long Count)
    {
        public static IReadOnlyList<BandStats> Compute(Raster raster)
        {
            var result = new BandStats[raster.BandCount];
            double? noData = raster.NoData;
            for (int b = 0; b < raster.BandCount; b++)
            {
                double min = double.PositiveInfinity, max = double.NegativeInfinity, sum = 0;
                long count = 0;
                for (int r = 0; r < raster.Height; r++)
                {
                    for (int c = 0; c < raster.Width; c++)
                    {
                        double v = raster.GetValue(b, r, c);
                        if (double.IsNaN(v) || (noData is double nd && v == nd))
                        {
                            continue;
                        }

                        min = Math.Min(min, v);
                        max = Math.Max(max, v);
                        sum += v;
                        count++;
                    }
                }

                result[b] = count == 0 ? new BandStats(null, null, null, 0) : new BandStats(min, max, sum / count, count);
            }

            return result;
        }
    }
}
