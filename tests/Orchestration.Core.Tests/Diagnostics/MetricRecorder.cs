using System.Diagnostics.Metrics;
using Orchestration.Diagnostics;

namespace Orchestration.Tests.Diagnostics;

/// <summary>Records the measurements of the instruments it selects with a plain <see cref="MeterListener"/>.</summary>
internal sealed class MetricRecorder : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly List<Recorded> _measurements = [];
    private readonly HashSet<string> _published = new(StringComparer.Ordinal);
    private readonly HashSet<string> _completed = new(StringComparer.Ordinal);

    public MetricRecorder(Func<Instrument, bool> select)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (select(instrument))
            {
                lock (_measurements)
                {
                    _published.Add(instrument.Name);
                }

                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.MeasurementsCompleted = (instrument, _) =>
        {
            lock (_measurements)
            {
                _completed.Add(instrument.Name);
            }
        };
        _listener.SetMeasurementEventCallback<long>((i, value, tags, _) => Add(i, value, tags));
        _listener.SetMeasurementEventCallback<int>((i, value, tags, _) => Add(i, value, tags));
        _listener.SetMeasurementEventCallback<double>((i, value, tags, _) => Add(i, value, tags));
        _listener.Start();
    }

    /// <summary>Hears the orchestrator's meter created by <paramref name="factory"/> only.</summary>
    public static MetricRecorder For(IMeterFactory factory)
        => new(i => i.Meter.Name == OrchestrationMetrics.MeterName && ReferenceEquals(i.Meter.Scope, factory));

    /// <summary>Instruments published so far.</summary>
    public IReadOnlySet<string> Published
    {
        get
        {
            lock (_measurements)
            {
                return _published.ToHashSet(StringComparer.Ordinal);
            }
        }
    }

    /// <summary>Instruments whose meter was disposed.</summary>
    public IReadOnlySet<string> Completed
    {
        get
        {
            lock (_measurements)
            {
                return _completed.ToHashSet(StringComparer.Ordinal);
            }
        }
    }

    /// <summary>Every measurement recorded so far, observable instruments included.</summary>
    public IReadOnlyList<Recorded> All
    {
        get
        {
            lock (_measurements)
            {
                return [.. _measurements];
            }
        }
    }

    /// <summary>The measurements of <paramref name="instrument"/> whose tags include every one of
    /// <paramref name="tags"/>.</summary>
    public IReadOnlyList<Recorded> Of(string instrument, params (string Key, string Value)[] tags)
        => [.. All.Where(m => m.Instrument == instrument && tags.All(t => Equals(m.Tag(t.Key), t.Value)))];

    /// <summary>The sum of a counter's measurements with <paramref name="tags"/>.</summary>
    public double Sum(string instrument, params (string Key, string Value)[] tags) => Of(instrument, tags).Sum(m => m.Value);

    /// <summary>Asks the observable instruments for their values now and returns the value of
    /// <paramref name="instrument"/> with <paramref name="tags"/>; earlier observations are forgotten.</summary>
    public double Observe(string instrument, params (string Key, string Value)[] tags)
    {
        lock (_measurements)
        {
            _measurements.RemoveAll(m => m.Instrument == instrument);
        }

        _listener.RecordObservableInstruments();
        return Assert.Single(Of(instrument, tags)).Value;
    }

    public void Dispose() => _listener.Dispose();

    private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var recorded = new Recorded(instrument.Name, value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal));
        lock (_measurements)
        {
            _measurements.Add(recorded);
        }
    }

    /// <summary>One measurement.</summary>
    internal sealed record Recorded(string Instrument, double Value, IReadOnlyDictionary<string, object?> Tags)
    {
        public object? Tag(string key) => Tags.GetValueOrDefault(key);
    }
}
