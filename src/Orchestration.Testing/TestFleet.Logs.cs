using Orchestration.Runtime;

namespace Orchestration.Testing;

/// <summary>Container logs by workload: read, followed, captured and written to the test output.</summary>
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
            .Select(async r => (r.Id, Lines: await ContainerLogsAsync(r, tail, cancellationToken).ConfigureAwait(false))))
            .ConfigureAwait(false);
        return [.. logs.SelectMany(l => l.Lines.Select(line => $"[{l.Id}] {line}"))];
    }

    /// <summary>Every line captured from <paramref name="workload"/>'s containers since the fleet started, container by
    /// container: also those of containers that ended and are gone, such as finished job runs and crashed replicas,
    /// until the fleet is removed. At most <see cref="TestFleetOptions.KeptLogLines"/> lines are kept per container.</summary>
    public IReadOnlyList<LogLine> CapturedLogs(string workload)
    {
        ArgumentException.ThrowIfNullOrEmpty(workload);
        return _logs.Lines(workload);
    }

    /// <summary>Follows <paramref name="workload"/>'s output: the last <paramref name="tail"/> lines of each current
    /// container, then each new line of every container, also of those started later, until
    /// <paramref name="cancellationToken"/> is cancelled.</summary>
    public IAsyncEnumerable<LogLine> FollowLogsAsync(string workload, int tail = 0, CancellationToken cancellationToken = default)
        => Orchestrator.FollowLogsAsync(workload, tail, cancellationToken);

    /// <summary>Writes every line the fleet's containers write from now on to <paramref name="writer"/>, as
    /// <c>[workload/replica] text</c>, until the returned handle is disposed: pass xunit's
    /// <c>ITestOutputHelper.WriteLine</c> to see a fixture's container output in each test's output. A writer that throws
    /// <see cref="InvalidOperationException"/> (an output helper whose test ended) is detached.</summary>
    public IDisposable WriteLogsTo(Action<string> writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        return _writers.Add(writer);
    }

    internal async Task<IReadOnlyList<string>> ContainerLogsAsync(ReplicaStatus replica, int tail, CancellationToken cancellationToken)
    {
        IReadOnlyList<string> lines;
        try
        {
            lines = await Runtime.GetLogsAsync(new ContainerRef(replica.Node!, replica.ContainerId!), tail, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var captured = _logs.LastLines(replica.ContainerId!, tail);
            return captured.Count > 0 ? captured : [$"(logs unavailable: {e.Message})"];
        }

        // A container already removed has no logs on the engine; its captured lines remain.
        return lines.Count > 0 ? lines : _logs.LastLines(replica.ContainerId!, tail);
    }
}
