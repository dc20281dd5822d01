using System.Text.Json;
using Scaneo.Geo;
using Scaneo.Inference.Codecs;
using Scaneo.Inference.Processing;
using Scaneo.Predictions;

namespace Scaneo.Inference.Tests.Codecs;

public class DetectionJsonDecoderTests
{
    private static readonly DetectionDecodeContext Image1024 = new(1024, 1024, null, null, null);

    internal static BoxesReply Decode(string json, DetectionDecodeContext? context = null)
    {
        using var doc = JsonDocument.Parse(json);
        return DetectionJsonDecoder.Decode(doc.RootElement, context ?? Image1024);
    }

    private static void AssertBox(PixelBox box, double minX, double minY, double maxX, double maxY)
    {
        Assert.Equal(minX, box.MinX, 6);
        Assert.Equal(minY, box.MinY, 6);
        Assert.Equal(maxX, box.MaxX, 6);
        Assert.Equal(maxY, box.MaxY, 6);
    }

    [Fact]
    public void Decode_LabelStudioSample_ConvertsPercentToPixels()
    {
        const string json = """
            {"results":[{"model_version":"yolo","score":0.87,
              "result":[{"from_name":"label","to_name":"image","type":"rectanglelabels",
                "value":{"rectanglelabels":["Car"],"x":12.5,"y":40.1,"width":8.2,"height":5.0},"score":0.87}]}]}
            """;
        var box = Assert.Single(Decode(json, new DetectionDecodeContext(200, 100, null, null, null)).Boxes);
        AssertBox(box.Box, 25, 40.1, 25 + 16.4, 45.1);
        Assert.Equal("Car", box.ClassName);
        Assert.Equal(0.87, box.Score);
    }

    [Fact]
    public void Decode_CvatSample_ReadsStringConfidenceAndCorners()
    {
        var box = Assert.Single(Decode("""[{"confidence":"0.87","label":"car","points":[120,45,210,98],"type":"rectangle"}]""").Boxes);
        AssertBox(box.Box, 120, 45, 210, 98);
        Assert.Equal(0.87, box.Score);
        Assert.Equal("car", box.ClassName);
    }

    [Fact]
    public void Decode_CvatPolygonAndMask_UseTheirBoundingBoxes()
    {
        var reply = Decode("""
            [{"confidence":"0.5","label":"a","points":[10,20,30,5,25,40],"type":"polygon"},
             {"confidence":0.6,"label":"b","points":[1,0,1,1,0,0,100,50,102,52],"type":"mask"}]
            """);
        AssertBox(reply.Boxes[0].Box, 10, 5, 30, 40);
        AssertBox(reply.Boxes[1].Box, 100, 50, 102, 52);
    }

    [Fact]
    public void Decode_RoboflowSample_ConvertsCentreBoxes()
    {
        const string json = """
            {"image":{"width":1024,"height":1024},
             "predictions":[{"x":165.0,"y":71.5,"width":90.0,"height":53.0,"confidence":0.87,"class":"car","class_id":2}]}
            """;
        var box = Assert.Single(Decode(json).Boxes);
        AssertBox(box.Box, 120, 45, 210, 98);
        Assert.Equal(2, box.OutputIndex);
        Assert.Equal("car", box.ClassName);
        Assert.Equal(0.87, box.Score);
    }

    [Fact]
    public void Decode_RoboflowOnAResizedImage_ScalesToTheSentImage()
    {
        const string json = """{"image":{"width":512,"height":512},"predictions":[{"x":100,"y":100,"width":20,"height":10,"confidence":0.5,"class_id":0}]}""";
        AssertBox(Assert.Single(Decode(json).Boxes).Box, 180, 190, 220, 210);
    }

    [Fact]
    public void Decode_TorchvisionSample_ReadsParallelArrays()
    {
        var box = Assert.Single(Decode("""{"boxes":[[120,45,210,98]],"labels":[2],"scores":[0.87]}""").Boxes);
        AssertBox(box.Box, 120, 45, 210, 98);
        Assert.Equal(2, box.OutputIndex);
        Assert.Equal(0.87, box.Score);
    }

    [Fact]
    public void Decode_PerClassScoresSample_TakesArgmaxAndKeepsVector()
    {
        var box = Assert.Single(Decode("""[{"bbox":[120,45,210,98],"scores":[0.05,0.87,0.08]}]""").Boxes);
        AssertBox(box.Box, 120, 45, 210, 98);
        Assert.Equal(1, box.OutputIndex);
        Assert.Equal(0.87, box.Score);
        Assert.Equal([0.05, 0.87, 0.08], box.ClassScores!);
    }

    [Fact]
    public void Decode_GeoJsonInRasterCrs_ConvertsWithTheGeotransform()
    {
        var gt = new GeoTransform(288776.25, 28.5, 0, 9120760.75, 0, -28.5);
        var context = new DetectionDecodeContext(100, 100, gt, CrsReference.FromEpsg(31985), null);
        // Pixels (10, 20)–(30, 25) → map coordinates.
        string json = """
            {"type":"FeatureCollection","features":[{"type":"Feature","properties":{"class_id":1,"class_name":"water","score":0.9},
             "geometry":{"type":"Polygon","coordinates":[[[289061.25,9120190.75],[289631.25,9120190.75],[289631.25,9120048.25],[289061.25,9120048.25],[289061.25,9120190.75]]]}}]}
            """;
        var box = Assert.Single(Decode(json, context).Boxes);
        AssertBox(box.Box, 10, 20, 30, 25);
        Assert.Equal(1, box.OutputIndex);
        Assert.Equal("water", box.ClassName);
        Assert.Equal(0.9, box.Score);
    }

    [Fact]
    public void Decode_GeoJsonInWgs84ForWgs84Image_ConvertsWithTheGeotransform()
    {
        var gt = new GeoTransform(10, 0.01, 0, 50, 0, -0.01);
        var context = new DetectionDecodeContext(100, 100, gt, CrsReference.Wgs84, null);
        string json = """{"type":"Feature","properties":{"value":3},"geometry":{"type":"Polygon","coordinates":[[[10.1,49.9],[10.2,49.9],[10.2,49.8],[10.1,49.8],[10.1,49.9]]]}}""";
        AssertBox(Assert.Single(Decode(json, context).Boxes).Box, 10, 10, 20, 20);
    }

    [Fact]
    public void Decode_GeoJsonWithBboxPixel_UsesIt()
    {
        string json = """{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"value":1,"bbox_pixel":[1,2,3,4]},"geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}}]}""";
        AssertBox(Assert.Single(Decode(json).Boxes).Box, 1, 2, 3, 4);
    }

    [Fact]
    public void Decode_GeoJsonInWgs84ForUtmImageWithoutTransforms_FailsClearly()
    {
        var gt = new GeoTransform(288776.25, 28.5, 0, 9120760.75, 0, -28.5);
        var context = new DetectionDecodeContext(100, 100, gt, CrsReference.FromEpsg(31985), null);
        string json = """{"type":"Feature","properties":{"value":3},"geometry":{"type":"Polygon","coordinates":[[[-38.1,-7.9],[-38.0,-7.9],[-38.0,-8.0],[-38.1,-7.9]]]}}""";
        var ex = Assert.Throws<ReplyFormatException>(() => Decode(json, context));
        Assert.Contains("EPSG:4326", ex.Found, StringComparison.Ordinal);
        Assert.Contains("IMapTransformProvider", ex.Found, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_GeoJsonInWgs84ForUtmImage_ReprojectsWithTheDefaultProvider()
    {
        var gt = new GeoTransform(288776.25, 28.5, 0, 9120760.75, 0, -28.5);
        var context = new DetectionDecodeContext(100, 100, gt, CrsReference.FromEpsg(31985), new ReprojectionTransformProvider());
        // Pixels (10, 20)–(30, 25) of the image, converted to EPSG:4326 by gdaltransform (GDAL 3.6).
        string json = """
            {"type":"Feature","properties":{"class_name":"water"},"geometry":{"type":"Polygon","coordinates":[[
              [-34.9136049710805,-7.95498710479788],[-34.9084359798564,-7.95501090036355],
              [-34.9084419395436,-7.95629917496024],[-34.9136109468855,-7.95627537549298],[-34.9136049710805,-7.95498710479788]]]}}
            """;
        var box = Assert.Single(Decode(json, context).Boxes).Box;
        Assert.Equal(10, box.MinX, 2);
        Assert.Equal(20, box.MinY, 2);
        Assert.Equal(30, box.MaxX, 2);
        Assert.Equal(25, box.MaxY, 2);
    }

    [Fact]
    public void Decode_EmptyList_HasNoBoxes()
    {
        Assert.Empty(Decode("[]").Boxes);
    }

    [Theory]
    [InlineData("""{"boxes":[[1,2,3,4]],"labels":[1,2],"scores":[0.5]}""", "different lengths")]
    [InlineData("""[{"bbox":[1,2,3],"scores":[1]}]""", "not 4 numbers")]
    [InlineData("""{"objects": []}""", "an object with keys [objects]")]
    [InlineData("""[{"confidence":"high","label":"car","points":[1,2,3,4],"type":"ellipse"}]""", "type \"ellipse\"")]
    public void Decode_BadShape_SaysWhatWasFound(string json, string found)
    {
        var ex = Assert.Throws<ReplyFormatException>(() => Decode(json));
        Assert.Contains(found, ex.Found, StringComparison.Ordinal);
        Assert.StartsWith("a detection reply", ex.Expected, StringComparison.Ordinal);
    }
}
