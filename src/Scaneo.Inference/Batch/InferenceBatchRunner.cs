using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Scaneo.Inference.Diagnostics;

namespace Scaneo.Inference.Batch;

/// <summary>
/// Runs a model over many images with bounded concurrency. Every image yields exactly one <see cref="BatchOutcome"/>
/// (a prediction or an error); a failing image never stops the batch; cancellation stops it.
/// </summary>
public sealed class InferenceBatchRunner
{
    private readonly IInferenceClient _client;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;

    /// <summary>Initializes a runner.</summary>
    /// <param name="client">The client that runs one image.</param>
    /// <param name="timeProvider">Clock for the elapsed times (default: system).</param>
    /// <param name="logger">Logger (default: none).</param>
    public InferenceBatchRunner(IInferenceClient client, TimeProvider? timeProvider = null, ILogger<InferenceBatchRunner>? logger = null)
    {
        _client = client ?? throw new ArgumentNullException(nameof(client));
        _timeProvider = timeProvider ?? TimeProvider.System;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>Runs the model over the images; outcomes are yielded in completion order.</summary>
    /// <param name="images">The images, enumerated lazily as workers free up.</param>
    /// <param name="model">The model.</param>
    /// <param name="options">Concurrency (default 4).</param>
    /// <param name="progress">Receives progress after each image.</param>
    /// <param name="cancellationToken">Stops the run: in-flight requests are cancelled and enumeration ends with <see cref="OperationCanceledException"/>.</param>
    /// <returns>One outcome per image.</returns>
    public async IAsyncEnumerable<BatchOutcome> RunAsync(
        IEnumerable<BatchItem> images,
        ModelDefinition model,
        BatchOptions? options = null,
        IProgress<BatchProgress>? progress = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(model);
        options ??= new BatchOptions();
        int? total = images switch
        {
            ICollection<BatchItem> c => c.Count,
            IReadOnlyCollection<BatchItem> r => r.Count,
            _ => null,
        };

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var channel = Channel.CreateBounded<BatchOutcome>(new BoundedChannelOptions(options.MaxConcurrency * 2) { SingleReader = true });
        var producer = Task.Run(() => ProduceAsync(images, model, options.MaxConcurrency, channel.Writer, stop.Token), CancellationToken.None);
        int succeeded = 0, failed = 0;
        try
        {
            await foreach (var outcome in channel.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                if (outcome.Succeeded)
                {
                    succeeded++;
                }
                else
                {
                    failed++;
                }

                progress?.Report(new BatchProgress(succeeded + failed, succeeded, failed, total));
                yield return outcome;
            }

            await producer.ConfigureAwait(false);
        }
        finally
        {
            // The consumer stopped early or was cancelled: stop the workers and wait for them.
            await stop.CancelAsync().ConfigureAwait(false);
            try
            {
                await producer.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Expected after cancellation.
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
    }

    private async Task ProduceAsync(IEnumerable<BatchItem> images, ModelDefinition model, int concurrency, ChannelWriter<BatchOutcome> writer, CancellationToken cancellationToken)
    {
        using var slots = new SemaphoreSlim(concurrency);
        var running = new List<Task>();
        Exception? failure = null;
        try
        {
            int index = 0;
            foreach (var item in images)
            {
                ArgumentNullException.ThrowIfNull(item, nameof(images));
                await slots.WaitAsync(cancellationToken).ConfigureAwait(false);
                if (cancellationToken.IsCancellationRequested)
                {
                    // A slot freed by a cancelled worker can reach a waiter before the cancellation does.
                    slots.Release();
                    cancellationToken.ThrowIfCancellationRequested();
                }

                int position = index++;
                running.Add(RunOneAsync(item, position, model, writer, slots, cancellationToken));
                running.RemoveAll(t => t.IsCompleted);
            }

            await Task.WhenAll(running).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            failure = ex;
            try
            {
                await Task.WhenAll(running).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Workers stop on the same cancellation.
            }
        }
        finally
        {
            writer.TryComplete(failure);
        }
    }

    private async Task RunOneAsync(BatchItem item, int index, ModelDefinition model, ChannelWriter<BatchOutcome> writer, SemaphoreSlim slots, CancellationToken cancellationToken)
    {
        try
        {
            long started = _timeProvider.GetTimestamp();
            ModelPrediction? prediction = null;
            Exception? error = null;
            try
            {
                var image = await item.LoadImage(cancellationToken).ConfigureAwait(false)
                    ?? throw new ScaneoException($"Batch item '{item.Id}': the image loader returned null; expected a raster.");
                prediction = await _client.PredictAsync(image, model, item.SamPrompt, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (!(ex is OperationCanceledException && cancellationToken.IsCancellationRequested))
            {
                // One image's failure is its outcome, never the batch's.
                error = ex;
                Log.BatchItemFailed(_logger, item.Id, ex.Message);
            }

            var outcome = new BatchOutcome(item, index, prediction, error, _timeProvider.GetElapsedTime(started));
            await writer.WriteAsync(outcome, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            slots.Release();
        }
    }
}
