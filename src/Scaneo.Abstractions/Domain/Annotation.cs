using System.Globalization;
using NetTopologySuite.Geometries;

namespace Scaneo;

/// <summary>
/// One annotation of one campaign image: a label, what kind of mark it is, its geometry in EPSG:4326 (lon, lat)
/// — none for classification — and who made it.
/// </summary>
public sealed class Annotation
{
    /// <summary>Initializes a new annotation.</summary>
    /// <param name="id">Non-empty identifier, unique within the campaign.</param>
    /// <param name="imagePath">Path of the image relative to the campaign folder.</param>
    /// <param name="label">Campaign label name.</param>
    /// <param name="kind">What the annotation marks.</param>
    /// <param name="geometry">Geometry in EPSG:4326; must be null for classification and non-null otherwise.</param>
    /// <param name="score">Model score, when a model made it; finite.</param>
    /// <param name="provenance">Who made it.</param>
    /// <param name="createdAt">Creation time.</param>
    /// <param name="updatedAt">Last update time (defaults to <paramref name="createdAt"/>).</param>
    /// <exception cref="ScaneoValidationException">A rule is broken; the message names the field.</exception>
    public Annotation(
        string id,
        string imagePath,
        string label,
        AnnotationKind kind,
        Geometry? geometry,
        double? score,
        AnnotationProvenance provenance,
        DateTimeOffset createdAt,
        DateTimeOffset? updatedAt = null)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            throw new ScaneoValidationException("Annotation.Id", id, "must be a non-empty identifier.");
        }

        string field = $"Annotation({id})";
        if (string.IsNullOrWhiteSpace(imagePath))
        {
            throw new ScaneoValidationException(field + ".ImagePath", imagePath, "must be the image path relative to the campaign folder.");
        }

        if (string.IsNullOrWhiteSpace(label))
        {
            throw new ScaneoValidationException(field + ".Label", label, "must be a campaign label name.");
        }

        if (!Enum.IsDefined(kind))
        {
            throw new ScaneoValidationException(field + ".Kind", kind.ToString(), "must be classification, detection, segmentation, points or uncertainty-region.");
        }

        if (kind == AnnotationKind.Classification && geometry is not null)
        {
            throw new ScaneoValidationException(field + ".Geometry", geometry.GeometryType, "must be null for a classification annotation (it labels the whole image).");
        }

        if (kind != AnnotationKind.Classification)
        {
            ValidateGeometry(field + ".Geometry", kind, geometry);
        }

        if (score is double s && !double.IsFinite(s))
        {
            throw new ScaneoValidationException(field + ".Score", s.ToString(CultureInfo.InvariantCulture), "must be a finite number.");
        }

        ArgumentNullException.ThrowIfNull(provenance);
        Id = id;
        ImagePath = imagePath;
        Label = label.Trim();
        Kind = kind;
        Geometry = geometry;
        Score = score;
        Provenance = provenance;
        CreatedAt = createdAt;
        UpdatedAt = updatedAt ?? createdAt;
        if (UpdatedAt < CreatedAt)
        {
            throw new ScaneoValidationException(field + ".UpdatedAt", UpdatedAt.ToString("O", CultureInfo.InvariantCulture), "must not be earlier than CreatedAt.");
        }
    }

    /// <summary>Gets the identifier.</summary>
    public string Id { get; }

    /// <summary>Gets the image path relative to the campaign folder.</summary>
    public string ImagePath { get; }

    /// <summary>Gets the campaign label name.</summary>
    public string Label { get; }

    /// <summary>Gets what the annotation marks.</summary>
    public AnnotationKind Kind { get; }

    /// <summary>Gets the geometry in EPSG:4326 (lon, lat), or <see langword="null"/> for classification.</summary>
    public Geometry? Geometry { get; }

    /// <summary>Gets the model score, if a model made the annotation.</summary>
    public double? Score { get; }

    /// <summary>Gets who made the annotation.</summary>
    public AnnotationProvenance Provenance { get; }

    /// <summary>Gets the creation time.</summary>
    public DateTimeOffset CreatedAt { get; }

    /// <summary>Gets the last update time.</summary>
    public DateTimeOffset UpdatedAt { get; }

    /// <summary>Returns a copy with another label and geometry, as a person's edit (provenance becomes human).</summary>
    /// <param name="label">The new label.</param>
    /// <param name="geometry">The new geometry.</param>
    /// <param name="updatedAt">The edit time.</param>
    /// <returns>The edited annotation.</returns>
    public Annotation EditedBy(string label, Geometry? geometry, DateTimeOffset updatedAt) =>
        new(Id, ImagePath, label, Kind, geometry, null, AnnotationProvenance.Human, CreatedAt, updatedAt);

    private static void ValidateGeometry(string field, AnnotationKind kind, Geometry? geometry)
    {
        if (geometry is null || geometry.IsEmpty)
        {
            throw new ScaneoValidationException(field, geometry?.GeometryType, $"must be a non-empty geometry for a {kind} annotation.");
        }

        bool ok = kind switch
        {
            AnnotationKind.Detection => geometry is Polygon,
            AnnotationKind.Segmentation or AnnotationKind.UncertaintyRegion => geometry is Polygon or MultiPolygon,
            AnnotationKind.Points => geometry is Point or MultiPoint,
            _ => false,
        };
        if (!ok)
        {
            throw new ScaneoValidationException(field, geometry.GeometryType, $"is not a geometry type a {kind} annotation can hold.");
        }

        foreach (var c in geometry.Coordinates)
        {
            if (!double.IsFinite(c.X) || !double.IsFinite(c.Y) || c.X < -180 - 1e-9 || c.X > 180 + 1e-9 || c.Y < -90 - 1e-9 || c.Y > 90 + 1e-9)
            {
                throw new ScaneoValidationException(
                    field,
                    string.Create(CultureInfo.InvariantCulture, $"({c.X}, {c.Y})"),
                    "must be in EPSG:4326 (lon in [-180, 180], lat in [-90, 90]).");
            }
        }
    }
}
