using System.Diagnostics.Metrics;

namespace Orchestration.Autoscaling;

/// <summary>Reads one <see cref="System.Diagnostics.Metrics"/> instrument of this process with a
/// <see cref="MeterListener"/>: a counter as its rate per second between two reads, an up-down counter as its running
/// total, a gauge (or observable instrument) as the sum of its last values per tag set.</summary>
internal sealed class InstrumentReader : IDisposable
{
    private readonly object _gate = new();
    private readonly MeterListener _listener = new();
    private readonly string _meter;
    private readonly string _instrument;
    private readonly Dictionary<string, double> _lastByTags = new(StringComparer.Ordinal);
    private Instrument? _seen;
    private double _sum;
    private double? _lastObservedTotal;
    private DateTimeOffset? _lastRead;

    public InstrumentReader(string meter, string instrument)
    {
        _meter = meter;
        _instrument = instrument;
        _listener.InstrumentPublished = (published, listener) =>
        {
            if (published.Meter.Name == _meter && published.Name == _instrument)
            {
                _seen = published;
                listener.EnableMeasurementEvents(published);
            }
        };
        _listener.SetMeasurementEventCallback<double>((i, v, tags, _) => OnMeasurement(i, v, tags));
        _listener.SetMeasurementEventCallback<float>((i, v, tags, _) => OnMeasurement(i, v, tags));
        _listener.SetMeasurementEventCallback<long>((i, v, tags, _) => OnMeasurement(i, v, tags));
        _listener.SetMeasurementEventCallback<int>((i, v, tags, _) => OnMeasurement(i, v, tags));
        _listener.SetMeasurementEventCallback<short>((i, v, tags, _) => OnMeasurement(i, v, tags));
        _listener.SetMeasurementEventCallback<byte>((i, v, tags, _) => OnMeasurement(i, v, tags));
        _listener.SetMeasurementEventCallback<decimal>((i, v, tags, _) => OnMeasurement(i, v, tags));
        _listener.Start();
    }

    /// <summary>The instrument's value now; <see langword="null"/> while it is not published (or, for a counter, on
    /// the first read, which only starts the rate).</summary>
    public double? Read(DateTimeOffset now)
    {
        _listener.RecordObservableInstruments();
        lock (_gate)
        {
            var instrument = _seen;
            var seconds = _lastRead is { } last ? (now - last).TotalSeconds : 0;
            _lastRead = now;
            switch (instrument)
            {
                case null:
                    return null;
                case { } counter when IsKind(counter, "Counter`1"):
                    var added = _sum;
                    _sum = 0;
                    return seconds > 0 ? added / seconds : null;
                case { } observed when IsKind(observed, "ObservableCounter`1"):
                    var total = _lastByTags.Values.Sum();
                    var previous = _lastObservedTotal;
                    _lastObservedTotal = total;
                    return previous is { } p && seconds > 0 ? Math.Max(0, total - p) / seconds : null;
                case { } upDown when IsKind(upDown, "UpDownCounter`1"):
                    return _sum;
                default:
                    return _lastByTags.Count == 0 ? null : _lastByTags.Values.Sum();
            }
        }
    }

    public void Dispose() => _listener.Dispose();

    private static bool IsKind(Instrument instrument, string name) => instrument.GetType().Name == name;

    private void OnMeasurement<T>(Instrument instrument, T value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        where T : struct
    {
        var number = Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture);
        var key = string.Join(",", tags.ToArray().Select(t => $"{t.Key}={t.Value}"));
        lock (_gate)
        {
            if (IsKind(instrument, "Counter`1") || IsKind(instrument, "UpDownCounter`1"))
            {
                _sum += number;
            }
            else
            {
                _lastByTags[key] = number;
            }
        }
    }
}
