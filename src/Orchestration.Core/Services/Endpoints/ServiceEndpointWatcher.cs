using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orchestration.Reconciliation;

namespace Orchestration.Services;

/// <summary>Refreshes the <see cref="ServiceEndpointTable"/> after every status the control loop publishes, so a replica
/// that stops being ready leaves every consumer as soon as the orchestrator knows it.</summary>
internal sealed partial class ServiceEndpointWatcher : BackgroundService
{
    private readonly StatusBoard _status;
    private readonly ServiceEndpointTable _table;
    private readonly ILogger _logger;

    public ServiceEndpointWatcher(StatusBoard status, ServiceEndpointTable table, ILoggerFactory? loggers = null)
    {
        _status = status;
        _table = table;
        _logger = (loggers ?? Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance).CreateLogger("Orchestration.Services");
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
                LogRefreshFailed(_logger, e);
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refreshing the service endpoints failed")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception);
}
