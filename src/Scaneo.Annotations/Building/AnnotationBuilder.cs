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
    /// <param name="toWgs84">Transform from the image CRS to EPSG:4326 (default: <see cref="Reprojection.ToWgs84"/> of the image CRS).</param>
    /// <returns>The annotations, in box order.</returns>
    /// <exception cref="ScaneoValidationException">The image has no geotransform, or no CRS to reproject from.</exception>
    public IReadOnlyList<Annotation> FromDetection(CampaignImage image, CampaignModel model, DetectionPrediction prediction, IMapTransform? toWgs84 = null)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(prediction);
        var transform = RequireGeoTransform(image);
        toWgs84 = ResolveToWgs84(image, toWgs84);
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

    /// <summary>
    /// Builds one segmentation annotation per mapped label that has pixels: ONE MultiPolygon of all its pixels
    /// (GDAL polygonize semantics), placed with the image's geotransform (rescaled when the mask is smaller or larger
    /// than the image) and reprojected vertex by vertex to EPSG:4326. Class value 0 is handled like any other class.
    /// The score is the label's mean probability over its pixels when the reply carried class scores.
    /// </summary>
    /// <param name="image">The campaign image; must be georeferenced.</param>
    /// <param name="model">The model with its label mapping.</param>
    /// <param name="prediction">The reply.</param>
    /// <param name="toWgs84">Transform from the image CRS to EPSG:4326 (default: <see cref="Reprojection.ToWgs84"/> of the image CRS).</param>
    /// <param name="cancellationToken">Cancels the polygonization.</param>
    /// <returns>The annotations, in mapping order.</returns>
    /// <exception cref="ScaneoValidationException">The image has no geotransform, or no CRS to reproject from.</exception>
    public IReadOnlyList<Annotation> FromSegmentation(CampaignImage image, CampaignModel model, SegmentationPrediction prediction, IMapTransform? toWgs84 = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(prediction);
        var gt = RequireGeoTransform(image);
        toWgs84 = ResolveToWgs84(image, toWgs84);
        var mask = prediction.ClassMask;
        if (mask.Width != image.Width || mask.Height != image.Height)
        {
            // The mask covers the same ground on another grid: scale the pixel size, keep the corner.
            gt = gt.Scale((double)image.Width / mask.Width, (double)image.Height / mask.Height);
        }

        var (provenance, now) = Provenance(model);
        var result = new List<Annotation>();
        foreach (var segment in Mapper(model).MapSegmentation(prediction, gt, toWgs84, cancellationToken))
        {
            result.Add(new Annotation(
                AnnotationIds.For(image.Path, model.Model.Name, AnnotationKind.Segmentation, segment.Label, 0),
                image.Path,
                segment.Label,
                AnnotationKind.Segmentation,
                segment.Geometry,
                segment.Score,
                provenance,
                now));
        }

        return result;
    }

    /// <summary>
    /// Builds the segmentation annotation of a SAM reply: the geometry (already EPSG:4326) labelled with the label
    /// the prompt asked for. The id is derived from the geometry, so the same reply gives the same id.
    /// </summary>
    /// <param name="image">The campaign image.</param>
    /// <param name="model">The SAM model.</param>
    /// <param name="prediction">The reply.</param>
    /// <param name="label">The campaign label the prompt was for; must be a label of the model's mapping.</param>
    /// <returns>The annotation.</returns>
    /// <exception cref="ScaneoValidationException">The label is not listed by the model's mapping.</exception>
    public Annotation FromSam(CampaignImage image, CampaignModel model, SamPrediction prediction, string label)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(prediction);
        string? canonical = model.Mapping.Labels.FirstOrDefault(l => string.Equals(l, label?.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw new ScaneoValidationException("label", label, $"is not a label of model \"{model.Model.Name}\"'s mapping; expected one of: {string.Join(", ", model.Mapping.Labels)}.");
        var (provenance, now) = Provenance(model);
        string discriminator = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(prediction.Geometry.AsBinary()));
        return new Annotation(
            AnnotationIds.For(image.Path, model.Model.Name, AnnotationKind.Segmentation, canonical, discriminator),
            image.Path,
            canonical,
            AnnotationKind.Segmentation,
            GeoShapes.OrientForGeoJson(prediction.Geometry),
            null,
            provenance,
            now);
    }

    private static LabelMapper Mapper(CampaignModel model) => new(model.Mapping, ModelOutputs.From(model.Model));

    private static GeoTransform RequireGeoTransform(CampaignImage image) =>
        image.GeoTransform ?? throw new ScaneoValidationException(
            $"CampaignImage({image.Path}).GeoTransform",
            null,
            "must be set: boxes and masks are placed on the map through the image's geotransform.");

    private static IMapTransform? ResolveToWgs84(CampaignImage image, IMapTransform? toWgs84)
    {
        if (toWgs84 is not null)
        {
            if (toWgs84.Target.Epsg != 4326)
            {
                throw new ScaneoValidationException("toWgs84.Target", toWgs84.Target.ToString(), "must be EPSG:4326: annotations are stored in WGS 84.");
            }

            return toWgs84;
        }

        if (image.Crs?.Epsg == 4326)
        {
            return null;
        }

        if (image.Crs is null)
        {
            throw new ScaneoValidationException(
                $"CampaignImage({image.Path}).Crs",
                null,
                "must be known (or a transform to WGS 84 given) to place annotations in EPSG:4326.");
        }

        return Reprojection.ToWgs84(image.Crs);
    }

    private (AnnotationProvenance Provenance, DateTimeOffset Now) Provenance(CampaignModel model)
    {
        DateTimeOffset now = _time.GetUtcNow();
        var chain = model.Model.Preprocessing.Concat(model.Model.Postprocessing);
        return (AnnotationProvenance.FromModel(model.Model.Name, model.Model.Version, chain, now), now);
    }
}
