using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Primitives;

namespace Orchestration.Configuration;

/// <summary>Re-applies the configured fleet when the application's configuration reloads (an appsettings file
/// changed, a vault provider refreshed): atomically, as every apply, so an invalid value changes nothing and is
/// logged as a warning naming its configuration key. Secrets are resolved again, so a rotated secret rolls out.</summary>
internal sealed class ConfigurationReloads(ConfiguredFleet fleet, IOrchestrator orchestrator, ILogger<ConfigurationReloads>? logger = null) : IHostedService, IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly CancellationTokenSource _stopping = new();
    private IDisposable? _subscription;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (fleet.Configuration is { } configuration)
        {
            _subscription = ChangeToken.OnChange(configuration.GetReloadToken, () => _ = ReapplyAsync());
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _subscription?.Dispose();
        _stopping.Cancel();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _subscription?.Dispose();
        _stopping.Dispose();
        _gate.Dispose();
    }

    private async Task ReapplyAsync()
    {
        var log = logger ?? (ILogger)NullLogger.Instance;
        try
        {
            await _gate.WaitAsync(_stopping.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        try
        {
            await orchestrator.ApplyAsync(fleet.Compose(), _stopping.Token).ConfigureAwait(false);
            log.LogInformation("Configuration reloaded: fleet {Fleet} re-applied", orchestrator.FleetName);
        }
        catch (Exception e) when (e is SpecValidationException or InvalidOperationException)
        {
            log.LogWarning("Configuration reloaded but not applied; fleet {Fleet} keeps its desired state: {Reason}", orchestrator.FleetName, e.Message);
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            _gate.Release();
        }
    }
}
