using Microsoft.Extensions.Hosting;
using Orchestration.Runtime;

namespace Orchestration.Testing;

/// <summary>Removing the fleet.</summary>
public sealed partial class TestFleet
{
    /// <summary>Stops the control loop, removes every container of the fleet at once (by force: a test fleet needs no
    /// graceful stop) and then its network. If the orchestrator's runtime fails, removes by label directly. Calling it
    /// again does nothing.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        using var deadline = new CancellationTokenSource(_options.DisposeTimeout);
        try
        {
            await _host.StopAsync(deadline.Token).ConfigureAwait(false);
            await RemoveContainersAsync(deadline.Token).ConfigureAwait(false);
        }
        catch (Exception) when (!deadline.IsCancellationRequested)
        {
            // The last resort: whatever carries the fleet label, straight through the engines.
            await _engines.RemoveFleetAsync(Name, deadline.Token).ConfigureAwait(false);
        }
        finally
        {
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
