using System.Collections.Immutable;
using Docker.DotNet.Models;

namespace Orchestration.Runtime.Swarm.Observed;

/// <summary>Builds the SDK's <see cref="FleetStatus"/> from a snapshot of the fleet's services, tasks and nodes.</summary>
internal static class SwarmStatusBuilder
{
    public static FleetStatus Build(string fleet, FleetSpec? desired, SwarmSnapshot snapshot)
    {
        var workloads = desired is null ? [] : desired.Workloads.Select(w => Workload(w, snapshot)).ToImmutableArray();
        return new FleetStatus(fleet, workloads) { Nodes = [.. snapshot.Nodes.Select(n => Node(n, snapshot))] };
    }

    public static ImmutableArray<ServiceEndpoint> Endpoints(SwarmSnapshot snapshot, FleetSpec? desired, string workload, string? port)
    {
        var spec = desired?.Find(workload);
        if (spec is null)
        {
            return [];
        }

        return [.. Workload(spec, snapshot).Replicas
            .Where(r => r.Ready)
            .SelectMany(r => r.Ports.Where(p => port is null || p.Key == port).OrderBy(p => p.Key, StringComparer.Ordinal)
                .Select(p => new ServiceEndpoint(workload, p.Key, r.Id, p.Value)))];
    }

    private static WorkloadStatus Workload(WorkloadSpec spec, SwarmSnapshot snapshot)
    {
        var service = snapshot.Service(spec.Name);
        if (service is null)
        {
            return new WorkloadStatus
            {
                Name = spec.Name,
                Kind = spec.Kind,
                Phase = WorkloadPhase.Waiting,
                Revision = spec.Revision,
                Desired = spec.Kind == WorkloadKind.Service ? spec.Replicas : 0,
                Ready = 0,
                Available = 0,
                Updated = 0,
            };
        }

        var revision = SwarmSnapshot.RevisionOf(service) ?? spec.Revision;
        var tasks = snapshot.TasksOf(service).ToList();
        var replicas = Current(tasks, snapshot, spec).ToImmutableArray();
        var ready = replicas.Count(r => r.Ready);
        var updated = replicas.Count(r => r.Ready && r.Revision == revision);
        var desired = spec.Kind switch
        {
            WorkloadKind.Service => (int)(service.Spec?.Mode?.Replicated?.Replicas ?? (ulong)spec.Replicas),
            WorkloadKind.Job => spec.Job.Completions,
            _ => (int)(service.ServiceStatus?.DesiredTasks ?? 0),
        };
        var succeeded = tasks.Count(t => t.Status?.State == TaskState.Complete);
        var failed = tasks.Count(t => t.Status?.State is TaskState.Failed or TaskState.Rejected);
        var update = service.UpdateStatus?.State;
        var phase = spec.Kind == WorkloadKind.Job
            ? succeeded >= spec.Job.Completions ? WorkloadPhase.Completed
                : failed > spec.Job.BackoffLimit ? WorkloadPhase.Failed : WorkloadPhase.Progressing
            : update == "paused" || update == "rollback_paused" ? WorkloadPhase.Paused
            : ready >= desired && updated >= desired && update is not ("updating" or "rollback_started") ? WorkloadPhase.Available
            : WorkloadPhase.Progressing;
        return new WorkloadStatus
        {
            Name = spec.Name,
            Kind = spec.Kind,
            Phase = phase,
            Revision = revision,
            Desired = desired,
            Ready = ready,
            Available = ready,
            Updated = updated,
            Succeeded = succeeded,
            Failed = failed,
            Replicas = replicas,
        };
    }

    /// <summary>Per replica (slot, or node of a global service), the task the swarm wants running, else its latest.</summary>
    private static IEnumerable<ReplicaStatus> Current(List<TaskResponse> tasks, SwarmSnapshot snapshot, WorkloadSpec spec)
    {
        foreach (var slot in tasks.GroupBy(t => snapshot.ReplicaId(t, spec.Name)))
        {
            var ordered = slot.OrderByDescending(t => t.CreatedAt ?? DateTime.MinValue).ToList();
            var wanted = ordered.Where(t => t.DesiredState is TaskState.Running or TaskState.Ready or TaskState.Accepted or TaskState.Assigned or TaskState.Pending or TaskState.Complete).ToList();
            if (spec.Kind != WorkloadKind.Job && wanted.Count == 0)
            {
                continue;
            }

            var task = wanted.FirstOrDefault(SwarmSnapshot.IsReady) ?? wanted.FirstOrDefault() ?? ordered[0];
            var last = ordered.FirstOrDefault(t => t.Status?.State is TaskState.Failed or TaskState.Complete or TaskState.Shutdown or TaskState.Rejected && t.ID != task.ID);
            var address = snapshot.NodeAddress(task.NodeID);
            var ports = ImmutableDictionary<string, HostEndpoint>.Empty;
            if (address is not null)
            {
                foreach (var port in spec.Ports)
                {
                    var published = task.Status?.PortStatus?.Ports?.FirstOrDefault(p => p.TargetPort == (uint)port.ContainerPort)?.PublishedPort;
                    if (published is { } p && p > 0)
                    {
                        ports = ports.SetItem(port.Name, new HostEndpoint(address, (int)p));
                    }
                }
            }

            yield return new ReplicaStatus
            {
                Id = snapshot.ReplicaId(task, spec.Name),
                Workload = spec.Name,
                Revision = SwarmSnapshot.RevisionOf(task) ?? "",
                Phase = Phase(task),
                Node = string.IsNullOrEmpty(task.NodeID) ? null : snapshot.NodeName(task.NodeID),
                ContainerId = task.Status?.ContainerStatus?.ContainerID,
                Ready = SwarmSnapshot.IsReady(task),
                Restarts = Math.Max(0, ordered.Count - 1),
                LastExitCode = last?.Status?.ContainerStatus is { } c ? (int)c.ExitCode : null,
                LastExitReason = last?.Status?.Err,
                Reason = string.IsNullOrEmpty(task.Status?.Err) ? task.Status?.Message : task.Status.Err,
                Ports = ports,
            };
        }
    }

    private static ReplicaPhase Phase(TaskResponse task) => task.Status?.State switch
    {
        TaskState.Running => ReplicaPhase.Running,
        TaskState.Complete => ReplicaPhase.Succeeded,
        TaskState.Failed or TaskState.Rejected => ReplicaPhase.Failed,
        TaskState.Shutdown or TaskState.Remove or TaskState.Orphaned => ReplicaPhase.Terminating,
        TaskState.Preparing or TaskState.Ready or TaskState.Starting => ReplicaPhase.Starting,
        _ => ReplicaPhase.Pending,
    };

    private static NodeStatus Node(NodeListResponse node, SwarmSnapshot snapshot)
    {
        var state = node.Status?.State switch
        {
            "ready" => NodeState.Ready,
            "down" => NodeState.Lost,
            _ => NodeState.NotReady,
        };
        var availability = node.Spec?.Availability;
        var fleetTasks = snapshot.Tasks.Where(t => t.NodeID == node.ID && t.DesiredState == TaskState.Running).ToList();
        return new NodeStatus
        {
            Name = snapshot.NodeName(node),
            State = state,
            Reason = state == NodeState.Ready ? null : node.Status?.Message,
            Cordoned = availability is "pause" or "drain",
            Draining = availability == "drain",
            Labels = (node.Spec?.Labels ?? new Dictionary<string, string>()).ToImmutableSortedDictionary(StringComparer.Ordinal, StringComparer.Ordinal),
            CpuMillicores = (node.Description?.Resources?.NanoCPUs ?? 0) / 1_000_000,
            MemoryBytes = node.Description?.Resources?.MemoryBytes ?? 0,
            CpuRequestedMillicores = fleetTasks.Sum(t => t.Spec?.Resources?.Reservations?.NanoCPUs ?? 0) / 1_000_000,
            MemoryRequestedBytes = fleetTasks.Sum(t => t.Spec?.Resources?.Reservations?.MemoryBytes ?? 0),
            Replicas = fleetTasks.Count,
        };
    }
}
