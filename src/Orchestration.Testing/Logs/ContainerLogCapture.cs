using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Orchestration.Testing.Logs;

/// <summary>Follows every workload of a test fleet from its start until it is removed: each line goes to the fleet's
/// <see cref="ILogger"/> and to every attached writer (such as xunit's <c>ITestOutputHelper.WriteLine</c>), and is kept,
/// per container, so that the output of containers that already ended and were removed (job runs, crashed replicas)
/// can still be read and quoted in a readiness failure.</summary>
internal sealed partial class ContainerLogCapture : IAsyncDisposable
{
    /// <summary>Lines of earlier output read from each container already running when capture begins.</summary>
    private const int InitialTail = 1000;

    private readonly IOrchestrator _orchestrator;
    private readonly ILogger _logger;
    private readonly int _keptLinesPerContainer;
    private readonly ConcurrentDictionary<string, ContainerLines> _containers = new(StringComparer.Ordinal);
    private readonly LogWriters _writers;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _followers = [];

    public ContainerLogCapture(IOrchestrator orchestrator, ILogger logger, LogWriters writers, int keptLinesPerContainer)
    {
        _orchestrator = orchestrator;
        _logger = logger;
        _writers = writers;
        _keptLinesPerContainer = keptLinesPerContainer;
    }

    /// <summary>Starts following each workload of <paramref name="spec"/>.</summary>
    public void Start(FleetSpec spec)
    {
        foreach (var workload in spec.Workloads)
        {
            _followers.Add(Task.Run(() => FollowAsync(workload.Name)));
        }
    }

    /// <summary>Every line kept of <paramref name="workload"/>'s containers, container by container in the order they
    /// were first heard, each in the order written.</summary>
    public IReadOnlyList<LogLine> Lines(string workload)
        => [.. _containers.Values.Where(c => c.Workload == workload).OrderBy(c => c.FirstHeard).SelectMany(c => c.Snapshot())];

    /// <summary>The last <paramref name="count"/> lines kept of one container.</summary>
    public IReadOnlyList<string> LastLines(string containerId, int count)
        => _containers.TryGetValue(containerId, out var lines) ? [.. lines.Snapshot().TakeLast(count).Select(l => l.Text)] : [];

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(_followers).ConfigureAwait(false);
        _stop.Dispose();
    }

    private async Task FollowAsync(string workload)
    {
        try
        {
            await foreach (var line in _orchestrator.FollowLogsAsync(workload, InitialTail, _stop.Token).ConfigureAwait(false))
            {
                _containers.GetOrAdd(line.ContainerId, _ => new ContainerLines(workload, _keptLinesPerContainer)).Add(line);
                LogLine(_logger, line.Workload, line.Replica, line.Text);
                _writers.Write(line.ToString());
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            LogFailed(_logger, workload, e);
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "[{Workload}/{Replica}] {Line}")]
    private static partial void LogLine(ILogger logger, string workload, string replica, string line);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Following the logs of workload {Workload} failed")]
    private static partial void LogFailed(ILogger logger, string workload, Exception exception);
}
