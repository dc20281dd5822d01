namespace Scaneo.Abstractions.Tests.Domain;

public class CampaignTests
{
    private static readonly Label[] Labels = [new("water", "#0000ff"), new("urban", "#ff0000")];

    private static ModelDefinition Model(string name) =>
        new(name, new Uri("http://localhost:8000/predict"), ModelTask.Segmentation);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ")]
    public void Constructor_EmptyId_ThrowsNamingField(string? id)
    {
        var ex = Assert.Throws<ScaneoValidationException>(() => new Campaign(id!, "c", Labels));
        Assert.Equal("Campaign.Id", ex.Field);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Constructor_EmptyName_ThrowsNamingField(string? name)
    {
        var ex = Assert.Throws<ScaneoValidationException>(() => new Campaign("c1", name!, Labels));
        Assert.Equal("Campaign.Name", ex.Field);
    }

    [Fact]
    public void Constructor_NullLabels_ThrowsArgumentNull()
    {
        Assert.Throws<ArgumentNullException>(() => new Campaign("c1", "c", null!));
        Assert.Throws<ArgumentNullException>(() => new Campaign("c1", "c", [Labels[0], null!]));
    }

    [Theory]
    [InlineData("water")]
    [InlineData("WATER")]
    [InlineData("Water")]
    public void Constructor_DuplicateLabelNameIgnoringCase_ThrowsNamingIndex(string duplicate)
    {
        var ex = Assert.Throws<ScaneoValidationException>(() =>
            new Campaign("c1", "c", [.. Labels, new Label(duplicate, "#00ff00")]));
        Assert.Equal("Campaign.Labels[2].Name", ex.Field);
        Assert.Contains("unique", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_DuplicateImagePath_ThrowsNamingIndex()
    {
        var images = new[] { new CampaignImage("a.tif", 1, 1, 1), new CampaignImage("b.tif", 1, 1, 1), new CampaignImage("a.tif", 2, 2, 1) };
        var ex = Assert.Throws<ScaneoValidationException>(() => new Campaign("c1", "c", Labels, images));
        Assert.Equal("Campaign.Images[2].Path", ex.Field);
    }

    [Fact]
    public void Constructor_NullImageOrModel_ThrowsArgumentNull()
    {
        Assert.Throws<ArgumentNullException>(() => new Campaign("c1", "c", Labels, [null!]));
        Assert.Throws<ArgumentNullException>(() => new Campaign("c1", "c", Labels, null, [null!]));
    }

    [Fact]
    public void Constructor_DuplicateModelNameIgnoringCase_ThrowsNamingIndex()
    {
        var empty = new LabelMapping([]);
        var ex = Assert.Throws<ScaneoValidationException>(() =>
            new Campaign("c1", "c", Labels, null, [new CampaignModel(Model("seg"), empty), new CampaignModel(Model("SEG"), empty)]));
        Assert.Equal("Campaign.Models[1].Name", ex.Field);
    }

    [Fact]
    public void Constructor_MappingNamesUnknownLabel_ThrowsNamingModel()
    {
        var mapping = LabelMapping.FromIndexes([new("water", 2), new("forest", 0)]);
        var ex = Assert.Throws<ScaneoValidationException>(() =>
            new Campaign("c1", "c", Labels, null, [new CampaignModel(Model("seg"), mapping)]));
        Assert.Equal("Campaign.Models[0].Mapping", ex.Field);
        Assert.Equal("forest", ex.Value);
    }

    [Fact]
    public void Constructor_MappingNamesLabelInOtherCase_IsAccepted()
    {
        var mapping = LabelMapping.FromIndexes([new("WATER", 2)]);
        var campaign = new Campaign("c1", "c", Labels, null, [new CampaignModel(Model("seg"), mapping)]);
        Assert.Single(campaign.Models);
    }

    [Fact]
    public void Constructor_NoDescriptionOrImages_UsesEmpty()
    {
        var campaign = new Campaign("c1", "c", []);
        Assert.Equal(string.Empty, campaign.Description);
        Assert.Empty(campaign.Images);
        Assert.Empty(campaign.Models);
        Assert.Empty(campaign.Labels);
    }

    [Fact]
    public void FindLabel_OtherCase_FindsLabel()
    {
        var campaign = new Campaign("c1", "c", Labels);
        Assert.Same(Labels[1], campaign.FindLabel("URBAN"));
        Assert.Null(campaign.FindLabel("forest"));
    }

    [Fact]
    public void CampaignModel_NullArguments_ThrowArgumentNull()
    {
        Assert.Throws<ArgumentNullException>(() => new CampaignModel(null!, new LabelMapping([])));
        Assert.Throws<ArgumentNullException>(() => new CampaignModel(Model("m"), null!));
    }
}
