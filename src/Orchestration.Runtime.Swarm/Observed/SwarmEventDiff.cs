using Docker.DotNet.Models;
using Orchestration.Events;

namespace Orchestration.Runtime.Swarm.Observed;

/// <summary>Turns the difference between two snapshots into the SDK's events: tasks placed, started, exited;
/// nodes changing state; updates starting, completing, pausing and rolling back.</summary>
internal sealed class SwarmEventDiff
{
    private readonly IEventHub _events;
    private readonly TimeProvider _time;
    private readonly RevisionBook _revisions;

    public SwarmEventDiff(IEventHub events, TimeProvider time, RevisionBook revisions)
    {
        _events = events;
        _time = time;
        _revisions = revisions;
    }

    public void Publish(string fleet, SwarmSnapshot before, SwarmSnapshot after)
    {
        var first = ReferenceEquals(before, SwarmSnapshot.Empty);
        Nodes(fleet, before, after, first);
        foreach (var service in after.Services)
        {
            var workload = SwarmSnapshot.WorkloadOf(service);
            var previous = before.Services.FirstOrDefault(s => s.ID == service.ID);
            Updates(fleet, workload, previous, service, first);
            Tasks(fleet, workload, before, after, service, first);
        }
    }

    private void Nodes(string fleet, SwarmSnapshot before, SwarmSnapshot after, bool first)
    {
        foreach (var node in after.Nodes)
        {
            var was = before.Nodes.FirstOrDefault(n => n.ID == node.ID)?.Status?.State;
            var now = node.Status?.State;
            if (first || was == now)
            {
                continue;
            }

            _events.Publish(new NodeStateChanged
            {
                Time = _time.GetUtcNow(),
                Fleet = fleet,
                Node = after.NodeName(node),
                State = now == "ready" ? NodeState.Ready : NodeState.NotReady,
                Reason = now == "ready" ? null : $"the swarm reports the node {now}{(string.IsNullOrEmpty(node.Status?.Message) ? "" : ": " + node.Status.Message)}",
            });
        }
    }

    private void Updates(string fleet, string workload, SwarmService? previous, SwarmService service, bool first)
    {
        var was = previous?.UpdateStatus?.State;
        var now = service.UpdateStatus?.State;
        if (first || now is null || was == now)
        {
            return;
        }

        var revision = SwarmSnapshot.RevisionOf(service) ?? "";
        var number = _revisions.Number(workload, revision);
        var time = _time.GetUtcNow();
        switch (now)
        {
            case "updating":
                _events.Publish(new RolloutStarted { Time = time, Fleet = fleet, Workload = workload, Revision = revision, Number = number, Strategy = UpdateKind.RollingUpdate });
                break;
            case "completed":
                _events.Publish(new RolloutCompleted { Time = time, Fleet = fleet, Workload = workload, Revision = revision, Number = number });
                break;
            case "paused":
                _events.Publish(new RolloutPaused { Time = time, Fleet = fleet, Workload = workload, Revision = revision, Number = number, Reason = service.UpdateStatus!.Message ?? "paused by the swarm" });
                break;
            case "rollback_completed":
            {
                var from = service.PreviousSpec is { } p && p.Labels is { } l && l.TryGetValue(OrchestrationLabels.Revision, out var r) ? r : "";
                _events.Publish(new RolloutRolledBack
                {
                    Time = time,
                    Fleet = fleet,
                    Workload = workload,
                    Revision = revision,
                    Number = number,
                    FromRevision = from,
                    FromNumber = _revisions.Number(workload, from),
                    Reason = service.UpdateStatus!.Message ?? "rolled back by the swarm",
                });
                break;
            }
        }
    }

    private void Tasks(string fleet, string workload, SwarmSnapshot before, SwarmSnapshot after, SwarmService service, bool first)
    {
        var time = _time.GetUtcNow();
        var old = before.Tasks.Where(t => t.ServiceID == service.ID).ToDictionary(t => t.ID);
        foreach (var task in after.TasksOf(service))
        {
            old.TryGetValue(task.ID, out var was);
            var state = task.Status?.State;
            if (state == was?.Status?.State && task.NodeID == was?.NodeID)
            {
                continue;
            }

            var replica = after.ReplicaId(task, workload);
            var node = after.NodeName(task.NodeID);
            if (first)
            {
                if (SwarmSnapshot.IsReady(task))
                {
                    _events.Publish(new ReplicaAdopted { Time = time, Fleet = fleet, Workload = workload, ReplicaId = replica, Node = node });
                }

                continue;
            }

            if (was?.NodeID is null && !string.IsNullOrEmpty(task.NodeID))
            {
                _events.Publish(new ReplicaScheduled { Time = time, Fleet = fleet, Workload = workload, ReplicaId = replica, Node = node });
            }

            switch (state)
            {
                case TaskState.Running:
                    _events.Publish(new ReplicaStarted
                    {
                        Time = time,
                        Fleet = fleet,
                        Workload = workload,
                        ReplicaId = replica,
                        Node = node,
                        ContainerId = task.Status?.ContainerStatus?.ContainerID ?? "",
                        Restarts = Math.Max(0, after.TasksOf(service).Count(t => t.Slot == task.Slot && (task.Slot > 0 || t.NodeID == task.NodeID)) - 1),
                    });
                    break;
                case TaskState.Failed or TaskState.Rejected or TaskState.Complete:
                    var code = (int?)task.Status?.ContainerStatus?.ExitCode;
                    _events.Publish(new ReplicaExited
                    {
                        Time = time,
                        Fleet = fleet,
                        Workload = workload,
                        ReplicaId = replica,
                        Node = node,
                        ExitCode = code,
                        Reason = string.IsNullOrEmpty(task.Status?.Err) ? $"task {state?.ToString().ToLowerInvariant()}" : task.Status!.Err,
                    });
                    break;
            }
        }
    }
}
