using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using NetTopologySuite.Geometries;
using Scaneo.Annotations.Polygonize;
using Scaneo.Geo;
using Scaneo.ReferenceModel.Model;
using Scaneo.Rasters;

namespace Scaneo.ReferenceModel.Hosting;

/// <summary>The minimal-API handlers of <see cref="ReferenceModelRoutes"/>.</summary>
internal static class ReferenceModelEndpoints
{
    private const string ModelName = "scaneo-reference-spectral";

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet(ReferenceModelRoutes.Info, WriteInfoAsync);
        app.MapPost(ReferenceModelRoutes.Classification, context => HandleAsync(context, ClassifyAsync));
        app.MapPost(ReferenceModelRoutes.Detection, context => HandleAsync(context, DetectAsync));
        app.MapPost(ReferenceModelRoutes.Segmentation, context => HandleAsync(context, SegmentMaskAsync));
        app.MapPost(ReferenceModelRoutes.SegmentationScores, context => HandleAsync(context, SegmentScoresAsync));
        app.MapPost(ReferenceModelRoutes.Sam, context => HandleAsync(context, SamAsync));
    }

    private static async Task HandleAsync(HttpContext context, Func<HttpContext, ModelRequest, ReferenceModelOptions, Task> reply)
    {
        var options = context.RequestServices.GetRequiredService<ReferenceModelOptions>();
        CancellationToken cancellationToken = context.RequestAborted;
        try
        {
            ModelRequest request = await ModelRequest.ReadAsync(context, options, cancellationToken).ConfigureAwait(false);
            if (options.ResponseDelay > TimeSpan.Zero)
            {
                var time = context.RequestServices.GetRequiredService<TimeProvider>();
                await Task.Delay(options.ResponseDelay, time, cancellationToken).ConfigureAwait(false);
            }

            await reply(context, request, options).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The client went away; nobody is left to answer.
        }
        catch (ModelRequestException ex)
        {
            await ProblemReply.WriteAsync(context, ex.StatusCode, ex.Title, ex.Message).ConfigureAwait(false);
        }
        catch (Microsoft.AspNetCore.Http.BadHttpRequestException ex)
        {
            // Kestrel's own limits (MaxRequestBodySize → 413) and malformed framing.
            await ProblemReply.WriteAsync(context, ex.StatusCode, "Bad request", ex.Message).ConfigureAwait(false);
        }
        catch (ScaneoException ex)
        {
            (int status, string title) = ImageCodec.Classify(ex);
            await ProblemReply.WriteAsync(context, status, title, ex.Message).ConfigureAwait(false);
        }
    }

    private static async Task ClassifyAsync(HttpContext context, ModelRequest request, ReferenceModelOptions options)
    {
        SpectralScores scores = SpectralBaseline.Score(request.Image, options);
        double[] mean = SpectralBaseline.MeanProbabilities(scores);
        await WriteJsonAsync(context, writer =>
        {
            writer.WriteStartArray();
            foreach (double p in mean)
            {
                writer.WriteNumberValue(p);
            }

            writer.WriteEndArray();
        }).ConfigureAwait(false);
    }

    private static async Task DetectAsync(HttpContext context, ModelRequest request, ReferenceModelOptions options)
    {
        SpectralScores scores = SpectralBaseline.Score(request.Image, options);
        IReadOnlyList<Patch> patches = PatchDetector.Detect(scores, options.MinPatchPixels, options.DetectionConnectivity, options.MaxDetections);
        await WriteJsonAsync(context, writer =>
        {
            writer.WriteStartArray();
            foreach (Patch patch in patches)
            {
                writer.WriteStartObject();
                writer.WriteStartArray("bbox");
                writer.WriteNumberValue(patch.X1);
                writer.WriteNumberValue(patch.Y1);
                writer.WriteNumberValue(patch.X2);
                writer.WriteNumberValue(patch.Y2);
                writer.WriteEndArray();
                writer.WriteStartArray("scores");
                foreach (double s in patch.MeanScores)
                {
                    writer.WriteNumberValue(s);
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }).ConfigureAwait(false);
    }

    private static Task SegmentMaskAsync(HttpContext context, ModelRequest request, ReferenceModelOptions options)
    {
        Raster image = request.Image;
        byte[] classes = SpectralBaseline.Classify(image, options, out int valid);
        var mask = new RasterBuffer<byte>(
            classes,
            image.Width,
            image.Height,
            1,
            image.GeoTransform,
            image.Crs,
            valid < classes.Length ? ReferenceClasses.NoDataValue : null);
        return WriteTiffAsync(context, mask);
    }

    private static Task SegmentScoresAsync(HttpContext context, ModelRequest request, ReferenceModelOptions options)
    {
        Raster image = request.Image;
        SpectralScores scores = SpectralBaseline.Score(image, options);
        var raster = new RasterBuffer<float>(
            scores.Probabilities,
            image.Width,
            image.Height,
            ReferenceClasses.Count,
            image.GeoTransform,
            image.Crs,
            scores.HasInvalidPixels ? double.NaN : null);
        return WriteTiffAsync(context, raster);
    }

    private static async Task SamAsync(HttpContext context, ModelRequest request, ReferenceModelOptions options)
    {
        Raster image = request.Image;
        IReadOnlyList<(double Column, double Row)> points = SamFields.ParsePoints(request.Field("points"));
        string? transformText = request.Field("transform");
        string? crsText = request.Field("crs");
        GeoTransform? transform = transformText is null ? image.GeoTransform : SamFields.ParseTransform(transformText);
        CrsReference? crs = crsText is null ? image.Crs : SamFields.ParseCrs(crsText);
        if (transform is not GeoTransform gt || crs is null)
        {
            throw new ModelRequestException(
                StatusCodes.Status400BadRequest,
                "Missing georeferencing",
                $"Expected form fields 'crs' and 'transform' (or a georeferenced GeoTIFF) to place the region on the map; found {(crsText is null ? "no 'crs'" : "'crs'")} and {(transformText is null ? "no 'transform'" : "'transform'")}, and an image {(image.GeoTransform is null ? "without" : "with")} a geotransform.");
        }

        bool[] region = RegionGrower.Grow(image, points, options.SamTolerance);
        int pixels = region.Count(inside => inside);
        IMapTransform? toWgs84 = crs.Equals(CrsReference.Wgs84) ? null : ImageCodec.ToWgs84(crs);
        Geometry geometry = OutlineRegion(region, image.Width, image.Height, gt, crs, toWgs84);
        string? label = request.Field("label");
        context.Response.ContentType = "application/geo+json";
        await WriteJsonAsync(context, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("type", "Feature");
            writer.WritePropertyName("geometry");
            GeoJsonGeometry.Write(writer, geometry);
            writer.WriteStartObject("properties");
            if (label is not null)
            {
                writer.WriteString("label", label);
            }

            writer.WriteString("task", "sam");
            writer.WriteNumber("pixels", pixels);
            writer.WriteString("model", ModelName);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }).ConfigureAwait(false);
    }

    private static async Task WriteInfoAsync(HttpContext context)
    {
        var options = context.RequestServices.GetRequiredService<ReferenceModelOptions>();
        await WriteJsonAsync(context, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("name", ModelName);
            writer.WriteString("description", "Rule-based baseline: NDWI ≥ water threshold → water; else NDVI ≥ vegetation threshold → vegetation; else built-up. Scores: softmax of threshold margins / temperature.");
            writer.WriteStartArray("classes");
            foreach (string name in ReferenceClasses.Names)
            {
                writer.WriteStringValue(name);
            }

            writer.WriteEndArray();
            writer.WriteStartObject("bands");
            WriteBand(writer, "blue", options.BlueBand);
            WriteBand(writer, "green", options.GreenBand);
            WriteBand(writer, "red", options.RedBand);
            WriteBand(writer, "nir", options.NirBand);
            WriteBand(writer, "swir", options.SwirBand);
            writer.WriteEndObject();
            writer.WriteNumber("waterThreshold", options.WaterThreshold);
            writer.WriteNumber("vegetationThreshold", options.VegetationThreshold);
            writer.WriteNumber("temperature", options.Temperature);
            writer.WriteStartObject("routes");
            writer.WriteString("classification", ReferenceModelRoutes.Classification);
            writer.WriteString("detection", ReferenceModelRoutes.Detection);
            writer.WriteString("segmentation", ReferenceModelRoutes.Segmentation);
            writer.WriteString("segmentationScores", ReferenceModelRoutes.SegmentationScores);
            writer.WriteString("sam", ReferenceModelRoutes.Sam);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }).ConfigureAwait(false);

        static void WriteBand(Utf8JsonWriter writer, string role, int? index)
        {
            if (index is int i)
            {
                writer.WriteNumber(role, i);
            }
            else
            {
                writer.WriteNull(role);
            }
        }
    }

    private static async Task WriteJsonAsync(HttpContext context, Action<Utf8JsonWriter> write)
    {
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType ??= "application/json";
        using (var writer = new Utf8JsonWriter(context.Response.BodyWriter))
        {
            write(writer);
        }

        await context.Response.BodyWriter.FlushAsync(context.RequestAborted).ConfigureAwait(false);
    }

    private static async Task WriteTiffAsync(HttpContext context, Raster raster)
    {
        ArraySegment<byte> tiff = ImageCodec.EncodeGeoTiff(raster);
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "image/tiff";
        context.Response.ContentLength = tiff.Count;
        await context.Response.Body.WriteAsync(tiff.AsMemory(), context.RequestAborted).ConfigureAwait(false);
    }
    /// <summary>
    /// The grown region's outline on the map: pixel edges through the geotransform, reprojected vertex by vertex,
    /// one valid Polygon (or MultiPolygon when the region only touches itself at corners).
    /// </summary>
    private static Geometry OutlineRegion(bool[] region, int width, int height, GeoTransform transform, CrsReference crs, IMapTransform? toWgs84)
    {
        var mask = new RasterBuffer<byte>([.. region.Select(inside => inside ? (byte)1 : (byte)0)], width, height, 1, transform, crs);
        var parts = MaskPolygonizer.Polygonize(mask, new PolygonizeOptions
        {
            Connectivity = Connectivity.Eight,
            ExcludedValues = [0],
            IgnoreRasterNoData = true,
            MapTransform = toWgs84,
            GeometryFactory = GeoJsonGeometry.Factory,
        });
        var polygons = parts.SelectMany(p => Enumerable.Range(0, p.Geometry.NumGeometries).Select(i => (Polygon)p.Geometry.GetGeometryN(i))).ToArray();
        return polygons.Length == 1 ? polygons[0] : GeoJsonGeometry.Factory.CreateMultiPolygon(polygons);
    }
}
