using Microsoft.Extensions.Time.Testing;
using Scaneo.Annotations.Building;
using Scaneo.Predictions;

namespace Scaneo.Annotations.Tests.Building;

public class AnnotationBuilderSamTests
{
    private static readonly CampaignModel Sam = new(TestData.Model("sam", ModelTask.Sam), TestData.Mapping(("water", null), ("urban", null)));

    [Fact]
    public void FromSam_LabelsTheGeometryWithTheRequestedLabel()
    {
        var geometry = TestData.Box(10.01, 49.96, 10.03, 49.98);
        var builder = new AnnotationBuilder(new FakeTimeProvider(TestData.Now));

        var a = builder.FromSam(TestData.Image(), Sam, new SamPrediction(geometry), "URBAN");
        var again = builder.FromSam(TestData.Image(), Sam, new SamPrediction(geometry), "urban");

        Assert.Equal(("urban", AnnotationKind.Segmentation), (a.Label, a.Kind));
        Assert.True(a.Geometry!.EqualsTopologically(geometry));
        Assert.Equal("sam", a.Provenance.ModelName);
        Assert.Equal(a.Id, again.Id);
    }

    [Fact]
    public void FromSam_LabelOutsideTheMapping_Throws()
    {
        var ex = Assert.Throws<ScaneoValidationException>(() => new AnnotationBuilder().FromSam(TestData.Image(), Sam, new SamPrediction(TestData.Box(10, 49.9, 10.01, 49.91)), "lava"));
        Assert.Contains("lava", ex.Message, StringComparison.Ordinal);
    }
}
