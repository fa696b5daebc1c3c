using Orchestration.Testing.Readiness;

namespace Orchestration.Testing;

/// <summary>Waiting until the fleet is ready.</summary>
public sealed partial class TestFleet
{
    /// <summary>Waits until every service and daemon set has all its replicas ready and every job has completed.</summary>
    /// <param name="timeout">How long to wait; <see cref="TestFleetOptions.ReadyTimeout"/> when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <exception cref="FleetNotReadyException">Not ready in time, a job failed, or a workload is stalled (its image is
    /// absent under pull policy Never, its pull was refused, a host port is taken: reported at once). The message lists, per workload that
    /// is not ready, each replica's phase, last exit code, reason (such as the last probe failure) and last log lines.</exception>
    public async Task WaitUntilReadyAsync(TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        var limit = timeout ?? _options.ReadyTimeout;
        FleetStatus status;
        try
        {
            // The applied spec: its revisions include the keyed hash of resolved secrets and files.
            status = await Orchestrator.WaitForAsync(s => FleetReadiness.IsSettled(Orchestrator.DesiredState ?? Spec, s), limit, cancellationToken).ConfigureAwait(false);
        }
        catch (WorkloadStalledException e)
        {
            status = e.Status;
            var report = await NotReadyReport.WriteAsync(this, status, $"cannot become ready: workload '{e.Workload}' is stalled: {e.Reason}", _options.FailureLogLines, cancellationToken).ConfigureAwait(false);
            _writers.Write(report);
            throw new FleetNotReadyException(report, status, e);
        }
        catch (TimeoutException e)
        {
            status = Orchestrator.GetStatus();
            var report = await NotReadyReport.WriteAsync(this, status, $"was not ready within {limit.TotalSeconds:0.#} s", _options.FailureLogLines, cancellationToken).ConfigureAwait(false);
            _writers.Write(report);
            throw new FleetNotReadyException(report, status, e);
        }

        if (!FleetReadiness.IsReady(Orchestrator.DesiredState ?? Spec, status))
        {
            var report = await NotReadyReport.WriteAsync(this, status, "cannot become ready: a job failed", _options.FailureLogLines, cancellationToken).ConfigureAwait(false);
            _writers.Write(report);
            throw new FleetNotReadyException(report, status);
        }
    }
}
