namespace Orchestration;

/// <summary>One metric an autoscaler follows and the value it aims at. For <see cref="MetricSource.Cpu"/> and
/// <see cref="MetricSource.Memory"/> the target is an average utilization in percent of the request; for the others an
/// average value per replica (the service's total divided by its replicas), as the HPA's <c>AverageValue</c>.</summary>
public sealed record MetricTarget
{
    /// <summary>Where the value comes from.</summary>
    public required MetricSource Source { get; init; }

    /// <summary>The target: percent of the request (CPU, memory) or average per replica.</summary>
    public required double Target { get; init; }

    /// <summary>The name shown in events and status: "cpu", "memory", "requests_per_second", "connections", or the
    /// custom metric's or instrument's name.</summary>
    public required string Name { get; init; }

    /// <summary>The meter of an <see cref="MetricSource.Instrument"/> metric.</summary>
    public string? Meter { get; init; }

    /// <summary>The instrument of an <see cref="MetricSource.Instrument"/> metric.</summary>
    public string? Instrument { get; init; }

    /// <summary>The delegate of a <see cref="MetricSource.Custom"/> metric: the service's total value now, or
    /// <see langword="null"/> when it has none (the metric is then missing).</summary>
    public Func<CancellationToken, ValueTask<double?>>? Read { get; init; }

    /// <inheritdoc />
    public override string ToString() => Source is MetricSource.Cpu or MetricSource.Memory ? $"{Name} {Target:0.##} %" : $"{Name} {Target:0.##}/replica";
}
