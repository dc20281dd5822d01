using System.Globalization;
using System.IO.Compression;
using System.Runtime.InteropServices;
using BitMiracle.LibTiff.Classic;
using Scaneo.Geo;

namespace Scaneo.Rasters.GeoTiff;

/// <summary>
/// Writes rasters as GeoTIFF with LibTiff.NET. Deflate blocks are predicted and compressed here with native
/// zlib, in parallel, and handed to LibTiff raw; LZW and PackBits go through LibTiff's encoders.
/// </summary>
internal static class GeoTiffWriter
{
    private const int BatchBlocks = 64;

    public static void Write(Raster raster, Stream stream, string name, GeoTiffWriteOptions options)
    {
        Validate(options);
        using var scope = LibTiffDiagnostics.Enter(name, null);
        try
        {
            switch (raster)
            {
                case RasterBuffer<byte> r: Write(r, stream, name, options, scope); break;
                case RasterBuffer<sbyte> r: Write(r, stream, name, options, scope); break;
                case RasterBuffer<ushort> r: Write(r, stream, name, options, scope); break;
                case RasterBuffer<short> r: Write(r, stream, name, options, scope); break;
                case RasterBuffer<uint> r: Write(r, stream, name, options, scope); break;
                case RasterBuffer<int> r: Write(r, stream, name, options, scope); break;
                case RasterBuffer<float> r: Write(r, stream, name, options, scope); break;
                case RasterBuffer<double> r: Write(r, stream, name, options, scope); break;
                default: throw new ScaneoValidationException("Raster", raster.GetType().Name, "must be a RasterBuffer<T> of a raster sample type.");
            }
        }
        catch (AggregateException ex) when (ex.InnerExceptions.Count > 0 && ex.InnerExceptions[0] is ScaneoException inner)
        {
            throw inner;
        }
        catch (Exception ex) when (ex is not ScaneoException and not OperationCanceledException and not IOException)
        {
            throw new RasterFormatException(name, "writing the GeoTIFF failed: " + ex.Message + scope.Detail(), ex);
        }
    }

    private static void Validate(GeoTiffWriteOptions options)
    {
        if (options.TileSize < 16 || options.TileSize > 4096 || options.TileSize % 16 != 0)
        {
            throw new ScaneoValidationException("GeoTiffWriteOptions.TileSize", options.TileSize.ToString(CultureInfo.InvariantCulture), "must be a multiple of 16 between 16 and 4096.");
        }

        if (options.RowsPerStrip is <= 0)
        {
            throw new ScaneoValidationException("GeoTiffWriteOptions.RowsPerStrip", options.RowsPerStrip.Value.ToString(CultureInfo.InvariantCulture), "must be positive.");
        }

        if (!Enum.IsDefined(options.Compression))
        {
            throw new ScaneoValidationException("GeoTiffWriteOptions.Compression", options.Compression.ToString(), "must be Deflate, None, Lzw or PackBits.");
        }
    }

    private static void Write<T>(RasterBuffer<T> raster, Stream stream, string name, GeoTiffWriteOptions options, LibTiffDiagnostics.Scope scope)
        where T : unmanaged
    {
        int width = raster.Width;
        int height = raster.Height;
        int bands = raster.BandCount;
        int sampleSize = raster.DataType.SizeInBytes();
        bool separate = options.BandInterleaved && bands > 1;
        int samplesPerBlockPixel = separate ? 1 : bands;
        bool tiled = options.Tiled ?? (width > options.TileSize && height > options.TileSize);
        int blockWidth = tiled ? options.TileSize : width;
        long pixelRowBytes = (long)width * samplesPerBlockPixel * sampleSize;
        int blockHeight = tiled
            ? options.TileSize
            : Math.Clamp(options.RowsPerStrip ?? (int)Math.Max(1, (64 * 1024) / pixelRowBytes), 1, height);
        long blockBytes = (long)blockWidth * blockHeight * samplesPerBlockPixel * sampleSize;
        if (blockBytes > int.MaxValue / 2)
        {
            throw new ScaneoValidationException("GeoTiffWriteOptions", $"{blockBytes} bytes per block", "gives blocks larger than 1 GB; write tiles or fewer rows per strip.");
        }

        long totalBytes = (long)width * height * bands * sampleSize;
        bool bigTiff = options.BigTiff ?? totalBytes > (4L << 30) - (64L << 20);
        bool predict = options.UsePredictor && options.Compression is GeoTiffCompression.Deflate or GeoTiffCompression.Lzw;
        int predictor = !predict ? 1 : raster.DataType.IsFloatingPoint() ? 3 : 2;

        GeoTiffTags.EnsureRegistered();
        using var tiff = Tiff.ClientOpen(name, bigTiff ? "w8" : "w", stream, new NonClosingTiffStream())
            ?? throw new RasterFormatException(name, "LibTiff could not create the file" + scope.Detail() + ".");

        tiff.SetField(TiffTag.IMAGEWIDTH, width);
        tiff.SetField(TiffTag.IMAGELENGTH, height);
        tiff.SetField(TiffTag.BITSPERSAMPLE, sampleSize * 8);
        tiff.SetField(TiffTag.SAMPLESPERPIXEL, bands);
        tiff.SetField(TiffTag.SAMPLEFORMAT, raster.DataType switch
        {
            RasterDataType.Float32 or RasterDataType.Float64 => SampleFormat.IEEEFP,
            RasterDataType.Int8 or RasterDataType.Int16 or RasterDataType.Int32 => SampleFormat.INT,
            _ => SampleFormat.UINT,
        });
        tiff.SetField(TiffTag.PLANARCONFIG, separate ? PlanarConfig.SEPARATE : PlanarConfig.CONTIG);
        bool rgb = bands == 3 && raster.DataType == RasterDataType.UInt8;
        tiff.SetField(TiffTag.PHOTOMETRIC, rgb ? Photometric.RGB : Photometric.MINISBLACK);
        if (!rgb && bands > 1)
        {
            tiff.SetField(TiffTag.EXTRASAMPLES, bands - 1, new short[bands - 1]);
        }

        tiff.SetField(TiffTag.COMPRESSION, options.Compression switch
        {
            GeoTiffCompression.None => Compression.NONE,
            GeoTiffCompression.Lzw => Compression.LZW,
            GeoTiffCompression.PackBits => Compression.PACKBITS,
            _ => Compression.ADOBE_DEFLATE,
        });
        if (predictor != 1)
        {
            tiff.SetField(TiffTag.PREDICTOR, predictor);
        }

        if (tiled)
        {
            tiff.SetField(TiffTag.TILEWIDTH, blockWidth);
            tiff.SetField(TiffTag.TILELENGTH, blockHeight);
        }
        else
        {
            tiff.SetField(TiffTag.ROWSPERSTRIP, blockHeight);
        }

        WriteGeoTags(tiff, raster);

        int blocksAcross = (width + blockWidth - 1) / blockWidth;
        int blocksDown = (height + blockHeight - 1) / blockHeight;
        int planes = separate ? bands : 1;
        int blockCount = blocksAcross * blocksDown * planes;
        int rowBytes = blockWidth * samplesPerBlockPixel * sampleSize;

        var geometry = new BlockGeometry(width, height, bands, blockWidth, blockHeight, blocksAcross, blocksDown, separate, tiled);
        bool raw = options.Compression is GeoTiffCompression.Deflate or GeoTiffCompression.None;
        for (int first = 0; first < blockCount; first += BatchBlocks)
        {
            int count = Math.Min(BatchBlocks, blockCount - first);
            var encoded = new byte[count][];
            var lengths = new int[count];
            Parallel.For(
                0,
                count,
                () => predictor == 3 ? new byte[rowBytes] : [], // the floating-point predictor's row scratch, one per worker
                (i, _, scratch) =>
                {
                    int index = first + i;
                    int rows = geometry.RowsInBlock(index);
                    var block = new byte[rows * rowBytes];
                    geometry.Fill(raster.GetArray(), block, index);
                    if (options.Compression != GeoTiffCompression.Deflate)
                    {
                        // Uncompressed blocks go out raw; LZW and PackBits blocks go to LibTiff's encoder.
                        encoded[i] = block;
                        lengths[i] = block.Length;
                        return scratch;
                    }

                    if (predictor == 2)
                    {
                        TiffPredictor.ApplyHorizontal(block, rowBytes, samplesPerBlockPixel, sampleSize);
                    }
                    else if (predictor == 3)
                    {
                        TiffPredictor.ApplyFloatingPoint(block, rowBytes, samplesPerBlockPixel, sampleSize, scratch);
                    }

                    using var output = new MemoryStream((block.Length / 2) + 64);
                    using (var deflater = new ZLibStream(output, options.DeflateLevel, leaveOpen: true))
                    {
                        deflater.Write(block);
                    }

                    encoded[i] = output.GetBuffer();
                    lengths[i] = (int)output.Length;
                    return scratch;
                },
                _ => { });

            for (int i = 0; i < count; i++)
            {
                int index = first + i;
                int written = (raw, tiled) switch
                {
                    (true, true) => tiff.WriteRawTile(index, encoded[i], lengths[i]),
                    (true, false) => tiff.WriteRawStrip(index, encoded[i], lengths[i]),
                    (false, true) => tiff.WriteEncodedTile(index, encoded[i], lengths[i]),
                    _ => tiff.WriteEncodedStrip(index, encoded[i], lengths[i]),
                };
                if (written < 0)
                {
                    throw new RasterFormatException(name, string.Create(CultureInfo.InvariantCulture, $"LibTiff failed to write block {index}{scope.Detail()}."));
                }
            }
        }

        if (!tiff.WriteDirectory())
        {
            throw new RasterFormatException(name, "LibTiff failed to write the TIFF directory" + scope.Detail() + ".");
        }

        tiff.Flush();
    }

    private static void WriteGeoTags(Tiff tiff, Raster raster)
    {
        if (raster.GeoTransform is GeoTransform gt)
        {
            if (gt.IsNorthUp)
            {
                tiff.SetField(GeoTiffTags.ModelPixelScale, 3, new[] { gt.A, -gt.E, 0.0 });
                tiff.SetField(GeoTiffTags.ModelTiepoint, 6, new[] { 0.0, 0.0, 0.0, gt.C, gt.F, 0.0 });
            }
            else
            {
                tiff.SetField(GeoTiffTags.ModelTransformation, 16, new[]
                {
                    gt.A, gt.B, 0.0, gt.C,
                    gt.D, gt.E, 0.0, gt.F,
                    0.0, 0.0, 0.0, 0.0,
                    0.0, 0.0, 0.0, 1.0,
                });
            }
        }

        if (raster.Crs is CrsReference crs)
        {
            var (directory, _, ascii) = GeoKeys.Build(crs);
            var shorts = new short[directory.Length];
            for (int i = 0; i < directory.Length; i++)
            {
                shorts[i] = unchecked((short)directory[i]);
            }

            tiff.SetField(GeoTiffTags.GeoKeyDirectory, shorts.Length, shorts);
            if (ascii.Length > 0)
            {
                tiff.SetField(GeoTiffTags.GeoAsciiParams, ascii);
            }
        }

        if (raster.NoData is double noData)
        {
            tiff.SetField(GeoTiffTags.GdalNoData, FormatNoData(noData, raster.DataType));
        }
    }

    internal static string FormatNoData(double value, RasterDataType type)
    {
        if (double.IsNaN(value))
        {
            return "nan";
        }

        return type.IsFloatingPoint() || value != Math.Floor(value)
            ? value.ToString("R", CultureInfo.InvariantCulture)
            : ((decimal)value).ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>Where each block's samples come from in the band-sequential raster.</summary>
    private sealed record BlockGeometry(int Width, int Height, int Bands, int BlockWidth, int BlockHeight, int BlocksAcross, int BlocksDown, bool Separate, bool Tiled)
    {
        public int RowsInBlock(int index)
        {
            int blockRow = index % (BlocksAcross * BlocksDown) / BlocksAcross;
            return Tiled ? BlockHeight : Math.Min(BlockHeight, Height - (blockRow * BlockHeight));
        }

        public void Fill<T>(T[] data, byte[] block, int index)
            where T : unmanaged
        {
            int perPlane = BlocksAcross * BlocksDown;
            int plane = index / perPlane;
            int blockRow = index % perPlane / BlocksAcross;
            int blockColumn = index % BlocksAcross;
            int top = blockRow * BlockHeight;
            int left = blockColumn * BlockWidth;
            int rows = Math.Min(RowsInBlock(index), Height - top);
            int columns = Math.Min(BlockWidth, Width - left);
            int spp = Separate ? 1 : Bands;
            var target = MemoryMarshal.Cast<byte, T>(block.AsSpan());
            ReadOnlySpan<T> source = data;
            for (int y = 0; y < rows; y++)
            {
                if (Separate || Bands == 1)
                {
                    source.Slice((((plane * Height) + top + y) * Width) + left, columns)
                        .CopyTo(target.Slice(y * BlockWidth, columns));
                    continue;
                }

                var row = target.Slice(y * BlockWidth * spp, columns * spp);
                for (int b = 0; b < Bands; b++)
                {
                    var src = source.Slice((((b * Height) + top + y) * Width) + left, columns);
                    for (int x = 0; x < columns; x++)
                    {
                        row[(x * spp) + b] = src[x];
                    }
                }
            }
        }
    }
}
