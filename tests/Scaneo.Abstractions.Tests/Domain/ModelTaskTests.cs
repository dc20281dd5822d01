using System.Text;
using System.Text.Json;

namespace Scaneo.Abstractions.Tests.Domain;

public class ModelTaskTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Constructor_EmptyName_ThrowsNamingField(string? name)
    {
        var ex = Assert.Throws<ScaneoValidationException>(() => new ModelTask(name!));
        Assert.Equal("ModelTask", ex.Field);
    }

    [Fact]
    public void Constructor_MixedCase_ComparesEqualToKnownTask()
    {
        Assert.Equal(ModelTask.Sam, new ModelTask(" SAM "));
        Assert.True(new ModelTask("Segmentation").IsKnown);
        Assert.Equal("segmentation", new ModelTask("Segmentation").ToString());
    }

    [Fact]
    public void Constructor_UnknownTask_IsKeptAndNotKnown()
    {
        var task = new ModelTask("change-detection");
        Assert.False(task.IsKnown);
        Assert.Equal("change-detection", task.Value);
        Assert.NotEqual(ModelTask.Detection, task);
    }

    [Fact]
    public void Default_ReadsAsClassification()
    {
        Assert.Equal(ModelTask.Classification, default);
        Assert.Equal(ModelTask.Classification.GetHashCode(), default(ModelTask).GetHashCode());
    }

    [Fact]
    public void JsonConverter_UnknownTask_RoundTrips()
    {
        var converter = new ModelTaskJsonConverter();
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            converter.Write(writer, new ModelTask("super-resolution"), new JsonSerializerOptions());
        }

        Assert.Equal("\"super-resolution\"", Encoding.UTF8.GetString(buffer.ToArray()));
        var reader = new Utf8JsonReader(buffer.ToArray());
        reader.Read();
        Assert.Equal(new ModelTask("super-resolution"), converter.Read(ref reader, typeof(ModelTask), new JsonSerializerOptions()));
    }

    [Theory]
    [InlineData("3")]
    [InlineData("\"\"")]
    [InlineData("null")]
    public void JsonConverter_NotATaskName_ThrowsJsonException(string json)
    {
        Assert.Throws<JsonException>(() =>
        {
            var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
            reader.Read();
            new ModelTaskJsonConverter().Read(ref reader, typeof(ModelTask), new JsonSerializerOptions());
        });
    }
}
