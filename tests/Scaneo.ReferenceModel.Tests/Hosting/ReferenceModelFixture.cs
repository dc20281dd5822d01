namespace Scaneo.ReferenceModel.Tests.Hosting;

/// <summary>One reference server (Landsat preset) and one HttpClient shared by the tests of a class.</summary>
public sealed class ReferenceModelFixture : IAsyncLifetime
{
    public static string SamplePath { get; } = Path.Combine(AppContext.BaseDirectory, "data", "L7_ETMs.tif");

    public ReferenceModelHandle Server { get; private set; } = null!;

    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(30) };

    public async Task InitializeAsync() =>
        Server = await ReferenceModelServer.StartAsync(ReferenceModelOptions.ForPreset(ReferenceModelPreset.Landsat));

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
    }

    public static MultipartFormDataContent Form(byte[] image, string fileName = "image.tif", params (string Name, string Value)[] fields)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(image);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("image/tiff");
        form.Add(file, "image", fileName);
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }

        return form;
    }
}
