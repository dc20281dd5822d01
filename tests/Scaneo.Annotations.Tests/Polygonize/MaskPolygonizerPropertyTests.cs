using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Scaneo.Annotations.Polygonize;

namespace Scaneo.Annotations.Tests.Polygonize;

public sealed class MaskPolygonizerPropertyTests
{
    [Property(MaxTest = 300)]
    public Property Polygonize_FourConnected_MatchesFloodFillAndIsValid() =>
        Prop.ForAll(MaskCaseGenerators.Cases(14), mask =>
        {
            var regions = MaskPolygonizer.Polygonize(mask.Raster(), mask.Options(Connectivity.Four));
            PolygonizeChecks.VerifyAll(mask, Connectivity.Four, regions);
            return true;
        });

    [Property(MaxTest = 300)]
    public Property Polygonize_EightConnected_MatchesFloodFillAndIsValid() =>
        Prop.ForAll(MaskCaseGenerators.Cases(14), mask =>
        {
            var regions = MaskPolygonizer.Polygonize(mask.Raster(), mask.Options(Connectivity.Eight));
            PolygonizeChecks.VerifyAll(mask, Connectivity.Eight, regions);
            return true;
        });

    [Property(MaxTest = 60)]
    public Property Polygonize_SameInputTwice_SameOrderAndCoordinates() =>
        Prop.ForAll(MaskCaseGenerators.Cases(24), mask =>
        {
            foreach (Connectivity connectivity in new[] { Connectivity.Four, Connectivity.Eight })
            {
                var first = MaskPolygonizer.Polygonize(mask.Raster(), mask.Options(connectivity));
                var second = new MaskPolygonizer(mask.Options(connectivity)).PolygonizeStream(mask.Raster()).ToList();
                Assert.Equal(first.Count, second.Count);
                for (int i = 0; i < first.Count; i++)
                {
                    Assert.Equal(first[i].Value, second[i].Value);
                    Assert.Equal(first[i].PixelCount, second[i].PixelCount);
                    Assert.True(first[i].Geometry.EqualsExact(second[i].Geometry), $"region {i} differs");
                }
            }

            return true;
        });

    [Property(MaxTest = 60)]
    public Property Polygonize_Sieve_NoRemainingSmallRegionWithALargeNeighbour() =>
        Prop.ForAll(MaskCaseGenerators.Cases(16), mask =>
        {
            const int threshold = 3;
            var options = new PolygonizeOptions { SieveThreshold = threshold, ExcludedValues = [MaskCase.Excluded], ValidityMask = mask.Validity() };
            var regions = MaskPolygonizer.Polygonize(mask.Raster(), options);

            // Sieving never changes the covered pixels, only their values: total area is unchanged.
            byte[] pixels = mask.Pixels();
            byte[]? validity = mask.Validity();
            long validCount = Enumerable.Range(0, pixels.Length).Count(i => mask.IsValidPixel(pixels, validity, i));
            Assert.Equal(validCount, regions.Sum(r => r.PixelCount));
            foreach (var region in regions)
            {
                Assert.True(region.Geometry.IsValid);
            }

            // GDAL's sieve is a single pass: a region at least as large as the threshold never changes value.
            int[] before = PolygonizeChecks.FloodLabels(pixels, mask.Width, mask.Height, i => mask.IsValidPixel(pixels, validity, i), eight: false, out int count);
            var size = new int[count];
            foreach (int l in before)
            {
                if (l >= 0)
                {
                    size[l]++;
                }
            }

            var locators = regions.Select(r => new NetTopologySuite.Algorithm.Locate.IndexedPointInAreaLocator(r.Geometry)).ToArray();
            for (int i = 0; i < pixels.Length; i++)
            {
                if (before[i] < 0 || size[before[i]] < threshold)
                {
                    continue;
                }

                var (x, y) = mask.Transform.PixelToMap((i % mask.Width) + 0.5, (i / mask.Width) + 0.5);
                var centre = new NetTopologySuite.Geometries.Coordinate(x, y);
                int k = Array.FindIndex(locators, l => l.Locate(centre) == NetTopologySuite.Geometries.Location.Interior);
                Assert.True(k >= 0 && regions[k].Value == pixels[i], $"pixel {i} of a large region changed value in {mask}");
            }

            return true;
        });
}
