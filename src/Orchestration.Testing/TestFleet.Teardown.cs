using Microsoft.Extensions.Hosting;
using Orchestration.Runtime;
using Orchestration.Testing.Sessions;

namespace Orchestration.Testing;

/// <summary>Removing the fleet.</summary>
public sealed partial class TestFleet
{
    /// <summary>Stops the control loop and removes the fleet. With <see cref="TestFleetOptions.RemoveInBackground"/> (the
    /// default, with the watchdog) it hands the removal to the watchdog and returns: the watchdog kills and removes the
    /// containers (all at once), then the network, also if this process ends first. Their host ports are random, so
    /// nothing a later test starts waits for them. Otherwise it removes every container at once (by force: a test fleet
    /// needs no graceful stop) and then its network before returning. If the orchestrator's runtime fails, removes by
    /// label directly. A kept fleet (<see cref="TestFleetOptions.ReuseKey"/>) that started is left running for the next
    /// start. Calling it again does nothing.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        using var deadline = new CancellationTokenSource(_options.DisposeTimeout);
        try
        {
            await _logs.DisposeAsync().ConfigureAwait(false);
            await _host.StopAsync(deadline.Token).ConfigureAwait(false);
            if (_keepOnDispose)
            {
            }
            else if (_options.RemoveInBackground && WatchdogProcess.Current is { IsRunning: true } watchdog)
            {
                await watchdog.RemoveInBackgroundAsync(_engines.Endpoints, Name, deadline.Token).ConfigureAwait(false);
            }
            else
            {
                await RemoveContainersAsync(deadline.Token).ConfigureAwait(false);
            }
        }
        catch (Exception) when (!deadline.IsCancellationRequested)
        {
            // The last resort: whatever carries the fleet label, straight through the engines.
            await _engines.RemoveFleetAsync(Name, deadline.Token).ConfigureAwait(false);
        }
        finally
        {
            ReleaseReusedFleet();
            _events.Dispose();
            _host.Dispose();
            await _engines.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task DisposeAfterFailedStartAsync(Exception failure)
    {
        try
        {
            await DisposeAsync().ConfigureAwait(false);
        }
        catch (Exception cleanup)
        {
            // The start's failure is the one to report; the watchdog removes what this left.
            failure.Data["TestFleetCleanupFailure"] = cleanup.Message;
        }
    }

    private async Task RemoveContainersAsync(CancellationToken cancellationToken)
    {
        // Another backend (such as Docker Swarm) owns what the Docker runtime does not see: delete through it first.
        if (Orchestrator.GetType().Assembly != typeof(OrchestrationOptions).Assembly)
        {
            await Orchestrator.DeleteFleetAsync(cancellationToken).ConfigureAwait(false);
        }

        var containers = await Runtime.ListContainersAsync(Name, cancellationToken).ConfigureAwait(false);
        await Task.WhenAll(containers.Select(c => Runtime.RemoveAsync(c.Ref, cancellationToken))).ConfigureAwait(false);
        await Runtime.DeleteFleetAsync(Name, cancellationToken).ConfigureAwait(false);
    }
}
