using NetTopologySuite.Geometries;
using Scaneo.Annotations.Internal;
using Scaneo.Annotations.Mapping;
using Scaneo.Geo;
using Scaneo.Predictions;

namespace Scaneo.Annotations.Building;

/// <summary>
/// Turns model predictions into editable annotations through the campaign's label mapping. Annotations carry
/// model provenance (name, version, processing chain, time from the injected <see cref="TimeProvider"/>) and
/// deterministic ids, so re-running a model on an image yields the same ids (see <see cref="AnnotationSet.Merge"/>).
/// </summary>
public sealed class AnnotationBuilder
{
    private readonly TimeProvider _time;
    private readonly AnnotationBuilderOptions _options;

    /// <summary>Initializes a builder.</summary>
    /// <param name="timeProvider">Clock for provenance times (default <see cref="TimeProvider.System"/>).</param>
    /// <param name="options">Options (default: new options).</param>
    public AnnotationBuilder(TimeProvider? timeProvider = null, AnnotationBuilderOptions? options = null)
    {
        _time = timeProvider ?? TimeProvider.System;
        _options = options ?? new AnnotationBuilderOptions();
    }

    /// <summary>Builds the classification annotation of an image: the top mapped label and its score.</summary>
    /// <param name="image">The campaign image.</param>
    /// <param name="model">The model with its label mapping.</param>
    /// <param name="prediction">The reply.</param>
    /// <returns>One annotation without geometry.</returns>
    /// <exception cref="LabelMappingException">The mapping does not fit the reply.</exception>
    public Annotation FromClassification(CampaignImage image, CampaignModel model, ClassificationPrediction prediction)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(prediction);
        var mapped = Mapper(model).MapClassification(prediction, _options.RenormalizeClassification);
        var (provenance, now) = Provenance(model);
        return new Annotation(
            AnnotationIds.For(image.Path, model.Model.Name, AnnotationKind.Classification, string.Empty, 0),
            image.Path,
            mapped.Label,
            AnnotationKind.Classification,
            null,
            mapped.Score,
            provenance,
            now);
    }

    /// <summary>
    /// Builds one detection annotation per box whose class is mapped: the box's pixel corners go through the image's
    /// geotransform and then <paramref name="toWgs84"/> to an EPSG:4326 polygon. Boxes from a reply for a resized
    /// image are scaled back to the image grid.
    /// </summary>
    /// <param name="image">The campaign image; must be georeferenced.</param>
    /// <param name="model">The model with its label mapping.</param>
    /// <param name="prediction">The reply.</param>
    /// <param name="toWgs84">Transform from the image CRS to EPSG:4326; may be null only when the image is in EPSG:4326.</param>
    /// <returns>The annotations, in box order.</returns>
    /// <exception cref="ScaneoValidationException">The image has no geotransform, or no transform to WGS 84 was given.</exception>
    public IReadOnlyList<Annotation> FromDetection(CampaignImage image, CampaignModel model, DetectionPrediction prediction, IMapTransform? toWgs84 = null)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(prediction);
        var transform = RequireGeoTransform(image);
        RequireWgs84Transform(image, toWgs84);
        double sx = (double)image.Width / prediction.ImageWidth;
        double sy = (double)image.Height / prediction.ImageHeight;
        var (provenance, now) = Provenance(model);
        var result = new List<Annotation>();
        foreach (var d in Mapper(model).MapDetection(prediction))
        {
            if (d.Score < _options.MinimumDetectionScore)
            {
                continue;
            }

            var b = d.Box;
            (double, double)[] corners =
            [
                (b.MinX * sx, b.MinY * sy), (b.MaxX * sx, b.MinY * sy), (b.MaxX * sx, b.MaxY * sy), (b.MinX * sx, b.MaxY * sy), (b.MinX * sx, b.MinY * sy),
            ];
            Polygon polygon = GeoShapes.CcwPolygon(GeoShapes.PixelToWgs84(corners, transform, toWgs84));
            result.Add(new Annotation(
                AnnotationIds.For(image.Path, model.Model.Name, AnnotationKind.Detection, d.Label, d.BoxIndex),
                image.Path,
                d.Label,
                AnnotationKind.Detection,
                polygon,
                d.Score,
                provenance,
                now));
        }

        return result;
    }

    private static LabelMapper Mapper(CampaignModel model) => new(model.Mapping, ModelOutputs.From(model.Model));

    private static GeoTransform RequireGeoTransform(CampaignImage image) =>
        image.GeoTransform ?? throw new ScaneoValidationException(
            $"CampaignImage({image.Path}).GeoTransform",
            null,
            "must be set: boxes and masks are placed on the map through the image's geotransform.");

    private static void RequireWgs84Transform(CampaignImage image, IMapTransform? toWgs84)
    {
        if (toWgs84 is not null)
        {
            if (toWgs84.Target.Epsg != 4326)
            {
                throw new ScaneoValidationException("toWgs84.Target", toWgs84.Target.ToString(), "must be EPSG:4326: annotations are stored in WGS 84.");
            }

            return;
        }

        if (image.Crs?.Epsg != 4326)
        {
            throw new ScaneoValidationException(
                $"CampaignImage({image.Path}).Crs",
                image.Crs?.ToString(),
                "is not EPSG:4326, so a transform to WGS 84 (IMapTransform) must be given.");
        }
    }

    private (AnnotationProvenance Provenance, DateTimeOffset Now) Provenance(CampaignModel model)
    {
        DateTimeOffset now = _time.GetUtcNow();
        var chain = model.Model.Preprocessing.Concat(model.Model.Postprocessing);
        return (AnnotationProvenance.FromModel(model.Model.Name, model.Model.Version, chain, now), now);
    }
}
