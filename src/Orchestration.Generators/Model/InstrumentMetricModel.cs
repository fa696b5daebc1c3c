namespace Orchestration.Generators.Model;

/// <summary>An <c>[AutoscaleInstrument]</c> attribute: a metric read from a System.Diagnostics.Metrics instrument of
/// the app, with its target per replica.</summary>
internal sealed record InstrumentMetricModel(string Meter, string Instrument, double PerReplica);
