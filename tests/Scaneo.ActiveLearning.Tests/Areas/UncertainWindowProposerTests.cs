using Scaneo.ActiveLearning.Areas;
using Scaneo.Geo;
using Scaneo.Rasters;

namespace Scaneo.ActiveLearning.Tests.Areas;

public class UncertainWindowProposerTests
{
    private static RasterBuffer<float> TwoHotSpots()
    {
        // 40 × 40 of 0.1 with a hot 8 × 8 block at (row 4, col 4) = 0.9 and a warm one at (row 28, col 28) = 0.6.
        var map = new RasterBuffer<float>(40, 40, 1, new GeoTransform(1000, 2, 0, 5000, 0, -2), null, double.NaN);
        map.Data.Fill(0.1f);
        for (int r = 0; r < 8; r++)
        {
            for (int c = 0; c < 8; c++)
            {
                map[0, 4 + r, 4 + c] = 0.9f;
                map[0, 28 + r, 28 + c] = 0.6f;
            }
        }

        return map;
    }

    [Fact]
    public void Propose_TwoHotSpots_FindsBothWithoutOverlap()
    {
        var windows = new UncertainWindowProposer { WindowSize = 8, Stride = 4, Count = 2 }.Propose(TwoHotSpots());
        Assert.Equal(2, windows.Count);
        Assert.Equal((4, 4), (windows[0].Row, windows[0].Column));
        Assert.Equal(0.9, windows[0].MeanScore, 1e-6);
        Assert.Equal((28, 28), (windows[1].Row, windows[1].Column));
        Assert.Equal(0, windows[0].IntersectionOverUnion(windows[1]));
        Assert.Equal(1000 + (8 * 2), windows[0].CenterX, 1e-9);
        Assert.Equal(5000 - (8 * 2), windows[0].CenterY, 1e-9);
    }

    [Fact]
    public void Propose_NoOverlapAllowed_SuppressesNeighboursOfTheBest()
    {
        var windows = UncertainWindowProposer.Propose(TwoHotSpots(), windowSize: 8, count: 10);
        for (int i = 0; i < windows.Count; i++)
        {
            for (int j = i + 1; j < windows.Count; j++)
            {
                Assert.Equal(0, windows[i].IntersectionOverUnion(windows[j]));
            }
        }

        Assert.True(windows.Zip(windows.Skip(1), (a, b) => a.MeanScore >= b.MeanScore).All(x => x));
    }

    [Fact]
    public void Propose_MostlyNoData_SkipsWindow()
    {
        var map = new RasterBuffer<float>(4, 4, 1, null, null, double.NaN);
        map.Data.Fill(float.NaN);
        map[0, 0, 0] = 1;
        var windows = new UncertainWindowProposer { WindowSize = 2, Stride = 2, Count = 4 }.Propose(map);
        Assert.Empty(windows);
    }
}
