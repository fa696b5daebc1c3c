using Docker.DotNet;
using Docker.DotNet.Models;
using Orchestration.Runtime;

namespace Orchestration.Docker.Tests.Faults;

/// <summary>Samples a fleet's containers on one engine from outside, every 200 ms until disposed: the most containers
/// that ran at once, and the most that ran at once for one replica. Samples the engine cannot answer are skipped.</summary>
internal sealed class FleetSampler : IAsyncDisposable
{
    private readonly DockerClient _engine;
    private readonly string _fleet;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampling;
    private int _disposed;

    public FleetSampler(DockerClient engine, string fleet)
    {
        _engine = engine;
        _fleet = fleet;
        _sampling = SampleAsync();
    }

    /// <summary>The most containers of the fleet running at once.</summary>
    public int PeakRunning { get; private set; }

    /// <summary>The most containers of one replica running at once (more than 1 is a duplicate).</summary>
    public int PeakPerReplica { get; private set; }

    public int Samples { get; private set; }

    public async Task<IList<ContainerListResponse>> ContainersAsync(CancellationToken cancellationToken = default)
        => await _engine.Containers.ListContainersAsync(
            new ContainersListParameters
            {
                All = true,
                Filters = new Dictionary<string, IDictionary<string, bool>> { ["label"] = new Dictionary<string, bool> { [$"{OrchestrationLabels.Fleet}={_fleet}"] = true } },
            },
            cancellationToken);

    /// <summary>Stops sampling; the peaks stay readable. Safe to call twice.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _stop.CancelAsync();
        await _sampling;
        _stop.Dispose();
    }

    private async Task SampleAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                using var deadline = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
                deadline.CancelAfter(TimeSpan.FromSeconds(5));
                var running = (await ContainersAsync(deadline.Token)).Where(c => c.State == "running").ToList();
                PeakRunning = Math.Max(PeakRunning, running.Count);
                var perReplica = running.GroupBy(c => c.Labels.TryGetValue(OrchestrationLabels.Replica, out var id) ? id : "").Select(g => g.Count()).DefaultIfEmpty(0).Max();
                PeakPerReplica = Math.Max(PeakPerReplica, perReplica);
                Samples++;
                await Task.Delay(200, _stop.Token);
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception)
            {
                // The engine does not answer (killed, restarting): no sample.
                await Task.Delay(200, CancellationToken.None);
            }
        }
    }
}
