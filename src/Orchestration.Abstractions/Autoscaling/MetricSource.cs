namespace Orchestration;

/// <summary>Where a <see cref="MetricTarget"/>'s value comes from.</summary>
public enum MetricSource
{
    /// <summary>CPU used by each replica as a percentage of its CPU request, from the engine's container statistics.</summary>
    Cpu,

    /// <summary>Memory used by each replica as a percentage of its memory request, from the engine's container statistics.</summary>
    Memory,

    /// <summary>Connections per second opened to each replica through the service addresses (a request per connection
    /// for HTTP/1.0 clients and servers that close each one).</summary>
    RequestsPerSecond,

    /// <summary>Connections open to each replica through the service addresses.</summary>
    Connections,

    /// <summary>A value of the whole service returned by a delegate.</summary>
    Custom,

    /// <summary>A <see cref="System.Diagnostics.Metrics"/> instrument of the host app: a counter's rate per second, or an
    /// up-down counter's or gauge's current value, summed over its tags.</summary>
    Instrument,
}
