namespace Scaneo.Annotations.Tests.Exports;

/// <summary>Writes a folder the way upstream SCANEO exports it (images + name.geojson + spai.json).</summary>
internal static class UpstreamFolder
{
    public const string Spai = """{"labels": [{"name": "vegetation", "color": "#00ff7b"}, {"name": "water", "color": "#0000FF"}]}""";

    public const string SceneGeoJson = """
        {"type": "FeatureCollection", "features": [
          {"type": "Feature", "geometry": {"type": "Polygon", "coordinates": []}, "properties": {"label": "vegetation", "task": "classification"}},
          {"type": "Feature", "geometry": {"type": "Polygon", "coordinates": [[[10.01, 49.96], [10.03, 49.96], [10.03, 49.98], [10.01, 49.98], [10.01, 49.96]]]},
           "properties": {"label": "water", "task": "detection", "bbox": [[49.96, 10.01], [49.98, 10.03]]}},
          {"type": "Feature", "geometry": {"type": "MultiPolygon", "coordinates": [
             [[[10.0, 49.9], [10.05, 49.9], [10.05, 49.95], [10.0, 49.95], [10.0, 49.9]], [[10.01, 49.91], [10.01, 49.92], [10.02, 49.92], [10.02, 49.91], [10.01, 49.91]]],
             [[[10.06, 49.9], [10.07, 49.9], [10.07, 49.91], [10.06, 49.9]]]]},
           "properties": {"label": "vegetation", "task": "segmentation"}}
        ]}
        """;

    public static string Create()
    {
        string dir = TestData.TempDir();
        File.WriteAllText(Path.Combine(dir, "spai.json"), Spai);
        File.WriteAllBytes(Path.Combine(dir, "scene.tif"), [0x49, 0x49, 0x2a, 0x00]);
        File.WriteAllText(Path.Combine(dir, "scene.geojson"), SceneGeoJson);
        File.WriteAllBytes(Path.Combine(dir, "empty.tiff"), [0x49, 0x49, 0x2a, 0x00]);
        File.WriteAllText(Path.Combine(dir, "notes.txt"), "not an image");
        return dir;
    }
}
