using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Scaneo.Inference.Diagnostics;

/// <summary>The package's one ActivitySource and one Meter, both named <c>Scaneo.Inference</c>.</summary>
internal static class InferenceDiagnostics
{
    public const string Name = "Scaneo.Inference";

    public static readonly ActivitySource ActivitySource = new(Name);

    public static readonly Meter Meter = new(Name);

    public static readonly Counter<long> Requests = Meter.CreateCounter<long>("scaneo.inference.requests", "{request}", "Model requests by model, task and outcome.");

    public static readonly Histogram<double> Duration = Meter.CreateHistogram<double>("scaneo.inference.request.duration", "s", "Duration of model requests including retries and decoding.");

    public static readonly Histogram<long> ReplySize = Meter.CreateHistogram<long>("scaneo.inference.reply.size", "By", "Size of model replies.");
}
