using Orchestration.Runtime;

namespace Orchestration.Testing;

/// <summary>Container logs by workload.</summary>
public sealed partial class TestFleet
{
    /// <summary>The last <paramref name="tail"/> lines of each current replica container of <paramref name="workload"/>,
    /// each line prefixed with the replica id, such as <c>[r0] listening on 8080</c>.</summary>
    public async Task<IReadOnlyList<string>> GetLogsAsync(string workload, int tail = 100, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(workload);
        ArgumentOutOfRangeException.ThrowIfNegative(tail);
        var replicas = Orchestrator.GetStatus()[workload]?.Replicas ?? [];
        var logs = await Task.WhenAll(replicas
            .Where(r => r.Node is not null && r.ContainerId is not null)
            .Select(async r => (r.Id, Lines: await LogsOfAsync(new ContainerRef(r.Node!, r.ContainerId!), tail, cancellationToken).ConfigureAwait(false))))
            .ConfigureAwait(false);
        return [.. logs.SelectMany(l => l.Lines.Select(line => $"[{l.Id}] {line}"))];
    }

    internal Task<IReadOnlyList<string>> ContainerLogsAsync(ReplicaStatus replica, int tail, CancellationToken cancellationToken)
        => LogsOfAsync(new ContainerRef(replica.Node!, replica.ContainerId!), tail, cancellationToken);

    private async Task<IReadOnlyList<string>> LogsOfAsync(ContainerRef container, int tail, CancellationToken cancellationToken)
    {
        try
        {
            return await Runtime.GetLogsAsync(container, tail, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return [$"(logs unavailable: {e.Message})"];
        }
    }
}
