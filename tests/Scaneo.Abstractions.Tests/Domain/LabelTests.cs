namespace Scaneo.Abstractions.Tests.Domain;

public class LabelTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Constructor_EmptyName_ThrowsNamingField(string? name)
    {
        var ex = Assert.Throws<ScaneoValidationException>(() => new Label(name!, "#112233"));
        Assert.Equal("Label.Name", ex.Field);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("red")]
    [InlineData("#fff")]
    [InlineData("112233")]
    [InlineData("#11223")]
    [InlineData("#1122334")]
    [InlineData("#gg2233")]
    [InlineData(" #112233")]
    [InlineData("#112233 ")]
    [InlineData("#112233\n")]
    public void Constructor_InvalidColor_ThrowsNamingField(string? color)
    {
        var ex = Assert.Throws<ScaneoValidationException>(() => new Label("water", color!));
        Assert.Equal("Label(water).Color", ex.Field);
        Assert.Contains("#rrggbb", ex.Message, StringComparison.Ordinal);
        Assert.StartsWith("Label(water).Color: ", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_ValidValues_TrimsNameAndLowersColor()
    {
        var label = new Label("  Water ", "#1F77B4");
        Assert.Equal("Water", label.Name);
        Assert.Equal("#1f77b4", label.Color);
        Assert.Equal(((byte)0x1f, (byte)0x77, (byte)0xb4), label.ToRgb());
    }

    [Fact]
    public void Equals_SameNameAndColor_AreEqualWithSameHash()
    {
        var a = new Label("water", "#AABBCC");
        var b = new Label("water", "#aabbcc");
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, new Label("Water", "#aabbcc"));
    }
}
