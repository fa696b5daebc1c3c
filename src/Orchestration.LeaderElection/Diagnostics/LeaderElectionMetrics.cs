using System.Diagnostics.Metrics;
using Microsoft.Extensions.Options;
using Orchestration.Diagnostics;
using Orchestration.LeaderElection.Election;

namespace Orchestration.LeaderElection.Diagnostics;

/// <summary>Leader-election instruments on the orchestrator's meter: whether this instance leads, its term, and the
/// changes of leadership with their reason.</summary>
internal sealed class LeaderElectionMetrics
{
    private readonly Counter<long> _changes;
    private readonly KeyValuePair<string, object?> _fleet;
    private readonly KeyValuePair<string, object?> _identity;

    public LeaderElectionMetrics(LeaderElector elector, IOptions<OrchestrationOptions> options, IMeterFactory? meters = null)
    {
        var meter = meters?.Create(OrchestrationMetrics.MeterName) ?? new Meter(OrchestrationMetrics.MeterName);
        _fleet = new("orchestration.fleet", options.Value.FleetName);
        _identity = new("orchestration.leader.identity", elector.Identity);
        meter.CreateObservableGauge("orchestration.leader.is_leader", () => new Measurement<int>(elector.IsLeader ? 1 : 0, _fleet, _identity), "{leader}", "1 while this instance leads its fleet, else 0");
        meter.CreateObservableGauge("orchestration.leader.term", () => new Measurement<long>(elector.Leader?.Term ?? 0, _fleet, _identity), "{term}", "The term of the fleet's leader as this instance knows it");
        _changes = meter.CreateCounter<long>("orchestration.leader.changes", "{change}", "Leadership changes seen by this instance");
    }

    public void Changed(bool isLeader, string reason)
        => _changes.Add(1, _fleet, _identity, new("orchestration.leader.is_leader", isLeader), new("orchestration.leader.reason", reason));
}
