using System.Diagnostics.Metrics;
using Orchestration.Events;
using Orchestration.Tests.Support;

namespace Orchestration.Tests.Autoscaling;

/// <summary>An app's own <see cref="System.Diagnostics.Metrics"/> instrument, read by the autoscaler with a
/// <see cref="MeterListener"/>, drives its decisions on a fake clock the way the HPA would: up at once, down only after
/// the 300 s scale-down window.</summary>
public sealed class InstrumentScalingTests
{
    [Fact]
    public async Task An_apps_gauge_scales_the_service_up_at_once_and_down_after_the_scale_down_window()
    {
        // A meter of this test's own, so that instruments of tests running in parallel never mix.
        var meterName = "Shop.Orders." + Guid.NewGuid().ToString("N");
        using var meter = new Meter(meterName);
        var pending = 0;
        meter.CreateObservableGauge("orders.pending", () => Volatile.Read(ref pending));
        var orders = FleetHarness.Service("orders", 1, b => b.Autoscale(1, 5, a => a.Instrument(meterName, "orders.pending", 10)));
        await using var fleet = await FleetHarness.StartAsync(n => n.AddNodes(1), orders);
        await UntilAsync(fleet, s => s["orders"]!.Ready == 1 && s.Autoscalers.Any(a => a.Workload == "orders" && a.Metrics is [{ Value: 0 }]), TimeSpan.FromMinutes(1));

        // 35 pending orders for one replica at a target of 10 per replica: ceil(1 × 35 / 10) = 4, at the next decision.
        Volatile.Write(ref pending, 35);
        var raised = fleet.Time.GetUtcNow();
        var status = await UntilAsync(fleet, s => s["orders"]!.Ready == 4, TimeSpan.FromMinutes(1));
        var up = Assert.Single(fleet.EventsOf<AutoscalerDecided>(), e => e.From == 1 && e.To == 4);
        Assert.True(up.Time - raised <= AutoscalingDefaults.SyncPeriod, $"scaled up {up.Time - raised} after the load rose");
        var reading = Assert.Single(up.Metrics);
        Assert.Equal(("orders.pending", 35d, 10d, 4), (reading.Name, reading.Value!.Value, reading.Target, reading.Proposal!.Value));
        Assert.Contains("orders.pending 35 (target 10) proposes 4", up.Reason, StringComparison.Ordinal);
        var row = Assert.Single(status.Autoscalers);
        Assert.Equal((4, 1, 5), (row.Desired, row.MinReplicas, row.MaxReplicas));

        // The queue drains to 5 over 4 replicas: the recommendation is 1 at once, the count follows after 300 s.
        Volatile.Write(ref pending, 5);
        var drained = fleet.Time.GetUtcNow();
        await UntilAsync(fleet, s => s.Autoscalers.Any(a => a.Recommendation == 1), TimeSpan.FromMinutes(1));
        Assert.Equal(4, fleet.Orchestrator.DesiredState!.Find("orders")!.Replicas);
        await UntilAsync(fleet, s => s["orders"]!.Desired == 1 && s["orders"]!.Replicas.Length == 1, TimeSpan.FromMinutes(10), TimeSpan.FromSeconds(1));
        var down = Assert.Single(fleet.EventsOf<AutoscalerDecided>(), e => e.From == 4 && e.To == 1);
        Assert.True(down.Time - drained >= AutoscalingDefaults.ScaleDownWindow - AutoscalingDefaults.SyncPeriod, $"scaled down {down.Time - drained} after the load fell");
        Assert.All(fleet.EventsOf<AutoscalerDecided>().Where(e => e.Time > drained && e.Time < down.Time), e => Assert.Equal(e.From, e.To));
    }

    /// <summary>Advances fake time step by step until <paramref name="condition"/> holds, giving the autoscaler's own
    /// threads a moment of real time after each step (its decisions run outside the control loop the harness settles).</summary>
    private static async Task<FleetStatus> UntilAsync(FleetHarness fleet, Func<FleetStatus, bool> condition, TimeSpan maxFakeTime, TimeSpan? step = null)
    {
        var limit = fleet.Time.GetUtcNow() + maxFakeTime;
        var realDeadline = DateTime.UtcNow.AddMinutes(2);
        while (true)
        {
            await fleet.SettleAsync();
            await Task.Delay(10);
            var status = fleet.Orchestrator.GetStatus();
            if (condition(status))
            {
                return status;
            }

            if (fleet.Time.GetUtcNow() >= limit || DateTime.UtcNow >= realDeadline)
            {
                throw new TimeoutException("Condition not reached; autoscalers: " + string.Join("; ", status.Autoscalers.Select(a => $"{a.Workload} {a.Current}->{a.Desired}: {a.Reason}")));
            }

            fleet.Time.Advance(step ?? TimeSpan.FromMilliseconds(100));
        }
    }
}
