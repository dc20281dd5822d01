using System.Text.Json;
using NetTopologySuite.Geometries;
using Scaneo.Annotations.Internal;
using Scaneo.Geo;

namespace Scaneo.Annotations.Exports;

/// <summary>
/// Writes a COCO detection/segmentation file (<see cref="CocoExportOptions.FileName"/> in the output folder) for
/// training pipelines: images, categories from the campaign labels (id = label position + 1), and annotations in
/// PIXEL coordinates of each image (EPSG:4326 → image CRS with <see cref="Reprojection"/> → inverse geotransform), with <c>bbox</c>
/// <c>[x, y, w, h]</c>, <c>segmentation</c>, <c>area</c> and <c>iscrowd</c> = 0. COCO polygons cannot hold holes,
/// so a geometry with holes is written as uncompressed RLE (counts column-major, computed by rasterising the
/// geometry on the image grid: a pixel belongs when its centre is inside) and its area is the pixel count.
/// Classification, points and uncertainty-region annotations have no COCO object form and are not written.
/// </summary>
public sealed class CocoExporter : IAnnotationExporter
{
    private readonly CocoExportOptions _options;
    private readonly TimeProvider _time;

    /// <summary>Initializes an exporter.</summary>
    /// <param name="options">Options (default: new options).</param>
    /// <param name="timeProvider">Clock for the <c>info.date_created</c> field (default <see cref="TimeProvider.System"/>).</param>
    public CocoExporter(CocoExportOptions? options = null, TimeProvider? timeProvider = null)
    {
        _options = options ?? new CocoExportOptions();
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <inheritdoc />
    public string Format => "coco";

    /// <inheritdoc />
    public Task ExportAsync(Campaign campaign, IEnumerable<Annotation> annotations, string outputPath, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(outputPath);
        byte[] json = Write(campaign, annotations);
        return ExportFolder.WriteAsync(
            outputPath,
            (stage, ct) => File.WriteAllBytesAsync(Path.Combine(stage, CocoExportOptions.FileName), json, ct),
            cancellationToken);
    }

    /// <summary>Returns the COCO JSON without writing it.</summary>
    /// <param name="campaign">The campaign.</param>
    /// <param name="annotations">The annotations.</param>
    /// <returns>UTF-8 JSON.</returns>
    /// <exception cref="ScaneoValidationException">An annotated image has no geotransform, or its CRS needs a transform that was not given.</exception>
    public byte[] Write(Campaign campaign, IEnumerable<Annotation> annotations)
    {
        var groups = ExportInput.Group(campaign, annotations);
        var categoryIds = campaign.Labels.Select((l, i) => (l.Name, Id: i + 1)).ToDictionary(x => x.Name, x => x.Id, StringComparer.OrdinalIgnoreCase);
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, JsonWriting.Options(_options.Indented)))
        {
            w.WriteStartObject();
            w.WriteStartObject("info");
            w.WriteString("description", campaign.Name);
            w.WriteString("date_created", _time.GetUtcNow().ToString("O", System.Globalization.CultureInfo.InvariantCulture));
            w.WriteEndObject();
            w.WriteStartArray("images");
            for (int i = 0; i < groups.Count; i++)
            {
                var image = groups[i].Image;
                w.WriteStartObject();
                w.WriteNumber("id", i + 1);
                w.WriteString("file_name", image.Path);
                w.WriteNumber("width", image.Width);
                w.WriteNumber("height", image.Height);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("categories");
            foreach (var label in campaign.Labels)
            {
                w.WriteStartObject();
                w.WriteNumber("id", categoryIds[label.Name]);
                w.WriteString("name", label.Name);
                w.WriteString("supercategory", "label");
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("annotations");
            int annotationId = 1;
            for (int i = 0; i < groups.Count; i++)
            {
                var (image, list) = groups[i];
                var objects = list.Where(a => a.Kind is AnnotationKind.Detection or AnnotationKind.Segmentation && a.Geometry is not null).ToList();
                if (objects.Count == 0)
                {
                    continue;
                }

                Func<Coordinate, Coordinate> toPixel = ToPixel(image);
                foreach (var a in objects)
                {
                    Geometry pixel = MapCoordinates(a.Geometry!, toPixel);
                    WriteAnnotation(w, annotationId++, i + 1, categoryIds[a.Label], a, pixel, image);
                }
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static void WriteAnnotation(Utf8JsonWriter w, int id, int imageId, int categoryId, Annotation a, Geometry pixel, CampaignImage image)
    {
        var env = pixel.EnvelopeInternal;
        var polygons = Enumerable.Range(0, pixel.NumGeometries).Select(pixel.GetGeometryN).OfType<Polygon>().ToList();
        bool hasHoles = polygons.Any(p => p.NumInteriorRings > 0);
        w.WriteStartObject();
        w.WriteNumber("id", id);
        w.WriteNumber("image_id", imageId);
        w.WriteNumber("category_id", categoryId);
        w.WriteStartArray("bbox");
        w.WriteNumberValue(Math.Round(env.MinX, 3));
        w.WriteNumberValue(Math.Round(env.MinY, 3));
        w.WriteNumberValue(Math.Round(env.Width, 3));
        w.WriteNumberValue(Math.Round(env.Height, 3));
        w.WriteEndArray();
        if (hasHoles)
        {
            bool[] mask = CocoRle.Rasterize(pixel, image.Width, image.Height);
            w.WriteStartObject("segmentation");
            w.WriteStartArray("size");
            w.WriteNumberValue(image.Height);
            w.WriteNumberValue(image.Width);
            w.WriteEndArray();
            w.WriteStartArray("counts");
            foreach (int count in CocoRle.EncodeColumnMajor(mask, image.Width, image.Height))
            {
                w.WriteNumberValue(count);
            }

            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteNumber("area", mask.Count(b => b));
        }
        else
        {
            w.WriteStartArray("segmentation");
            foreach (var p in polygons)
            {
                w.WriteStartArray();
                var ring = p.ExteriorRing.Coordinates;
                for (int k = 0; k < ring.Length - 1; k++)
                {
                    w.WriteNumberValue(Math.Round(ring[k].X, 3));
                    w.WriteNumberValue(Math.Round(ring[k].Y, 3));
                }

                w.WriteEndArray();
            }

            w.WriteEndArray();
            w.WriteNumber("area", Math.Round(polygons.Sum(p => p.Area), 3));
        }

        w.WriteNumber("iscrowd", 0);
        if (a.Score is double s)
        {
            w.WriteNumber("score", s);
        }

        w.WriteString("scaneo_id", a.Id);
        w.WriteEndObject();
    }

    private Func<Coordinate, Coordinate> ToPixel(CampaignImage image)
    {
        GeoTransform gt = image.GeoTransform ?? throw new ScaneoValidationException(
            $"CampaignImage({image.Path}).GeoTransform", null, "must be set to express annotations in pixel coordinates.");
        IMapTransform? fromWgs84 = null;
        if (image.Crs?.Epsg != 4326)
        {
            if (image.Crs is null)
            {
                throw new ScaneoValidationException(
                    $"CampaignImage({image.Path}).Crs",
                    null,
                    "must be known to bring EPSG:4326 annotations onto the image grid.");
            }

            fromWgs84 = _options.TransformFromWgs84?.Invoke(image.Crs) ?? Reprojection.Create(CrsReference.Wgs84, image.Crs);
        }

        return c =>
        {
            var (x, y) = fromWgs84 is null ? (c.X, c.Y) : fromWgs84.Transform(c.X, c.Y);
            var (col, row) = gt.MapToPixel(x, y);
            return new Coordinate(col, row);
        };
    }

    private static Geometry MapCoordinates(Geometry geometry, Func<Coordinate, Coordinate> map)
    {
        var copy = geometry.Copy();
        copy.Apply(new CoordinateMapper(map));
        copy.GeometryChanged();
        return copy;
    }

    private sealed class CoordinateMapper(Func<Coordinate, Coordinate> map) : ICoordinateSequenceFilter
    {
        public bool Done => false;

        public bool GeometryChanged => true;

        public void Filter(CoordinateSequence seq, int i)
        {
            var c = map(seq.GetCoordinate(i));
            seq.SetX(i, c.X);
            seq.SetY(i, c.Y);
        }
    }
}
