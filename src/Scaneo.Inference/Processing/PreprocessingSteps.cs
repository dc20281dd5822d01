using System.Globalization;
using Scaneo.Rasters;

namespace Scaneo.Inference.Processing;

/// <summary>The built-in preprocessing steps (band numbers in specs are 1-based, as upstream SCANEO's).</summary>
internal static class PreprocessingSteps
{
    public static IEnumerable<IProcessingStepFactory> All()
    {
        yield return Factory("S2RGB", spec =>
        {
            _ = new StepParameters(spec);
            return image => ToByteRgb(image, spec, [4, 3, 2], 3000);
        });
        yield return Factory("SATRGB", spec =>
        {
            _ = new StepParameters(spec);
            return image => ScaledRgb(image, spec, [2, 3, 4], 3000);
        });
        yield return Factory("BandSelect", spec =>
        {
            var p = new StepParameters(spec, "bands");
            double[] numbers = p.NumberList("bands");
            int[] bands = new int[numbers.Length];
            for (int i = 0; i < numbers.Length; i++)
            {
                bands[i] = numbers[i] >= 1 && numbers[i] == Math.Floor(numbers[i]) && numbers[i] <= int.MaxValue
                    ? (int)numbers[i]
                    : throw p.Fail($"BandSelect: bands are 1-based band numbers, found {StepParameters.Invariant(numbers[i])}");
            }

            return image => RasterOps.SelectBands(image, ZeroBased(image, spec, bands));
        });
        yield return Factory("Scale", spec =>
        {
            var p = new StepParameters(spec, "divisor");
            double divisor = p.Number("divisor");
            if (divisor == 0)
            {
                throw p.Fail("Scale: 'divisor' must not be 0");
            }

            return image => Map(image, v => (float)(v / divisor));
        });
        yield return Factory("Clip", spec =>
        {
            var p = new StepParameters(spec, "min", "max");
            double min = p.Number("min");
            double max = p.Number("max");
            if (min > max)
            {
                throw p.Fail($"Clip: 'min' ({StepParameters.Invariant(min)}) must not exceed 'max' ({StepParameters.Invariant(max)})");
            }

            return image => Map(image, v => (float)Math.Clamp(v, min, max));
        });
        yield return Factory("Normalize", spec =>
        {
            var p = new StepParameters(spec, "mean", "std");
            double[] mean = p.NumberList("mean");
            double[] std = p.NumberList("std");
            if (std.Any(s => s <= 0))
            {
                throw p.Fail("Normalize: every 'std' must be positive");
            }

            return image => Normalize(image, spec, mean, std);
        });
        yield return Factory("ToUInt8", spec =>
        {
            var p = new StepParameters(spec, "scale");
            double scale = p.Number("scale", 1);
            return image => ToByte(RasterOps.ToFloat(image), scale);
        });
    }

    private static DelegateStepFactory Factory(string name, Func<StepSpec, Func<Raster, Raster>> build) =>
        new(name, ProcessingStage.Preprocessing, spec => new PreprocessingStep(spec, build(spec)));

    private static int[] ZeroBased(Raster image, StepSpec spec, int[] oneBased)
    {
        var result = new int[oneBased.Length];
        for (int i = 0; i < oneBased.Length; i++)
        {
            if (oneBased[i] > image.BandCount)
            {
                throw new InferenceException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"Step {spec} needs band {oneBased[i]} (1-based); expected an image with at least {oneBased.Max()} bands, found {image.BandCount}."));
            }

            result[i] = oneBased[i] - 1;
        }

        return result;
    }

    private static RasterBuffer<byte> ToByteRgb(Raster image, StepSpec spec, int[] bands, double divisor)
    {
        var rgb = RasterOps.ToFloat(RasterOps.SelectBands(image, ZeroBased(image, spec, bands)));
        var src = rgb.Data;
        var data = new byte[src.Length];
        for (int i = 0; i < src.Length; i++)
        {
            // Upstream: (x / 3000).clip(0, 1) * 255 cast to uint8, which truncates.
            double v = Math.Clamp(src[i] / divisor, 0, 1);
            data[i] = double.IsNaN(v) ? (byte)0 : (byte)(v * 255);
        }

        return new RasterBuffer<byte>(data, image.Width, image.Height, bands.Length, image.GeoTransform, image.Crs);
    }

    private static RasterBuffer<float> ScaledRgb(Raster image, StepSpec spec, int[] bands, double divisor)
    {
        var rgb = RasterOps.ToFloat(RasterOps.SelectBands(image, ZeroBased(image, spec, bands)));
        var src = rgb.Data;
        var data = new float[src.Length];
        for (int i = 0; i < src.Length; i++)
        {
            data[i] = (float)Math.Clamp(src[i] / divisor, 0, 1);
        }

        return new RasterBuffer<float>(data, image.Width, image.Height, bands.Length, image.GeoTransform, image.Crs);
    }

    private static RasterBuffer<float> Map(Raster image, Func<double, float> f)
    {
        var src = RasterOps.ToFloat(image).Data;
        var data = new float[src.Length];
        for (int i = 0; i < src.Length; i++)
        {
            data[i] = f(src[i]);
        }

        return new RasterBuffer<float>(data, image.Width, image.Height, image.BandCount, image.GeoTransform, image.Crs, image.NoData);
    }

    private static RasterBuffer<float> Normalize(Raster image, StepSpec spec, double[] mean, double[] std)
    {
        if ((mean.Length != 1 && mean.Length != image.BandCount) || (std.Length != 1 && std.Length != image.BandCount))
        {
            throw new InferenceException(string.Create(
                CultureInfo.InvariantCulture,
                $"Step {spec}: expected 1 or {image.BandCount} values (one per band) in mean and std, found {mean.Length} and {std.Length}."));
        }

        var src = RasterOps.ToFloat(image).Data;
        var data = new float[src.Length];
        int n = image.Width * image.Height;
        for (int b = 0; b < image.BandCount; b++)
        {
            double m = mean[mean.Length == 1 ? 0 : b];
            double s = std[std.Length == 1 ? 0 : b];
            for (int i = b * n, end = i + n; i < end; i++)
            {
                data[i] = (float)((src[i] - m) / s);
            }
        }

        return new RasterBuffer<float>(data, image.Width, image.Height, image.BandCount, image.GeoTransform, image.Crs);
    }

    private static RasterBuffer<byte> ToByte(RasterBuffer<float> image, double scale)
    {
        var src = image.Data;
        var data = new byte[src.Length];
        for (int i = 0; i < src.Length; i++)
        {
            double v = src[i] * scale;
            data[i] = double.IsNaN(v) ? (byte)0 : (byte)Math.Clamp(Math.Round(v), 0, 255);
        }

        return new RasterBuffer<byte>(data, image.Width, image.Height, image.BandCount, image.GeoTransform, image.Crs);
    }
}
