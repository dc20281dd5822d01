using NetTopologySuite.Geometries;
using Scaneo.ActiveLearning.Ranking;
using Scaneo.Cli.Overlays;
using Scaneo.Geo;
using Scaneo.Rasters;

namespace Scaneo.Cli.Labelling;

/// <summary>Builds the overlay scene of one image: its annotations moved back from EPSG:4326 to pixel space.</summary>
internal static class OverlayComposer
{
    public static OverlayScene Compose(Campaign campaign, ImageOutcome outcome, Raster image, IReadOnlyList<Annotation> annotations, RankedImage? rank)
    {
        var toPixels = PixelProjector(outcome.Image);
        var shapes = new List<OverlayShape>();
        var areas = new List<OverlayShape>();
        foreach (var annotation in annotations)
        {
            if (annotation.Geometry is null || toPixels is null)
            {
                continue;
            }

            string color = annotation.Kind == AnnotationKind.UncertaintyRegion ? "#ffffff" : campaign.FindLabel(annotation.Label)?.Color ?? "#999999";
            var shape = new OverlayShape(annotation.Label, color, Rings(annotation.Geometry, toPixels));
            (annotation.Kind == AnnotationKind.UncertaintyRegion ? areas : shapes).Add(shape);
        }

        var legend = campaign.Labels
            .Select(l => new LegendEntry(l.Name, l.Color, Describe(annotations.Where(a => a.Kind != AnnotationKind.UncertaintyRegion && string.Equals(a.Label, l.Name, StringComparison.OrdinalIgnoreCase)).ToList())))
            .ToList();
        var classification = annotations.FirstOrDefault(a => a.Kind == AnnotationKind.Classification);
        string subtitle = string.Join("   ·   ", new[]
        {
            classification is null ? null : FormattableString.Invariant($"classified as {classification.Label} ({classification.Score:0.00})"),
            rank is null ? null : FormattableString.Invariant($"label-next rank {rank.Rank} — {rank.Measure} {rank.Score:0.000}, {rank.UncertainAreaFraction ?? 0:P0} of the image uncertain"),
        }.Where(s => s is not null));
        float[]? heat = outcome.UncertaintyMap?.Raster.GetBand(0).ToArray();
        return new OverlayScene(image.Width, image.Height, NaturalColor.ToRgb(image), shapes, areas, heat, legend, outcome.Image.Path, subtitle);
    }

    private static string Describe(IReadOnlyList<Annotation> annotations)
    {
        int detections = annotations.Count(a => a.Kind == AnnotationKind.Detection);
        int areas = annotations.Count(a => a.Kind == AnnotationKind.Segmentation);
        bool classified = annotations.Any(a => a.Kind == AnnotationKind.Classification);
        var parts = new List<string>();
        if (classified)
        {
            parts.Add("image class");
        }

        if (areas > 0)
        {
            parts.Add($"{areas} segmentation");
        }

        if (detections > 0)
        {
            parts.Add($"{detections} boxes");
        }

        return parts.Count == 0 ? "—" : string.Join(", ", parts);
    }

    private static Func<Coordinate, PixelPoint>? PixelProjector(CampaignImage image)
    {
        if (image.GeoTransform is not GeoTransform transform || image.Crs is not CrsReference crs || !Reprojection.IsSupported(crs))
        {
            return null;
        }

        var fromWgs84 = Reprojection.Create(CrsReference.Wgs84, crs);
        return c =>
        {
            var (x, y) = fromWgs84.Transform(c.X, c.Y);
            var (col, row) = transform.MapToPixel(x, y);
            return new PixelPoint(col, row);
        };
    }

    private static List<IReadOnlyList<PixelPoint>> Rings(Geometry geometry, Func<Coordinate, PixelPoint> toPixels)
    {
        var rings = new List<IReadOnlyList<PixelPoint>>();
        for (int g = 0; g < geometry.NumGeometries; g++)
        {
            if (geometry.GetGeometryN(g) is not Polygon polygon)
            {
                continue;
            }

            rings.Add(polygon.ExteriorRing.Coordinates.Select(toPixels).ToList());
            for (int h = 0; h < polygon.NumInteriorRings; h++)
            {
                rings.Add(polygon.GetInteriorRingN(h).Coordinates.Select(toPixels).ToList());
            }
        }

        return rings;
    }
}
