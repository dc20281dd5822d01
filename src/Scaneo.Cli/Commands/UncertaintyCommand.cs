using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Scaneo.ActiveLearning.Areas;
using Scaneo.ActiveLearning.Maps;
using Scaneo.ActiveLearning.Ranking;
using Scaneo.ActiveLearning.Scoring;
using Scaneo.Cli.Hosting;
using Scaneo.Geo;
using Scaneo.IO;
using Scaneo.Rasters;

namespace Scaneo.Cli.Commands;

/// <summary>
/// <c>scaneo uncertainty</c>: a C-band score raster (band = class) to an image uncertainty score, optionally the
/// per-pixel float32 map (<c>--map</c>, the input's georeferencing) and the uncertain regions as GeoJSON
/// (<c>--regions T --out FILE</c>: pixels whose score — or, with <c>--smooth R</c>, whose window mean — is &gt; T).
/// </summary>
internal static class UncertaintyCommand
{
    public static Command Create(CliContext context)
    {
        var scores = new Argument<FileInfo>("scores") { Description = "Score raster (GeoTIFF): one band per class, probabilities unless --logits." };
        var logits = new Option<bool>("--logits") { Description = "The bands are logits (softmax is applied per pixel)." };
        var measure = new Option<string>("--measure") { Description = "entropy (default), margin (as 1 − margin), least-confidence or ratio.", DefaultValueFactory = _ => "entropy" };
        var normalize = new Option<bool>("--normalize") { Description = "Scale the measure to [0, 1] (entropy / ln C, least confidence · C/(C−1))." };
        var aggregate = new Option<string>("--aggregate") { Description = "Image score: mean (default), max, sum or topk:FRACTION (mean of the top fraction of pixels).", DefaultValueFactory = _ => "mean" };
        var map = new Option<FileInfo?>("--map") { Description = "Write the per-pixel float32 uncertainty map (GeoTIFF, nodata NaN) here." };
        var regions = new Option<double?>("--regions") { Description = "Polygonize the pixels whose score is > THRESHOLD into --out." };
        var smooth = new Option<int>("--smooth") { Description = "With --regions: cut the mean over a (2R+1)² window instead of each pixel (0 = off, the default), so speckle becomes coherent zones." };
        var crs = new Option<string>("--crs") { Description = "CRS of the regions: wgs84 (default, RFC 7946) or source.", DefaultValueFactory = _ => "wgs84" };
        var output = new Option<FileInfo?>("--out", "-o") { Description = "GeoJSON file for --regions (written atomically)." };
        var command = new Command("uncertainty", "Score how uncertain a model is on a score raster; write the uncertainty map and the uncertain regions.")
        {
            scores, logits, measure, normalize, aggregate, map, regions, smooth, crs, output,
        };

        command.SetAction(async (parse, cancellationToken) =>
        {
            FileInfo input = parse.GetValue(scores)!;
            UncertaintyMeasure m = ParseMeasure(parse.GetValue(measure));
            ImageAggregation agg;
            try
            {
                agg = ImageAggregation.Parse(parse.GetValue(aggregate) ?? "mean");
            }
            catch (FormatException ex)
            {
                throw new CliUsageException("--aggregate: " + ex.Message);
            }

            double? threshold = parse.GetValue(regions);
            FileInfo? regionsOut = parse.GetValue(output);
            if (threshold is double t && !double.IsFinite(t))
            {
                throw new CliUsageException("--regions needs a finite threshold.");
            }

            if (threshold is not null && regionsOut is null)
            {
                throw new CliUsageException("--regions needs --out REGIONS.geojson.");
            }

            int smoothing = parse.GetValue(smooth);
            if (smoothing < 0)
            {
                throw new CliUsageException($"--smooth needs a radius of 0 or more pixels; found {smoothing}.");
            }

            if (smoothing > 0 && threshold is null)
            {
                throw new CliUsageException("--smooth applies to --regions; give --regions THRESHOLD too.");
            }

            if (threshold is null && regionsOut is not null)
            {
                throw new CliUsageException("--out is the GeoJSON file of --regions; give --regions THRESHOLD too.");
            }

            bool toWgs84 = parse.GetValue(crs)?.ToLowerInvariant() switch
            {
                "wgs84" or "epsg:4326" or null => true,
                "source" => false,
                string other => throw new CliUsageException($"--crs must be wgs84 or source, not '{other}'."),
            };

            if (!input.Exists)
            {
                throw new CliUsageException($"scores file '{input.FullName}' does not exist.");
            }

            RasterBuffer<float> raster = ToFloat(RasterFile.Read(input.FullName));
            var builder = new UncertaintyMapBuilder
            {
                Measure = m,
                Input = parse.GetValue(logits) ? ScoreInput.Logits : ScoreInput.Probabilities,
                Normalize = parse.GetValue(normalize),
            };
            UncertaintyMap result = builder.Build(raster, cancellationToken);
            if (result.ValidPixelCount == 0)
            {
                throw new ScaneoException($"{input.Name}: every pixel is nodata, so there is nothing to score.");
            }

            double score = result.Aggregate(agg);
            FileInfo? mapOut = parse.GetValue(map);
            if (mapOut is not null)
            {
                RasterFile.WriteGeoTiff(result.Raster, mapOut.FullName);
            }

            UncertainAreas? areas = null;
            if (threshold is double cut)
            {
                if (toWgs84 && raster.Crs is null)
                {
                    throw new ScaneoException($"{input.Name} has no CRS, so regions cannot be reprojected to WGS 84; use --crs source.");
                }

                var finder = new UncertainAreaFinder
                {
                    Threshold = UncertaintyThreshold.Absolute(cut),
                    SmoothingRadius = smoothing,
                    MapTransform = toWgs84 ? Reprojection.ToWgs84(raster.Crs!) : null,
                };
                areas = finder.Find(result.Raster, cancellationToken);
                WriteRegionsAtomically(areas, toWgs84 ? CrsReference.Wgs84 : raster.Crs, regionsOut!.FullName);
            }

            string measureName = CampaignRanker.MeasureName(m);
            if (context.Json)
            {
                WriteJson(context.Out, measureName, agg, score, result, areas, threshold, mapOut, regionsOut);
            }
            else
            {
                await context.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{measureName} {agg} {score:R}")).ConfigureAwait(false);
                if (areas is not null)
                {
                    await context.Out.WriteLineAsync(string.Create(
                        CultureInfo.InvariantCulture,
                        $"{areas.Regions.Count} uncertain regions (score > {threshold:R}, {areas.UncertainFraction:P2} of valid pixels) → {regionsOut!.Name}")).ConfigureAwait(false);
                }
            }

            return ScaneoCli.Success;
        });
        return command;
    }

    private static UncertaintyMeasure ParseMeasure(string? text) => text?.ToLowerInvariant() switch
    {
        "entropy" or null => UncertaintyMeasure.Entropy,
        "margin" => UncertaintyMeasure.Margin,
        "least-confidence" or "lc" => UncertaintyMeasure.LeastConfidence,
        "ratio" => UncertaintyMeasure.Ratio,
        string other => throw new CliUsageException($"--measure must be entropy, margin, least-confidence or ratio, not '{other}'."),
    };

    private static RasterBuffer<float> ToFloat(Raster raster)
    {
        if (raster is RasterBuffer<float> f)
        {
            return f;
        }

        // Other pixel types (float64 scores, uint8 probabilities stored as 0/1, …) are converted value by value.
        var copy = new RasterBuffer<float>(raster.Width, raster.Height, raster.BandCount, raster.GeoTransform, raster.Crs, raster.NoData);
        Span<float> data = copy.Data;
        int i = 0;
        for (int b = 0; b < raster.BandCount; b++)
        {
            for (int r = 0; r < raster.Height; r++)
            {
                for (int c = 0; c < raster.Width; c++)
                {
                    data[i++] = (float)raster.GetValue(b, r, c);
                }
            }
        }

        return copy;
    }

    private static void WriteJson(TextWriter text, string measure, ImageAggregation agg, double score, UncertaintyMap map, UncertainAreas? areas, double? threshold, FileInfo? mapOut, FileInfo? regionsOut)
    {
        JsonOutput.Write(text, w =>
        {
            w.WriteStartObject();
            w.WriteString("measure", measure);
            w.WriteString("aggregate", agg.ToString());
            w.WriteNumber("score", score);
            w.WriteBoolean("normalized", map.Normalized);
            w.WriteString("input", map.Input == ScoreInput.Logits ? "logits" : "probabilities");
            w.WriteNumber("classes", map.Scores.BandCount);
            w.WriteNumber("width", map.Raster.Width);
            w.WriteNumber("height", map.Raster.Height);
            w.WriteNumber("validPixels", map.ValidPixelCount);
            w.WriteNumber("mean", map.Mean);
            w.WriteNumber("max", map.Max);
            if (mapOut is not null)
            {
                w.WriteString("map", mapOut.FullName);
            }

            if (areas is not null)
            {
                w.WriteNumber("regionThreshold", threshold!.Value);
                w.WriteNumber("regions", areas.Regions.Count);
                w.WriteNumber("uncertainPixels", areas.UncertainPixelCount);
                w.WriteNumber("uncertainFraction", areas.UncertainFraction);
                w.WriteString("regionsFile", regionsOut!.FullName);
            }

            w.WriteEndObject();
        });
    }

    private static void WriteRegionsAtomically(UncertainAreas areas, CrsReference? crs, string path)
    {
        AtomicFile.Write(path, stream =>
        {
            using var w = new Utf8JsonWriter(stream);
            FeatureCollectionWriter.WriteStart(w, crs);
            foreach (UncertainRegion region in areas.Regions)
            {
                w.WriteStartObject();
                w.WriteString("type", "Feature");
                w.WriteStartObject("properties");
                w.WriteNumber("meanScore", region.MeanScore);
                w.WriteNumber("maxScore", region.MaxScore);
                w.WriteNumber("pixels", region.PixelCount);
                w.WriteEndObject();
                w.WritePropertyName("geometry");
                GeoJsonGeometry.Write(w, region.Geometry);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
    }
}
