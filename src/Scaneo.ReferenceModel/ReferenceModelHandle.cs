using Microsoft.AspNetCore.Builder;

namespace Scaneo.ReferenceModel;

/// <summary>
/// A running reference model server (see <see cref="ReferenceModelServer.StartAsync"/>). Disposing it stops the
/// server and releases its port.
/// </summary>
public sealed class ReferenceModelHandle : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _disposed;

    internal ReferenceModelHandle(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    /// <summary>Gets the server's root, e.g. <c>http://127.0.0.1:51234/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Gets the classification endpoint (<see cref="ReferenceModelRoutes.Classification"/>).</summary>
    public Uri ClassificationUri => Resolve(ReferenceModelRoutes.Classification);

    /// <summary>Gets the detection endpoint (<see cref="ReferenceModelRoutes.Detection"/>).</summary>
    public Uri DetectionUri => Resolve(ReferenceModelRoutes.Detection);

    /// <summary>Gets the class-mask segmentation endpoint (<see cref="ReferenceModelRoutes.Segmentation"/>).</summary>
    public Uri SegmentationUri => Resolve(ReferenceModelRoutes.Segmentation);

    /// <summary>Gets the per-class score segmentation endpoint (<see cref="ReferenceModelRoutes.SegmentationScores"/>).</summary>
    public Uri SegmentationScoresUri => Resolve(ReferenceModelRoutes.SegmentationScores);

    /// <summary>Gets the SAM endpoint (<see cref="ReferenceModelRoutes.Sam"/>).</summary>
    public Uri SamUri => Resolve(ReferenceModelRoutes.Sam);

    /// <summary>Gets every task endpoint with a short name (<c>classification</c>, <c>detection</c>, <c>segmentation</c>, <c>segmentation-scores</c>, <c>sam</c>), in that order.</summary>
    public IReadOnlyList<KeyValuePair<string, Uri>> Endpoints =>
    [
        new("classification", ClassificationUri),
        new("detection", DetectionUri),
        new("segmentation", SegmentationUri),
        new("segmentation-scores", SegmentationScoresUri),
        new("sam", SamUri),
    ];

    /// <summary>Stops the server (in-flight requests get a few seconds to finish) and releases the port.</summary>
    /// <returns>A task that completes when the server has stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5)))
        {
            await _app.StopAsync(timeout.Token).ConfigureAwait(false);
        }

        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private Uri Resolve(string route) => new(BaseAddress, route.TrimStart('/'));
}
