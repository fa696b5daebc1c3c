using Docker.DotNet.Models;

namespace Orchestration.Runtime.Swarm.Observed;

/// <summary>The fleet's services, their tasks and the swarm's nodes, as read together from the manager.</summary>
internal sealed record SwarmSnapshot(
    IReadOnlyList<SwarmService> Services,
    IReadOnlyList<TaskResponse> Tasks,
    IReadOnlyList<NodeListResponse> Nodes,
    DateTimeOffset Time)
{
    public static SwarmSnapshot Empty { get; } = new([], [], [], DateTimeOffset.MinValue);

    /// <summary>The service of <paramref name="workload"/>, or <see langword="null"/>.</summary>
    public SwarmService? Service(string workload)
        => Services.FirstOrDefault(s => s.Spec?.Labels is { } l && l.TryGetValue(OrchestrationLabels.Workload, out var w) && w == workload);

    /// <summary>The tasks of <paramref name="service"/>.</summary>
    public IEnumerable<TaskResponse> TasksOf(SwarmService service) => Tasks.Where(t => t.ServiceID == service.ID);

    /// <summary>A node's name: its <c>io.orchestration.node</c> label, else its host name when no other node has it,
    /// else its id.</summary>
    public string NodeName(string? nodeId)
    {
        if (nodeId is null)
        {
            return "";
        }

        var node = Nodes.FirstOrDefault(n => n.ID == nodeId);
        if (node is null)
        {
            return nodeId.Length > 12 ? nodeId[..12] : nodeId;
        }

        return NodeName(node);
    }

    public string NodeName(NodeListResponse node)
    {
        if (node.Spec?.Labels is { } labels && labels.TryGetValue(Mapping.SwarmNames.NodeNameLabel, out var name) && !string.IsNullOrEmpty(name))
        {
            return name;
        }

        var host = node.Description?.Hostname;
        return !string.IsNullOrEmpty(host) && Nodes.Count(n => n.Description?.Hostname == host) == 1 ? host : node.ID[..Math.Min(12, node.ID.Length)];
    }

    /// <summary>The address a node advertises, where its host-mode ports are published.</summary>
    public string? NodeAddress(string? nodeId) => Nodes.FirstOrDefault(n => n.ID == nodeId)?.Status?.Addr;

    /// <summary>Whether a task runs and passes its health check (Swarm reports a task running only once its health
    /// check passed).</summary>
    public static bool IsReady(TaskResponse task)
        => task.Status?.State == TaskState.Running && task.DesiredState == TaskState.Running;

    /// <summary>The revision label of a task's container.</summary>
    public static string? RevisionOf(TaskResponse task)
        => task.Spec?.ContainerSpec?.Labels is { } l && l.TryGetValue(OrchestrationLabels.Revision, out var r) ? r : null;

    /// <summary>The revision label of a service's current spec.</summary>
    public static string? RevisionOf(SwarmService service)
        => service.Spec?.Labels is { } l && l.TryGetValue(OrchestrationLabels.Revision, out var r) ? r : null;

    /// <summary>A task's replica id: the workload and the task's slot, or its node for a global service. Stable
    /// across the task's restarts and updates, like a replica's id.</summary>
    public string ReplicaId(TaskResponse task, string workload)
        => task.Slot is { } slot && slot > 0
            ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{workload}-{slot}")
            : $"{workload}-{NodeName(task.NodeID)}";

    /// <summary>The workload label of a service.</summary>
    public static string WorkloadOf(SwarmService service)
        => service.Spec?.Labels is { } l && l.TryGetValue(OrchestrationLabels.Workload, out var w) ? w : service.Spec?.Name ?? service.ID;
}
