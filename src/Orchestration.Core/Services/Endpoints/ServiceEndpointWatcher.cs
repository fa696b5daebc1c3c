using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orchestration.Reconciliation;

namespace Orchestration.Services;

/// <summary>Refreshes the <see cref="ServiceEndpointTable"/> after every status the control loop publishes, so a replica
/// that stops being ready leaves every consumer as soon as the orchestrator knows it.</summary>
internal sealed class ServiceEndpointWatcher : BackgroundService
{
    private readonly StatusBoard _status;
    private readonly ServiceEndpointTable _table;
    private readonly ILogger<ServiceEndpointWatcher> _logger;

    public ServiceEndpointWatcher(StatusBoard status, ServiceEndpointTable table, ILogger<ServiceEndpointWatcher> logger)
    {
        _status = status;
        _table = table;
        _logger = logger;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var next = _status.Changed.Next;
            try
            {
                _table.Refresh();
            }
            catch (Exception e)
            {
                _logger.LogWarning(e, "Refreshing the service endpoints failed");
            }

            try
            {
                await next.WaitAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
