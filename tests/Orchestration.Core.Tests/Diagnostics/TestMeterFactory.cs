using System.Diagnostics.Metrics;

namespace Orchestration.Tests.Diagnostics;

/// <summary>A meter factory of one test: its meters carry it as their scope, so a <see cref="MetricRecorder"/> hears
/// only them while other tests run in parallel.</summary>
internal sealed class TestMeterFactory : IMeterFactory
{
    private readonly List<Meter> _meters = [];

    public Meter Create(MeterOptions options)
    {
        var meter = new Meter(new MeterOptions(options.Name) { Version = options.Version, Tags = options.Tags, Scope = this });
        lock (_meters)
        {
            _meters.Add(meter);
        }

        return meter;
    }

    public void Dispose()
    {
        lock (_meters)
        {
            foreach (var meter in _meters)
            {
                meter.Dispose();
            }

            _meters.Clear();
        }
    }
}
