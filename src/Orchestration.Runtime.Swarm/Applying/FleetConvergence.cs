using Microsoft.Extensions.Logging;

namespace Orchestration.Runtime.Swarm.Applying;

/// <summary>Runs the one background pass that puts the latest applied fleet on the swarm, retrying failed engine calls
/// with a growing pause; a new apply cancels the previous pass.</summary>
internal sealed partial class FleetConvergence
{
    private readonly SwarmFleetApplier _applier;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private CancellationTokenSource? _running;
    private Task _pass = Task.CompletedTask;

    public FleetConvergence(SwarmFleetApplier applier, TimeProvider time, ILogger<FleetConvergence> logger)
    {
        _applier = applier;
        _time = time;
        _logger = logger;
    }

    /// <summary>Cancels the running pass and starts one for <paramref name="prepared"/>.</summary>
    public async Task RestartAsync(PreparedFleet prepared, Func<FleetSpec?> desired)
    {
        await StopAsync().ConfigureAwait(false);
        var cts = new CancellationTokenSource();
        _running = cts;
        _pass = Task.Run(() => RunAsync(prepared, desired, cts.Token));
    }

    /// <summary>Cancels the running pass and waits for it to end.</summary>
    public async Task StopAsync()
    {
        if (_running is not { } cts)
        {
            return;
        }

        await cts.CancelAsync().ConfigureAwait(false);
        try
        {
            await _pass.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // stopped
        }

        cts.Dispose();
        _running = null;
    }

    private async Task RunAsync(PreparedFleet prepared, Func<FleetSpec?> desired, CancellationToken cancellationToken)
    {
        var delay = TimeSpan.FromMilliseconds(500);
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await _applier.ConvergeAsync(desired, prepared, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LogFailed(_logger, prepared.Fleet.Name, e.GetType().Name, e.Message);
                try
                {
                    await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(30).Ticks));
            }
        }
    }

    [LoggerMessage(EventId = 30, Level = LogLevel.Warning, Message = "Fleet '{Fleet}': putting the fleet on the swarm failed ({Type}: {Reason}); trying again")]
    private static partial void LogFailed(ILogger logger, string fleet, string type, string reason);
}
