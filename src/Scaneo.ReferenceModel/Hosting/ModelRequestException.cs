namespace Scaneo.ReferenceModel.Hosting;

/// <summary>A request the server refuses, with the HTTP status and the problem-details title to answer.</summary>
internal sealed class ModelRequestException(int statusCode, string title, string detail) : Exception(detail)
{
    public int StatusCode { get; } = statusCode;

    public string Title { get; } = title;
}
