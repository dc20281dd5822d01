using System.Text;
using Scaneo.Inference.Codecs;

namespace Scaneo.Inference.Tests.Codecs;

public class ReplySnifferTests
{
    [Theory]
    [InlineData(new byte[] { 0x49, 0x49, 42, 0, 8, 0 }, "Tiff")]
    [InlineData(new byte[] { 0x4D, 0x4D, 0, 42, 0, 8 }, "Tiff")]
    [InlineData(new byte[] { 0x49, 0x49, 43, 0, 8, 0 }, "Tiff")]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0 }, "Png")]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0 }, "Jpeg")]
    [InlineData(new byte[] { 0xEF, 0xBB, 0xBF, (byte)' ', (byte)'[' }, "Json")]
    [InlineData(new byte[] { (byte)'\n', (byte)'{' }, "Json")]
    [InlineData(new byte[] { (byte)'<', (byte)'h' }, "Unknown")]
    [InlineData(new byte[] { (byte)' ' }, "Empty")]
    public void Sniff_MagicBytes_RecognisesContent(byte[] body, string kind)
    {
        Assert.Equal(kind, ReplySniffer.Sniff(body).ToString());
    }

    [Fact]
    public void Describe_HtmlPage_QuotesItsStart()
    {
        string text = ReplySniffer.Describe(Encoding.UTF8.GetBytes("<html><body>Bad gateway</body></html>"));
        Assert.StartsWith("HTML/XML text of 37 bytes starting \"<html><body>Bad gateway", text, StringComparison.Ordinal);
    }
}
