using System.Diagnostics.Metrics;
using Orchestration.Diagnostics;

namespace Orchestration.Benchmarks.Converge;

/// <summary>Counts reconciles per workload and their summed duration from the orchestrator's own
/// <c>orchestration.reconcile.duration</c> histogram.</summary>
internal sealed class ReconcileCounter : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly Dictionary<string, long> _perWorkload = new(StringComparer.Ordinal);
    private long _count;
    private double _seconds;

    public ReconcileCounter()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == OrchestrationMetrics.MeterName && instrument.Name == "orchestration.reconcile.duration")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>((_, seconds, tags, _) =>
        {
            string? workload = null;
            foreach (var tag in tags)
            {
                if (tag.Key == MetricTags.Workload)
                {
                    workload = tag.Value as string;
                }
            }

            lock (_perWorkload)
            {
                _count++;
                _seconds += seconds;
                if (workload is not null)
                {
                    _perWorkload[workload] = _perWorkload.GetValueOrDefault(workload) + 1;
                }
            }
        });
        _listener.Start();
    }

    public long Count
    {
        get
        {
            lock (_perWorkload)
            {
                return _count;
            }
        }
    }

    public double Seconds
    {
        get
        {
            lock (_perWorkload)
            {
                return _seconds;
            }
        }
    }

    public IReadOnlyDictionary<string, long> PerWorkload()
    {
        lock (_perWorkload)
        {
            return new Dictionary<string, long>(_perWorkload, StringComparer.Ordinal);
        }
    }

    public void Dispose() => _listener.Dispose();
}
