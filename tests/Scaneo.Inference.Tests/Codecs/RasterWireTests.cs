using Scaneo.Geo;
using Scaneo.Inference.Codecs;
using Scaneo.Rasters;

namespace Scaneo.Inference.Tests.Codecs;

public class RasterWireTests
{
    private static readonly GeoTransform Gt = new(288776.25, 28.5, 0, 9120760.75, 0, -28.5);

    private static async Task<byte[]> SendAsync(HttpContent content)
    {
        using var target = new MemoryStream();
        await content.CopyToAsync(target);
        return target.ToArray();
    }

    [Fact]
    public async Task Encode_GeoTiff_RoundTripsPixelsTransformCrsAndNodata()
    {
        var image = new RasterBuffer<ushort>(7, 5, 13, Gt, CrsReference.FromEpsg(31985), noData: 0);
        for (int i = 0; i < image.Data.Length; i++)
        {
            image.Data[i] = (ushort)(i * 31);
        }

        var (content, fileName) = RasterWire.Encode(image, ImageFormat.GeoTiff, "m");
        using (content)
        {
            byte[] body = await SendAsync(content);

            Assert.Equal("image.tif", fileName);
            Assert.Equal("image/tiff", content.Headers.ContentType!.MediaType);
            Assert.Equal(body.Length, content.Headers.ContentLength);
            var back = Assert.IsType<RasterBuffer<ushort>>(RasterFile.Read(new MemoryStream(body), "request.tif"));
            Assert.Equal(image.Data.ToArray(), back.Data.ToArray());
            Assert.Equal(Gt, back.GeoTransform);
            Assert.Equal(31985, back.Crs!.Epsg);
            Assert.Equal(0, back.NoData);
        }
    }

    [Fact]
    public async Task Encode_WktCrsAndRotatedFloat_KeepsThem()
    {
        // A CRS known only by WKT: the Abstractions writer's GeoKeys (formerly refused by the request writer).
        var wkt = CrsReference.FromWkt("PROJCS[\"Custom TM\",GEOGCS[\"WGS 84\",DATUM[\"WGS_1984\",SPHEROID[\"WGS 84\",6378137,298.257223563]],PRIMEM[\"Greenwich\",0],UNIT[\"degree\",0.0174532925199433]],PROJECTION[\"Transverse_Mercator\"],PARAMETER[\"latitude_of_origin\",0],PARAMETER[\"central_meridian\",-33],PARAMETER[\"scale_factor\",0.9996],PARAMETER[\"false_easting\",500000],PARAMETER[\"false_northing\",10000000],UNIT[\"metre\",1]]");
        var rotated = new GeoTransform(10, 0.01, 0.002, 50, 0.001, -0.01);
        var image = new RasterBuffer<float>([1.5f, -2f, float.NaN, 4f], 2, 2, 1, rotated, wkt, double.NaN);

        var (content, _) = RasterWire.Encode(image, ImageFormat.GeoTiff, "m");
        using (content)
        {
            var back = Assert.IsType<RasterBuffer<float>>(RasterFile.Read(new MemoryStream(await SendAsync(content)), "request.tif"));
            Assert.Equal(image.Data.ToArray(), back.Data.ToArray());
            Assert.Equal(rotated, back.GeoTransform);
            Assert.Contains("Custom TM", back.Crs!.Wkt, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Encode_Content_CanBeSentAgainOnRetryWithTheSameBytes()
    {
        var image = new RasterBuffer<byte>([1, 2, 3, 4, 5, 6], 1, 2, 3, Gt, CrsReference.FromEpsg(32631));
        var (content, _) = RasterWire.Encode(image, ImageFormat.GeoTiff, "m");
        using (content)
        {
            byte[] first = await SendAsync(content);
            byte[] second = await SendAsync(content);

            Assert.Equal(first, second);
        }
    }

    [Fact]
    public async Task Encode_ContentDisposed_RefusesToSend()
    {
        var (content, _) = RasterWire.Encode(new RasterBuffer<byte>(4, 4, 1), ImageFormat.GeoTiff, "m");
        content.Dispose();
        content.Dispose();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => SendAsync(content));
    }

    [Fact]
    public async Task Encode_DisposedWhileSending_KeepsTheBufferUntilTheSendEnds()
    {
        var image = new RasterBuffer<byte>(64, 64, 1);
        image.Data.Fill(42);
        var (content, _) = RasterWire.Encode(image, ImageFormat.GeoTiff, "m");
        var gate = new GatedStream();

        Task send = content.CopyToAsync(gate);
        await gate.Entered.Task;
        content.Dispose();

        // Whatever rents from the pool now must not get (and overwrite) the buffer still being sent.
        // The same size as the request buffer (pixels + 64 KiB of header room), so a buffer returned too early would come back here.
        byte[][] rented = Enumerable.Range(0, 8).Select(_ => System.Buffers.ArrayPool<byte>.Shared.Rent((64 * 64) + (64 * 1024))).ToArray();
        foreach (byte[] array in rented)
        {
            array.AsSpan().Fill(0xEE);
        }

        gate.Release.SetResult();
        await send;
        foreach (byte[] array in rented)
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(array);
        }

        var back = Assert.IsType<RasterBuffer<byte>>(RasterFile.Read(new MemoryStream(gate.Written.ToArray()), "request.tif"));
        Assert.All(back.Data.ToArray(), v => Assert.Equal(42, v));
    }

    [Fact]
    public void Encode_PngOfThirteenBands_ThrowsInferenceExceptionNamingTheFix()
    {
        var ex = Assert.Throws<InferenceException>(() => RasterWire.Encode(new RasterBuffer<ushort>(4, 4, 13), ImageFormat.Png, "m"));

        Assert.Contains("S2RGB", ex.Message, StringComparison.Ordinal);
        Assert.Equal("m", ex.ModelName);
    }

    /// <summary>A target stream whose first write waits until the test releases it, copying what it is given.</summary>
    private sealed class GatedStream : Stream
    {
        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public MemoryStream Written { get; } = new();

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => Written.Length;

        public override long Position { get => Written.Length; set => throw new NotSupportedException(); }

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Entered.TrySetResult();
            await Release.Task;
            Written.Write(buffer.Span);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Write(byte[] buffer, int offset, int count) => Written.Write(buffer, offset, count);

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
