using System.Diagnostics;
using Orchestration.Diagnostics;
using Orchestration.Events;
using Orchestration.Tests.Support;

namespace Orchestration.Tests.Diagnostics;

public sealed class ReconcileTracingTests
{
    /// <summary>A fleet name no other test uses: the span listener is process-wide.</summary>
    private const string Fleet = "traced";

    [Fact]
    public async Task Each_reconcile_of_a_fleet_is_a_root_span_of_its_workload_with_the_placements_and_starts_it_decided()
    {
        using var spans = new SpanRecorder(Fleet);
        var spec = FleetHarness.Service("api", 3, b => b.Env("MODE", "not-a-tag-value"));
        await using var fleet = await FleetHarness.StartAsync(n => n.AddNodes(3), o => o.FleetName = Fleet, null, spec);
        await fleet.UntilAsync(s => s["api"]!.Ready == 3, TimeSpan.FromSeconds(10));

        var api = spans.Of("api");
        Assert.NotEmpty(api);
        Assert.All(api, span =>
        {
            Assert.Equal(ReconcileTracing.SpanName, span.OperationName);
            Assert.Equal(ActivityKind.Internal, span.Kind);
            Assert.Equal(default(ActivitySpanId), span.ParentSpanId);
            Assert.Equal(Fleet, span.GetTagItem(MetricTags.Fleet));
            Assert.Equal("success", span.GetTagItem(MetricTags.ReconcileOutcome));
            Assert.Equal(ActivityStatusCode.Unset, span.Status);
        });
        Assert.Equal(api.Count, api.Select(s => s.TraceId).Distinct().Count());

        var replicas = fleet["api"].Replicas.Select(r => r.Id).Order(StringComparer.Ordinal);
        Assert.Equal(replicas, ReplicasIn(api, nameof(ReplicaScheduled)));
        Assert.Equal(replicas, ReplicasIn(api, nameof(ReplicaStarted)));
        Assert.Equal(fleet.Events.Count(e => e.Workload == "api"), api.Sum(s => s.Events.Count()));

        var values = spans.All.SelectMany(s => s.TagObjects.Concat(s.Events.SelectMany(e => e.Tags))).Select(t => t.Value);
        Assert.DoesNotContain("not-a-tag-value", values);
    }

    private static IEnumerable<string> ReplicasIn(IEnumerable<Activity> spans, string eventName)
        => spans.SelectMany(s => s.Events).Where(e => e.Name == eventName)
            .Select(e => (string)e.Tags.Single(t => t.Key == MetricTags.ReplicaId).Value!)
            .Order(StringComparer.Ordinal);
}
