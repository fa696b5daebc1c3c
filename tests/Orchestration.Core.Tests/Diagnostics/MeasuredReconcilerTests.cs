using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orchestration.Diagnostics;
using Orchestration.Reconciliation;

namespace Orchestration.Tests.Diagnostics;

public sealed class MeasuredReconcilerTests : IDisposable
{
    private readonly FakeTimeProvider _time = new();
    private readonly TestMeterFactory _meters = new();
    private readonly MetricRecorder _metrics;
    private readonly ServiceProvider _services;

    public MeasuredReconcilerTests()
    {
        _metrics = MetricRecorder.For(_meters);
        _services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<TimeProvider>(_time)
            .AddSingleton<System.Diagnostics.Metrics.IMeterFactory>(_meters)
            .AddOrchestration(o => o.FleetName = "shop").Services
            .BuildServiceProvider();
    }

    [Fact]
    public async Task A_reconcile_is_recorded_with_its_duration_on_the_orchestrators_clock_and_its_workload()
    {
        var reconciler = Measure(() =>
        {
            _time.Advance(TimeSpan.FromMilliseconds(1500));
            return ReconcileResult.Done;
        });

        await reconciler.ReconcileAsync("api", CancellationToken.None);

        var recorded = Assert.Single(_metrics.Of("orchestration.reconcile.duration"));
        Assert.Equal(1.5, recorded.Value);
        Assert.Equal(
            new Dictionary<string, object?> { [MetricTags.Fleet] = "shop", [MetricTags.Workload] = "api", [MetricTags.ReconcileOutcome] = "success" },
            recorded.Tags);
    }

    [Fact]
    public async Task A_failed_reconcile_is_recorded_as_a_failure_with_the_exception_type_and_still_throws()
    {
        var reconciler = Measure(() =>
        {
            _time.Advance(TimeSpan.FromMilliseconds(250));
            throw new InvalidOperationException("runtime unreachable");
        });

        await Assert.ThrowsAsync<InvalidOperationException>(() => reconciler.ReconcileAsync("api", CancellationToken.None));

        var recorded = Assert.Single(_metrics.Of("orchestration.reconcile.duration"));
        Assert.Equal(0.25, recorded.Value);
        Assert.Equal("failure", recorded.Tag(MetricTags.ReconcileOutcome));
        Assert.Equal("System.InvalidOperationException", recorded.Tag(MetricTags.ErrorType));
        Assert.Equal("api", recorded.Tag(MetricTags.Workload));
    }

    [Fact]
    public async Task A_reconcile_cut_short_because_the_loop_stops_is_not_recorded()
    {
        using var stopping = new CancellationTokenSource();
        await stopping.CancelAsync();
        var reconciler = Measure(() => throw new OperationCanceledException(stopping.Token));

        await Assert.ThrowsAsync<OperationCanceledException>(() => reconciler.ReconcileAsync("api", stopping.Token));

        Assert.Empty(_metrics.Of("orchestration.reconcile.duration"));
    }

    public void Dispose()
    {
        _services.Dispose();
        _metrics.Dispose();
        _meters.Dispose();
    }

    private MeasuredReconciler Measure(Func<ReconcileResult> reconcile)
        => new(new Reconciler(reconcile), _services.GetRequiredService<FleetMetrics>(), _time);

    private sealed class Reconciler(Func<ReconcileResult> reconcile) : IReconciler
    {
        public Task<ReconcileResult> ReconcileAsync(string key, CancellationToken cancellationToken) => Task.FromResult(reconcile());
    }
}
