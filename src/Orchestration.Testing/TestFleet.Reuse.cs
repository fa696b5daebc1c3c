using Orchestration.Runtime;
using Orchestration.Runtime.Docker;
using Orchestration.Testing.Sessions;

namespace Orchestration.Testing;

/// <summary>Kept fleets: adopted when unchanged, made anew when changed, reset on request.</summary>
public sealed partial class TestFleet
{
    /// <summary>Whether this start adopted a fleet kept from an earlier start (<see cref="TestFleetOptions.ReuseKey"/>)
    /// instead of making it.</summary>
    public bool Reused { get; private set; }

    /// <summary>Runs <paramref name="command"/> in every running replica of <paramref name="workload"/>, all at once, and
    /// returns each replica's result: a reset between tests of a kept fleet, such as emptying a table.</summary>
    /// <exception cref="InvalidOperationException">The command failed or timed out in a replica; the message shows its
    /// output.</exception>
    public async Task<IReadOnlyList<ExecResult>> ExecAsync(string workload, IReadOnlyList<string> command, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(workload);
        ArgumentNullException.ThrowIfNull(command);
        var replicas = (Orchestrator.GetStatus()[workload]?.Replicas ?? [])
            .Where(r => r is { Phase: ReplicaPhase.Running, Node: not null, ContainerId: not null })
            .ToList();
        var results = await Task.WhenAll(replicas.Select(async r =>
            (Replica: r.Id, Result: await Runtime.ExecAsync(new ContainerRef(r.Node!, r.ContainerId!), command, TimeSpan.FromSeconds(30), cancellationToken).ConfigureAwait(false))))
            .ConfigureAwait(false);
        foreach (var (replica, result) in results)
        {
            if (result.TimedOut || result.ExitCode != 0)
            {
                throw new InvalidOperationException(
                    $"'{string.Join(' ', command)}' {(result.TimedOut ? "timed out" : $"exited with code {result.ExitCode}")} in replica {workload}/{replica} of fleet '{Name}': {result.Output.Trim()}");
            }
        }

        return [.. results.Select(r => r.Result)];
    }

    private async Task StartReusedAsync(string key, IReadOnlyDictionary<string, string> labels, DockerRuntimeOptions docker, IReadOnlyList<(string Workload, string[] Command)> resets, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(_options.ReadyTimeout + TimeSpan.FromSeconds(30));
        await _engines.ConnectAsync(deadline.Token).ConfigureAwait(false);
        var watchdog = await WatchdogProcess.GetAsync(deadline.Token).ConfigureAwait(false);

        // The watchdog's sweep (dead sessions, kept fleets idle too long) runs meanwhile: it takes a key's lock before it
        // removes its fleet, so it either removes this one before it is adopted (then it is made anew) or leaves it.
        var watched = WatchOrSweepAsync(deadline.Token);
        try
        {
            await AdoptOrMakeAsync(key, watchdog, labels, docker, resets, deadline.Token).ConfigureAwait(false);
        }
        catch
        {
            await watched.ContinueWith(static _ => { }, TaskScheduler.Default).ConfigureAwait(false);
            throw;
        }

        await watched.ConfigureAwait(false);
        _keepOnDispose = true;
    }

    private async Task AdoptOrMakeAsync(string key, WatchdogProcess watchdog, IReadOnlyDictionary<string, string> labels, DockerRuntimeOptions docker, IReadOnlyList<(string Workload, string[] Command)> resets, CancellationToken cancellationToken)
    {
        // One process at a time makes, adopts or replaces the fleet of a key, and releases the lock only once it is ready:
        // a process that waited finds it whole.
        using var held = await ReuseDirectory.LockAsync(key, cancellationToken).ConfigureAwait(false);
        await watchdog.UseReusedFleetAsync(key, cancellationToken).ConfigureAwait(false);
        ReuseDirectory.Describe(key, new ReusedFleetDescription(Name, [.. _engines.Endpoints.Select(e => e.ToString())], _options.ReuseIdleTimeout.TotalSeconds));
        ReuseDirectory.AddUser(key, SessionLabel.Current);
        _reuseKey = key;

        var ownNetwork = docker.SharedNetwork is null;
        var (containers, networks) = await _engines.DescribeFleetAsync(Name, ownNetwork, cancellationToken).ConfigureAwait(false);
        var hash = labels[ReuseDirectory.SpecHashLabel];
        var unchanged = containers.Count > 0 && (networks || !ownNetwork) && containers.All(c => c.TryGetValue(ReuseDirectory.SpecHashLabel, out var h) && h == hash);
        if (!unchanged)
        {
            // Changed (or half removed): made anew.
            await _engines.RemoveFleetAsync(Name, cancellationToken).ConfigureAwait(false);
            if (ownNetwork)
            {
                await _engines.CreateNetworksAsync(Name, docker.NetworkPrefix, labels, cancellationToken).ConfigureAwait(false);
            }
        }

        await _host.StartAsync(cancellationToken).ConfigureAwait(false);
        _logs.Start(Spec);
        await WaitUntilReadyAsync(_options.ReadyTimeout, cancellationToken).ConfigureAwait(false);
        Reused = unchanged;
        if (unchanged)
        {
            foreach (var (workload, command) in resets)
            {
                await ExecAsync(workload, command, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Leaves a kept fleet running for the next start; the watchdog removes it once idle.</summary>
    private void ReleaseReusedFleet()
    {
        if (_reuseKey is { } key)
        {
            ReuseDirectory.RemoveUser(key, SessionLabel.Current);
        }
    }
}
