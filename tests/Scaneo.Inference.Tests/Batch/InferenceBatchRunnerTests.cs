using Scaneo.Inference.Batch;
using Scaneo.Predictions;
using Scaneo.Rasters;

namespace Scaneo.Inference.Tests.Batch;

public class InferenceBatchRunnerTests
{
    private static readonly ModelDefinition Model = new("m", new Uri("http://127.0.0.1:1/"), ModelTask.Classification);

    private sealed class FakeClient(Func<Raster, CancellationToken, Task<ModelPrediction>> run) : IInferenceClient
    {
        public Task<ModelPrediction> PredictAsync(Raster image, ModelDefinition model, SamPrompt? samPrompt = null, CancellationToken cancellationToken = default) =>
            run(image, cancellationToken);
    }

    private static ModelPrediction Prediction(double score) =>
        ModelPrediction.FromClassification(new ClassificationPrediction([score], ScoreKind.Probabilities));

    private static BatchItem Item(int i) => new("img" + i, new RasterBuffer<byte>(1, 1) { [0, 0, 0] = (byte)i });

    [Fact]
    public async Task RunAsync_FailingImages_AreReportedAndTheRestSucceed()
    {
        var client = new FakeClient(async (image, ct) =>
        {
            await Task.Yield();
            byte v = ((RasterBuffer<byte>)image)[0, 0, 0];
            return v % 3 == 0 ? throw new ReplyFormatException("x", "y") : Prediction(v);
        });
        var progress = new List<BatchProgress>();
        var outcomes = new List<BatchOutcome>();
        await foreach (var o in new InferenceBatchRunner(client).RunAsync(Enumerable.Range(0, 20).Select(Item).ToList(), Model, progress: new SyncProgress(progress.Add)))
        {
            outcomes.Add(o);
        }

        Assert.Equal(Enumerable.Range(0, 20), outcomes.Select(o => o.Index).Order());
        Assert.All(outcomes.Where(o => o.Index % 3 == 0), o => Assert.IsType<ReplyFormatException>(o.Error));
        Assert.All(outcomes.Where(o => o.Index % 3 != 0), o => Assert.Equal(o.Index, o.Prediction!.Classification!.Scores[0]));
        Assert.Equal(new BatchProgress(20, 13, 7, 20), progress[^1]);
    }

    [Fact]
    public async Task RunAsync_Concurrency_NeverExceedsTheBound()
    {
        int running = 0, peak = 0;
        var client = new FakeClient(async (image, ct) =>
        {
            int now = Interlocked.Increment(ref running);
            InterlockedMax(ref peak, now);
            await Task.Delay(20, ct);
            Interlocked.Decrement(ref running);
            return Prediction(1);
        });
        int count = 0;
        await foreach (var o in new InferenceBatchRunner(client).RunAsync(Enumerable.Range(0, 24).Select(Item), Model, new BatchOptions { MaxConcurrency = 3 }))
        {
            Assert.True(o.Succeeded);
            count++;
        }

        Assert.Equal(24, count);
        Assert.InRange(peak, 2, 3);
    }

    [Fact]
    public async Task RunAsync_LazyItems_AreLoadedOnlyWhenTheirTurnComes()
    {
        int loaded = 0;
        var gate = new TaskCompletionSource();
        var client = new FakeClient(async (image, ct) =>
        {
            await gate.Task.WaitAsync(ct);
            return Prediction(1);
        });
        var items = Enumerable.Range(0, 50).Select(i => new BatchItem("lazy" + i, _ =>
        {
            Interlocked.Increment(ref loaded);
            return ValueTask.FromResult<Raster>(new RasterBuffer<byte>(1, 1));
        }));
        var e = new InferenceBatchRunner(client).RunAsync(items, Model, new BatchOptions { MaxConcurrency = 2 }).GetAsyncEnumerator();
        Task<bool> first = e.MoveNextAsync().AsTask();
        try
        {
            // The two workers load their items as soon as they start, which can take a while on a busy machine (a
            // fixed 100 ms wait failed there); then no third item may be loaded while both model calls are held.
            var waited = System.Diagnostics.Stopwatch.StartNew();
            while (Volatile.Read(ref loaded) < 2 && waited.Elapsed < TimeSpan.FromSeconds(30))
            {
                await Task.Delay(10);
            }

            await Task.Delay(200);
            Assert.Equal(2, Volatile.Read(ref loaded));
            gate.SetResult();
            Assert.True(await first);
        }
        finally
        {
            // Release the model calls and let the pending MoveNextAsync finish before disposing: disposing an async
            // iterator while it runs throws NotSupportedException, which would hide the assertion that failed.
            gate.TrySetResult();
            await Task.WhenAny(first);
            await e.DisposeAsync();
        }
    }

    [Fact]
    public async Task RunAsync_LoaderFailure_IsThatImagesOutcome()
    {
        var client = new FakeClient((image, ct) => Task.FromResult(Prediction(1)));
        var items = new[]
        {
            new BatchItem("bad", _ => throw new ScaneoException("cannot read bad.tif")),
            Item(1),
        };
        var outcomes = new List<BatchOutcome>();
        await foreach (var o in new InferenceBatchRunner(client).RunAsync(items, Model))
        {
            outcomes.Add(o);
        }

        Assert.Equal("cannot read bad.tif", Assert.Single(outcomes, o => !o.Succeeded).Error!.Message);
        Assert.Single(outcomes, o => o.Succeeded);
    }

    [Fact]
    public async Task RunAsync_Cancelled_StopsWithOperationCanceled()
    {
        using var cts = new CancellationTokenSource();
        int started = 0;
        var client = new FakeClient(async (image, ct) =>
        {
            Interlocked.Increment(ref started);
            await Task.Delay(Timeout.Infinite, ct);
            return Prediction(1);
        });
        cts.CancelAfter(100);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var o in new InferenceBatchRunner(client).RunAsync(Enumerable.Range(0, 1000).Select(Item), Model, cancellationToken: cts.Token))
            {
                Assert.Fail("no image can finish");
            }
        });
        Assert.InRange(Volatile.Read(ref started), 1, 4);
    }

    [Fact]
    public void BatchOptions_OutOfRangeConcurrency_Throws()
    {
        Assert.Throws<ScaneoValidationException>(() => new BatchOptions { MaxConcurrency = 0 });
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }

    private sealed class SyncProgress(Action<BatchProgress> report) : IProgress<BatchProgress>
    {
        public void Report(BatchProgress value) => report(value);
    }
}
