using NetTopologySuite.Geometries;
using Scaneo.Geo;

namespace Scaneo.Abstractions.Tests.Domain;

public class AnnotationTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);
    private static readonly GeometryFactory Factory = GeoJsonGeometry.Factory;
    private static readonly Polygon Box = (Polygon)Factory.ToGeometry(new Envelope(-35.1, -35.0, -7.9, -7.8));
    private static readonly Point Pt = Factory.CreatePoint(new Coordinate(-35.05, -7.85));

    private static Annotation Make(
        string id = "a1",
        string imagePath = "L7_ETMs.tif",
        string label = "water",
        AnnotationKind kind = AnnotationKind.Segmentation,
        Geometry? geometry = null,
        double? score = null,
        AnnotationProvenance? provenance = null,
        DateTimeOffset? updatedAt = null,
        bool noGeometry = false) =>
        new(id, imagePath, label, kind, noGeometry ? null : geometry ?? Box, score, provenance ?? AnnotationProvenance.Human, T0, updatedAt);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ")]
    public void Constructor_EmptyId_ThrowsNamingField(string? id)
    {
        Assert.Equal("Annotation.Id", Assert.Throws<ScaneoValidationException>(() => Make(id: id!)).Field);
    }

    [Fact]
    public void Constructor_EmptyImagePath_ThrowsNamingField()
    {
        Assert.Equal("Annotation(a1).ImagePath", Assert.Throws<ScaneoValidationException>(() => Make(imagePath: "")).Field);
    }

    [Fact]
    public void Constructor_EmptyLabel_ThrowsNamingField()
    {
        Assert.Equal("Annotation(a1).Label", Assert.Throws<ScaneoValidationException>(() => Make(label: " ")).Field);
    }

    [Fact]
    public void Constructor_UndefinedKind_Throws()
    {
        Assert.Equal("Annotation(a1).Kind", Assert.Throws<ScaneoValidationException>(() => Make(kind: (AnnotationKind)42)).Field);
    }

    [Fact]
    public void Constructor_ClassificationWithGeometry_Throws()
    {
        var ex = Assert.Throws<ScaneoValidationException>(() => Make(kind: AnnotationKind.Classification, geometry: Box));
        Assert.Equal("Annotation(a1).Geometry", ex.Field);
    }

    [Fact]
    public void Constructor_ClassificationWithoutGeometry_IsAccepted()
    {
        var a = Make(kind: AnnotationKind.Classification, noGeometry: true, score: 0.9, provenance: AnnotationProvenance.FromModel("m", null, null, T0));
        Assert.Null(a.Geometry);
        Assert.Equal(0.9, a.Score);
        Assert.Equal(T0, a.UpdatedAt);
    }

    [Theory]
    [InlineData(AnnotationKind.Detection)]
    [InlineData(AnnotationKind.Segmentation)]
    [InlineData(AnnotationKind.Points)]
    [InlineData(AnnotationKind.UncertaintyRegion)]
    public void Constructor_MissingOrEmptyGeometry_Throws(AnnotationKind kind)
    {
        Assert.Equal("Annotation(a1).Geometry", Assert.Throws<ScaneoValidationException>(() => Make(kind: kind, noGeometry: true)).Field);
        Assert.Equal("Annotation(a1).Geometry", Assert.Throws<ScaneoValidationException>(() => Make(kind: kind, geometry: Factory.CreatePolygon())).Field);
    }

    [Theory]
    [InlineData(AnnotationKind.Detection, "point")]
    [InlineData(AnnotationKind.Detection, "multipolygon")]
    [InlineData(AnnotationKind.Segmentation, "point")]
    [InlineData(AnnotationKind.UncertaintyRegion, "line")]
    [InlineData(AnnotationKind.Points, "polygon")]
    public void Constructor_GeometryTypeNotAllowedForKind_Throws(AnnotationKind kind, string type)
    {
        Geometry geometry = type switch
        {
            "point" => Pt,
            "line" => Factory.CreateLineString([new Coordinate(0, 0), new Coordinate(1, 1)]),
            "multipolygon" => Factory.CreateMultiPolygon([Box]),
            _ => Box,
        };
        var ex = Assert.Throws<ScaneoValidationException>(() => Make(kind: kind, geometry: geometry));
        Assert.Equal("Annotation(a1).Geometry", ex.Field);
        Assert.Contains("geometry type", ex.Rule, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(AnnotationKind.Segmentation, "multipolygon")]
    [InlineData(AnnotationKind.UncertaintyRegion, "polygon")]
    [InlineData(AnnotationKind.Points, "point")]
    [InlineData(AnnotationKind.Points, "multipoint")]
    [InlineData(AnnotationKind.Detection, "polygon")]
    public void Constructor_GeometryTypeAllowedForKind_IsAccepted(AnnotationKind kind, string type)
    {
        Geometry geometry = type switch
        {
            "point" => Pt,
            "multipoint" => Factory.CreateMultiPoint([Pt]),
            "multipolygon" => Factory.CreateMultiPolygon([Box]),
            _ => Box,
        };
        Assert.Same(geometry, Make(kind: kind, geometry: geometry).Geometry);
    }

    [Theory]
    [InlineData(500000, 9000000)]
    [InlineData(-180.5, 0)]
    [InlineData(0, 90.5)]
    [InlineData(double.NaN, 0)]
    public void Constructor_CoordinatesOutsideWgs84_Throw(double x, double y)
    {
        var ex = Assert.Throws<ScaneoValidationException>(() =>
            Make(kind: AnnotationKind.Points, geometry: Factory.CreatePoint(new Coordinate(x, y))));
        Assert.Equal("Annotation(a1).Geometry", ex.Field);
        Assert.Contains("EPSG:4326", ex.Rule, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Constructor_NonFiniteScore_Throws(double score)
    {
        Assert.Equal("Annotation(a1).Score", Assert.Throws<ScaneoValidationException>(() => Make(score: score)).Field);
    }

    [Fact]
    public void Constructor_NullProvenance_ThrowsArgumentNull()
    {
        Assert.Throws<ArgumentNullException>(() =>
            new Annotation("a1", "x.tif", "water", AnnotationKind.Segmentation, Box, null, null!, T0));
    }

    [Fact]
    public void Constructor_UpdatedBeforeCreated_Throws()
    {
        Assert.Equal("Annotation(a1).UpdatedAt", Assert.Throws<ScaneoValidationException>(() => Make(updatedAt: T0.AddSeconds(-1))).Field);
    }

    [Fact]
    public void EditedBy_ModelAnnotation_BecomesHumanWithoutScore()
    {
        var predicted = Make(score: 0.7, provenance: AnnotationProvenance.FromModel("seg", "1", ["Argmax"], T0));
        var edited = predicted.EditedBy(" urban ", Box, T0.AddMinutes(5));
        Assert.True(edited.Provenance.IsHuman);
        Assert.Null(edited.Score);
        Assert.Equal("urban", edited.Label);
        Assert.Equal(T0, edited.CreatedAt);
        Assert.Equal(T0.AddMinutes(5), edited.UpdatedAt);
        Assert.Throws<ScaneoValidationException>(() => predicted.EditedBy("urban", Box, T0.AddMinutes(-5)));
    }
}
