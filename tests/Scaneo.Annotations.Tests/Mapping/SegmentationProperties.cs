using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Scaneo.Annotations.Mapping;
using Scaneo.Geo;
using Scaneo.Predictions;
using Scaneo.Rasters;

namespace Scaneo.Annotations.Tests.Mapping;

public class SegmentationProperties
{
    private static readonly string[] LabelNames = ["water", "urban", "forest"];

    public sealed record Case(int Width, int Height, byte[] Values, int[] LabelOfValue, double PixelWidth, double PixelHeight)
    {
        public override string ToString() =>
            $"{Width}×{Height} [{string.Join(",", Values)}] labels=[{string.Join(",", LabelOfValue)}] px={PixelWidth}×{PixelHeight}";
    }

    private static Arbitrary<Case> Cases() =>
        (from w in Gen.Choose(1, 10)
         from h in Gen.Choose(1, 10)
         from values in Gen.ArrayOf(Gen.Choose(0, 4).Select(v => (byte)v), w * h)
         from labels in Gen.ArrayOf(Gen.Choose(-1, LabelNames.Length - 1), 5)
         where labels.Any(l => l >= 0)
         from pw in Gen.Choose(1, 40)
         from ph in Gen.Choose(1, 40)
         select new Case(w, h, values, labels, pw / 4.0, ph / 4.0)).ToArbitrary();

    [Property(MaxTest = 150)]
    public Property MapSegmentation_AreasPerLabelSumToTheMappedPixelsArea() =>
        Prop.ForAll(Cases(), c =>
        {
            var mapping = new LabelMapping(LabelNames.Select((n, l) => new KeyValuePair<string, IReadOnlyList<int>>(n, [.. Enumerable.Range(0, 5).Where(v => c.LabelOfValue[v] == l)])));
            var gt = new GeoTransform(300000, c.PixelWidth, 0, 5000000, 0, -c.PixelHeight);
            var segments = new LabelMapper(mapping).MapSegmentation(new SegmentationPrediction(new RasterBuffer<byte>(c.Values, c.Width, c.Height)), gt);
            double pixelArea = c.PixelWidth * c.PixelHeight;
            bool perLabel = LabelNames.All(label =>
            {
                long expected = c.Values.LongCount(v => mapping.TryGetLabel(v, out var l) && l == label);
                var segment = segments.SingleOrDefault(s => s.Label == label);
                return expected == 0
                    ? segment is null
                    : segment is not null && segment.PixelCount == expected && Math.Abs(segment.Geometry.Area - (expected * pixelArea)) < 1e-6 * expected * pixelArea && segment.Geometry.IsValid;
            });
            long mappedPixels = c.Values.LongCount(v => c.LabelOfValue[v] >= 0);
            double total = segments.Sum(s => s.Geometry.Area);
            return perLabel && Math.Abs(total - (mappedPixels * pixelArea)) <= 1e-6 * Math.Max(1, mappedPixels * pixelArea)
                && segments.All(s => mapping.IsMapped(s.Label));
        });

    [Property(MaxTest = 100)]
    public Property MapSegmentation_PixelCentreIsInALabelsGeometry_IffItsValueFeedsThatLabel() =>
        Prop.ForAll(Cases(), c =>
        {
            var mapping = new LabelMapping(LabelNames.Select((n, l) => new KeyValuePair<string, IReadOnlyList<int>>(n, [.. Enumerable.Range(0, 5).Where(v => c.LabelOfValue[v] == l)])));
            var gt = new GeoTransform(300000, c.PixelWidth, 0, 5000000, 0, -c.PixelHeight);
            var segments = new LabelMapper(mapping).MapSegmentation(new SegmentationPrediction(new RasterBuffer<byte>(c.Values, c.Width, c.Height)), gt);
            var factory = NetTopologySuite.NtsGeometryServices.Instance.CreateGeometryFactory();
            for (int row = 0; row < c.Height; row++)
            {
                for (int column = 0; column < c.Width; column++)
                {
                    (double x, double y) = gt.PixelToMap(column + 0.5, row + 0.5);
                    var centre = factory.CreatePoint(new NetTopologySuite.Geometries.Coordinate(x, y));
                    int value = c.Values[(row * c.Width) + column];
                    string? expected = mapping.TryGetLabel(value, out var l) ? l : null;
                    foreach (var segment in segments)
                    {
                        if (segment.Geometry.Contains(centre) != (segment.Label == expected))
                        {
                            return false;
                        }
                    }
                }
            }

            return true;
        });
}
