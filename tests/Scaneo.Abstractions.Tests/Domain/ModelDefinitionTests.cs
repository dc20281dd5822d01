namespace Scaneo.Abstractions.Tests.Domain;

public class ModelDefinitionTests
{
    private static readonly Uri Endpoint = new("https://models.example.org/segment");

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ")]
    public void Constructor_EmptyName_ThrowsNamingField(string? name)
    {
        var ex = Assert.Throws<ScaneoValidationException>(() => new ModelDefinition(name!, Endpoint, ModelTask.Segmentation));
        Assert.Equal("ModelDefinition.Name", ex.Field);
    }

    [Theory]
    [InlineData("ftp://models.example.org/x")]
    [InlineData("file:///tmp/model")]
    [InlineData("mailto:someone@example.org")]
    [InlineData("ws://localhost:8000/x")]
    public void Constructor_NonHttpEndpoint_ThrowsNamingField(string endpoint)
    {
        var ex = Assert.Throws<ScaneoValidationException>(() => new ModelDefinition("m", new Uri(endpoint), ModelTask.Segmentation));
        Assert.Equal("ModelDefinition(m).Endpoint", ex.Field);
        Assert.Contains("http", ex.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_RelativeOrNullEndpoint_Throws()
    {
        Assert.Equal(
            "ModelDefinition(m).Endpoint",
            Assert.Throws<ScaneoValidationException>(() => new ModelDefinition("m", new Uri("/predict", UriKind.Relative), ModelTask.Detection)).Field);
        Assert.Equal(
            "ModelDefinition(m).Endpoint",
            Assert.Throws<ScaneoValidationException>(() => new ModelDefinition("m", null!, ModelTask.Detection)).Field);
    }

    [Fact]
    public void Constructor_UndefinedInputFormat_Throws()
    {
        var ex = Assert.Throws<ScaneoValidationException>(() => new ModelDefinition("m", Endpoint, ModelTask.Sam, inputFormat: (ImageFormat)7));
        Assert.Equal("ModelDefinition(m).InputFormat", ex.Field);
    }

    [Fact]
    public void Constructor_EmptyPreprocessingStep_ThrowsNamingIndex()
    {
        var ex = Assert.Throws<ScaneoValidationException>(() => new ModelDefinition("m", Endpoint, ModelTask.Sam, preprocessing: ["S2RGB", " "]));
        Assert.Equal("ModelDefinition(m).Preprocessing[1]", ex.Field);
    }

    [Fact]
    public void Constructor_EmptyPostprocessingStep_ThrowsNamingIndex()
    {
        var ex = Assert.Throws<ScaneoValidationException>(() => new ModelDefinition("m", Endpoint, ModelTask.Sam, postprocessing: [null!]));
        Assert.Equal("ModelDefinition(m).Postprocessing[0]", ex.Field);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void Constructor_NonPositiveOutputCount_Throws(int count)
    {
        var ex = Assert.Throws<ScaneoValidationException>(() => new ModelDefinition("m", Endpoint, ModelTask.Classification, outputCount: count));
        Assert.Equal("ModelDefinition(m).OutputCount", ex.Field);
    }

    [Fact]
    public void Constructor_EmptyOutputName_ThrowsNamingIndex()
    {
        var ex = Assert.Throws<ScaneoValidationException>(() => new ModelDefinition("m", Endpoint, ModelTask.Classification, outputNames: ["a", ""]));
        Assert.Equal("ModelDefinition(m).OutputNames[1]", ex.Field);
    }

    [Fact]
    public void Constructor_OutputNamesDisagreeWithCount_Throws()
    {
        var ex = Assert.Throws<ScaneoValidationException>(() => new ModelDefinition("m", Endpoint, ModelTask.Classification, outputCount: 3, outputNames: ["a", "b"]));
        Assert.Equal("ModelDefinition(m).OutputNames", ex.Field);
    }

    [Fact]
    public void Constructor_OutputNamesWithoutCount_InfersCount()
    {
        var model = new ModelDefinition(" m ", Endpoint, ModelTask.Classification, outputNames: ["a", "b"]);
        Assert.Equal(2, model.OutputCount);
        Assert.Equal("m", model.Name);
        Assert.Equal(ImageFormat.GeoTiff, model.InputFormat);
        Assert.Equal(string.Empty, model.Description);
        Assert.Empty(model.Preprocessing);
    }

    [Fact]
    public void WithEndpoint_NewEndpoint_KeepsEverythingElse()
    {
        var model = new ModelDefinition("m", Endpoint, ModelTask.Detection, "d", "1.2", ImageFormat.Png, ["S2RGB"], ["Argmax"], 2, ["x", "y"]);
        var moved = model.WithEndpoint(new Uri("http://127.0.0.1:5000/x"));
        Assert.Equal("http://127.0.0.1:5000/x", moved.Endpoint.OriginalString);
        Assert.Equal(["S2RGB"], moved.Preprocessing);
        Assert.Equal(["Argmax"], moved.Postprocessing);
        Assert.Equal(["x", "y"], moved.OutputNames!);
        Assert.Equal("1.2", moved.Version);
        Assert.Throws<ScaneoValidationException>(() => model.WithEndpoint(new Uri("ftp://x/")));
    }
}
