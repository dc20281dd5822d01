// Usage: dotnet run --project samples/LabelOneImage -- <image.tif> <model-url> <task> water=0,vegetation=1,built-up=2
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Scaneo;
using Scaneo.Annotations.Building;
using Scaneo.Annotations.Exports;
using Scaneo.Inference;
using Scaneo.Rasters;

var builder = Host.CreateApplicationBuilder(args);
builder.Services.AddScaneoInference(o => o.TotalTimeout = TimeSpan.FromSeconds(60)); // typed clients + resilience
builder.Services.AddScaneoAnnotations();                                             // mapping, builder, exporters
using var host = builder.Build();

var image = RasterFile.Read(args[0]);
var mapping = LabelMapping.FromIndexes(args[3].Split(',').Select(p => p.Split('='))
    .Select(kv => new KeyValuePair<string, int?>(kv[0], int.TryParse(kv[1], out int i) ? i : null)));
var model = new CampaignModel(new ModelDefinition("my-model", new Uri(args[1]), new ModelTask(args[2])), mapping);
var campaignImage = new CampaignImage(Path.GetFileName(args[0]), image.Width, image.Height, image.BandCount, image.DataType, image.Crs, image.GeoTransform);

var prediction = await host.Services.GetRequiredService<IInferenceClient>().PredictAsync(image, model.Model);
var annotations = host.Services.GetRequiredService<AnnotationBuilder>() switch
{
    var b when prediction.Classification is { } c => [b.FromClassification(campaignImage, model, c)],
    var b when prediction.Detection is { } d => b.FromDetection(campaignImage, model, d),
    var b => b.FromSegmentation(campaignImage, model, prediction.Segmentation!),
};
byte[] geojson = host.Services.GetRequiredService<ScaneoExporter>().WriteFeatureCollection(campaignImage.Path, annotations);
Console.WriteLine(System.Text.Encoding.UTF8.GetString(geojson));
