using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orchestration.Diagnostics;
using Orchestration.Events;
using Orchestration.Reconciliation;

namespace Orchestration.Tests.Diagnostics;

public sealed class MeasuredReconcilerTests : IDisposable
{
    /// <summary>A fleet name no other test uses: the span listener is process-wide.</summary>
    private const string Fleet = "measured-reconciler";

    private readonly FakeTimeProvider _time = new();
    private readonly TestMeterFactory _meters = new();
    private readonly MetricRecorder _metrics;
    private readonly SpanRecorder _spans = new(Fleet);
    private readonly ServiceProvider _services;

    public MeasuredReconcilerTests()
    {
        _metrics = MetricRecorder.For(_meters);
        _services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<TimeProvider>(_time)
            .AddSingleton<System.Diagnostics.Metrics.IMeterFactory>(_meters)
            .AddOrchestration(o => o.FleetName = Fleet).Services
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
            new Dictionary<string, object?> { [MetricTags.Fleet] = Fleet, [MetricTags.Workload] = "api", [MetricTags.ReconcileOutcome] = "success" },
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
        var span = Assert.Single(_spans.All);
        Assert.Equal("cancelled", span.GetTagItem(MetricTags.ReconcileOutcome));
        Assert.Equal(ActivityStatusCode.Unset, span.Status);
    }

    [Fact]
    public async Task A_reconcile_is_a_root_span_with_the_fleet_the_workload_and_the_outcome_whatever_activity_its_caller_has()
    {
        Activity? current = null;
        var reconciler = Measure(() =>
        {
            current = Activity.Current;
            return ReconcileResult.Done;
        });
        using var caller = new Activity("caller").Start();

        await reconciler.ReconcileAsync("api", CancellationToken.None);

        Assert.Same(caller, Activity.Current);
        var span = Assert.Single(_spans.All);
        Assert.Same(span, current);
        Assert.Equal(ReconcileTracing.SpanName, span.OperationName);
        Assert.Equal(OrchestrationMetrics.ActivitySourceName, span.Source.Name);
        Assert.Equal(ActivityKind.Internal, span.Kind);
        Assert.Null(span.Parent);
        Assert.Equal(default(ActivitySpanId), span.ParentSpanId);
        Assert.NotEqual(caller.TraceId, span.TraceId);
        Assert.Equal(
            new Dictionary<string, object?> { [MetricTags.Fleet] = Fleet, [MetricTags.Workload] = "api", [MetricTags.ReconcileOutcome] = "success" },
            span.TagObjects.ToDictionary());
        Assert.Equal(ActivityStatusCode.Unset, span.Status);
        Assert.Empty(span.Events);
    }

    [Fact]
    public async Task A_failed_reconcile_span_has_status_error_with_the_exception_type_and_an_exception_event()
    {
        var reconciler = Measure(() => throw new InvalidOperationException("runtime unreachable"));

        await Assert.ThrowsAsync<InvalidOperationException>(() => reconciler.ReconcileAsync("api", CancellationToken.None));

        var span = Assert.Single(_spans.All);
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Equal("System.InvalidOperationException", span.StatusDescription);
        Assert.Equal("failure", span.GetTagItem(MetricTags.ReconcileOutcome));
        Assert.Equal("System.InvalidOperationException", span.GetTagItem(MetricTags.ErrorType));
        var exception = Assert.Single(span.Events);
        Assert.Equal("exception", exception.Name);
        Assert.Equal("System.InvalidOperationException", exception.Tags.Single(t => t.Key == "exception.type").Value);
    }

    [Fact]
    public async Task The_events_a_reconcile_publishes_become_events_of_its_span_but_not_those_of_work_that_outlives_it()
    {
        var events = _services.GetRequiredService<EventHub>();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Task? later = null;
        var reconciler = Measure(() =>
        {
            events.Publish(new ReplicaScheduled { Time = _time.GetUtcNow(), Fleet = Fleet, Workload = "api", ReplicaId = "r1", Node = "node-0" });
            later = Task.Run(async () =>
            {
                await release.Task;
                events.Publish(new ReplicaStarted { Time = _time.GetUtcNow(), Fleet = Fleet, Workload = "api", ReplicaId = "r1", Node = "node-0", ContainerId = "c1" });
            });
            return ReconcileResult.Done;
        });

        await reconciler.ReconcileAsync("api", CancellationToken.None);
        release.SetResult();
        await later!;
        events.Publish(new WorkloadScaled { Time = _time.GetUtcNow(), Fleet = Fleet, Workload = "api", From = 1, To = 2 });

        var span = Assert.Single(_spans.All);
        var scheduled = Assert.Single(span.Events);
        Assert.Equal(nameof(ReplicaScheduled), scheduled.Name);
        Assert.Equal(new KeyValuePair<string, object?>(MetricTags.ReplicaId, "r1"), Assert.Single(scheduled.Tags));
    }

    public void Dispose()
    {
        _spans.Dispose();
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
