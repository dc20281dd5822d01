using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Scaneo.Rasters;

namespace Scaneo.ReferenceModel.Hosting;

/// <summary>A parsed SCANEO request: the decoded <c>image</c> field and the other form fields.</summary>
internal sealed class ModelRequest
{
    private ModelRequest(Raster image, IFormCollection form)
    {
        Image = image;
        Form = form;
    }

    public Raster Image { get; }

    public IFormCollection Form { get; }

    public static async Task<ModelRequest> ReadAsync(HttpContext context, ReferenceModelOptions options, CancellationToken cancellationToken)
    {
        HttpRequest request = context.Request;
        if (!request.HasFormContentType)
        {
            throw new ModelRequestException(
                StatusCodes.Status400BadRequest,
                "Not a form",
                $"Expected multipart/form-data with a file field 'image'; found content type '{request.ContentType ?? "(none)"}'.");
        }

        // Limits per request, so a huge upload fails with 413 before it is buffered.
        context.Features.Set<IFormFeature>(new FormFeature(request, new FormOptions
        {
            MultipartBodyLengthLimit = options.MaxImageBytes + (1024 * 1024),
            ValueLengthLimit = 1024 * 1024,
            ValueCountLimit = 64,
        }));

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidDataException ex)
        {
            // FormReader's limit errors ("Multipart body length limit … exceeded") and malformed bodies both land here.
            bool tooLarge = ex.Message.Contains("limit", StringComparison.OrdinalIgnoreCase);
            throw new ModelRequestException(
                tooLarge ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest,
                tooLarge ? "Request too large" : "Malformed form",
                ex.Message);
        }

        IFormFile? file = form.Files.GetFile("image");
        if (file is null)
        {
            string found = form.Files.Count == 0 ? "no file field" : "file field(s) " + string.Join(", ", form.Files.Select(f => "'" + f.Name + "'"));
            throw new ModelRequestException(StatusCodes.Status400BadRequest, "Missing image", $"Expected a file field named 'image'; found {found}.");
        }

        if (file.Length > options.MaxImageBytes)
        {
            throw new ModelRequestException(
                StatusCodes.Status413PayloadTooLarge,
                "Image too large",
                string.Create(CultureInfo.InvariantCulture, $"The image is {file.Length} bytes; this server accepts at most {options.MaxImageBytes} bytes."));
        }

        // The form reader has already buffered the upload (seekable), and RasterFile.Read copies only streams that
        // are not seekable, so the image is decoded straight from the form's buffer.
        cancellationToken.ThrowIfCancellationRequested();
        Raster image;
        await using (Stream upload = file.OpenReadStream())
        {
            image = ImageCodec.Decode(upload, string.IsNullOrEmpty(file.FileName) ? "image" : file.FileName, options.MaxImagePixels);
        }

        return new ModelRequest(image, form);
    }

    /// <summary>Returns a form field's value, or <see langword="null"/> when absent or blank.</summary>
    public string? Field(string name)
    {
        string? value = Form.TryGetValue(name, out var values) ? values.ToString() : null;
        return string.IsNullOrWhiteSpace(value) ? null : value;
    }
}
