using NetTopologySuite.Geometries;
using Scaneo.Geo;

namespace Scaneo.Annotations.Tests;

/// <summary>Shared fixtures: a small campaign georeferenced in EPSG:4326 and helpers.</summary>
internal static class TestData
{
    public static readonly DateTimeOffset Now = new(2026, 11, 26, 6, 0, 0, TimeSpan.Zero);

    public static readonly Label[] Labels = [new("water", "#0000ff"), new("urban", "#ff0000"), new("forest", "#00ff00")];

    // 100 × 80 pixels of 0.001° starting at (10°E, 50°N), north-up.
    public static readonly GeoTransform Gt = new(10, 0.001, 0, 50, 0, -0.001);

    public static CampaignImage Image(string path = "scene.tif") =>
        new(path, 100, 80, 3, Rasters.RasterDataType.UInt8, CrsReference.Wgs84, Gt, new GeoBounds(10, 49.92, 10.1, 50));

    public static ModelDefinition Model(string name = "unet", ModelTask? task = null, IEnumerable<string>? names = null, int? count = null) =>
        new(name, new Uri("http://localhost:9/predict"), task ?? ModelTask.Segmentation, version: "1.2", preprocessing: ["S2RGB"], postprocessing: ["Argmax"], outputCount: count, outputNames: names);

    public static LabelMapping Mapping(params (string Label, int? Index)[] entries) =>
        LabelMapping.FromIndexes(entries.Select(e => new KeyValuePair<string, int?>(e.Label, e.Index)));

    public static Campaign Campaign(params CampaignImage[] images) =>
        new("camp", "Test campaign", Labels, images.Length == 0 ? [Image()] : images);

    public static Polygon Box(double minLon, double minLat, double maxLon, double maxLat) =>
        GeoJsonGeometry.Factory.CreatePolygon([new(minLon, minLat), new(maxLon, minLat), new(maxLon, maxLat), new(minLon, maxLat), new(minLon, minLat)]);

    public static Annotation Human(string id, string label, AnnotationKind kind, Geometry? geometry, string image = "scene.tif") =>
        new(id, image, label, kind, geometry, null, AnnotationProvenance.Human, Now);

    public static Annotation Predicted(string id, string label, AnnotationKind kind, Geometry? geometry, string model = "unet", string image = "scene.tif", double score = 0.9) =>
        new(id, image, label, kind, geometry, score, AnnotationProvenance.FromModel(model, "1.2", ["S2RGB"], Now), Now);

    public static string TempDir()
    {
        string dir = Path.Combine(Path.GetTempPath(), "scaneo-ann-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }
}

/// <summary>An affine stand-in for a CRS transform (tests must not depend on the rasters helper).</summary>
internal sealed class AffineMapTransform(CrsReference source, CrsReference target, double scale, double dx, double dy) : IMapTransform
{
    public CrsReference Source { get; } = source;

    public CrsReference Target { get; } = target;

    public (double X, double Y) Transform(double x, double y) => ((x * scale) + dx, (y * scale) + dy);

    public void Transform(Span<double> x, Span<double> y)
    {
        for (int i = 0; i < x.Length; i++)
        {
            (x[i], y[i]) = Transform(x[i], y[i]);
        }
    }

    public AffineMapTransform Inverse() => new(Target, Source, 1 / scale, -dx / scale, -dy / scale);
}
