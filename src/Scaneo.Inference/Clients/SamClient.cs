using System.Globalization;
using System.Text;
using Scaneo.Geo;
using Scaneo.Predictions;
using Scaneo.Rasters;

namespace Scaneo.Inference;

/// <summary>The typed HTTP client behind <see cref="ISamClient"/>.</summary>
internal sealed class SamClient(HttpClient httpClient, InferenceServices services) : ISamClient
{
    private readonly ModelInvoker _invoker = new(httpClient, services);

    public async Task<SamPrediction> SegmentAsync(Raster image, SamPrompt prompt, ModelDefinition model, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(prompt);
        ArgumentNullException.ThrowIfNull(model);
        if (image.GeoTransform is null || image.Crs is null)
        {
            throw new InferenceException($"Model '{model.Name}': SAM needs a georeferenced image (geotransform and CRS) so the server can answer in EPSG:4326; found an image without {(image.GeoTransform is null ? "a geotransform" : "a CRS")}.", model.Name);
        }

        // SCANEO sends SAM a PNG; JPEG only when the model asks for it.
        ImageFormat format = model.InputFormat == ImageFormat.Jpeg ? ImageFormat.Jpeg : ImageFormat.Png;
        var (reply, _) = await _invoker.RunAsync(image, model, ModelTask.Sam, (content, sent) => AddFields(content, sent, prompt, model), format, cancellationToken).ConfigureAwait(false);
        return PredictionFactory.Sam(reply, model);
    }

    /// <summary>Builds the <c>points</c> field: JSON <c>[[col, row], …]</c> in pixels of the sent image.</summary>
    internal static string PointsJson(Raster sent, SamPrompt prompt)
    {
        var sb = new StringBuilder("[");
        for (int i = 0; i < prompt.Points.Count; i++)
        {
            var (x, y) = prompt.Points[i];
            var (col, row) = prompt.Space == SamPointSpace.Map ? sent.GeoTransform!.Value.MapToPixel(x, y) : (x, y);
            if (col < 0 || row < 0 || col >= sent.Width || row >= sent.Height)
            {
                throw new ScaneoValidationException(
                    string.Create(CultureInfo.InvariantCulture, $"SamPrompt.Points[{i}]"),
                    string.Create(CultureInfo.InvariantCulture, $"({x}, {y}) → pixel ({col:0.##}, {row:0.##})"),
                    string.Create(CultureInfo.InvariantCulture, $"must fall inside the {sent.Width} × {sent.Height} image."));
            }

            // The pixel that contains the point; servers index arrays with these.
            sb.Append(i == 0 ? "[" : ",[")
              .Append(((int)Math.Floor(col)).ToString(CultureInfo.InvariantCulture)).Append(',')
              .Append(((int)Math.Floor(row)).ToString(CultureInfo.InvariantCulture)).Append(']');
        }

        return sb.Append(']').ToString();
    }

    private static void AddFields(MultipartFormDataContent content, Raster sent, SamPrompt prompt, ModelDefinition model)
    {
        if (sent.GeoTransform is not GeoTransform gt || sent.Crs is null)
        {
            throw new InferenceException($"Model '{model.Name}': preprocessing removed the image's georeferencing; SAM needs the geotransform and CRS.", model.Name);
        }

        content.Add(new StringContent(PointsJson(sent, prompt)), "points");
        content.Add(new StringContent(prompt.Label), "label");
        content.Add(new StringContent(sent.Crs.ToString()), "crs");
        content.Add(new StringContent("[" + string.Join(", ", gt.ToGdal().Select(v => v.ToString("R", CultureInfo.InvariantCulture))) + "]"), "transform");
    }
}
