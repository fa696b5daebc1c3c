using Orchestration.Generators.Model;

namespace Orchestration.Generators.Emitting;

/// <summary>The <c>Autoscaling</c> part of a typed workload's spec.</summary>
internal static partial class WorkloadEmitter
{
    private static void WriteAutoscaling(IndentedWriter w, AutoscaleModel a)
    {
        w.Open($"Autoscaling = new {O}AutoscalingSpec");
        w.Line($"MinReplicas = {CSharp.Literal(a.Min)},");
        w.Line($"MaxReplicas = {CSharp.Literal(a.Max)},");
        w.Open("Metrics =", "[");
        Metric(w, "Cpu", "cpu", a.Cpu);
        Metric(w, "Memory", "memory", a.Memory);
        Metric(w, "RequestsPerSecond", "requests_per_second", a.RequestsPerSecond);
        Metric(w, "Connections", "connections", a.Connections);
        foreach (var i in a.Instruments)
        {
            w.Line($"new {O}MetricTarget {{ Source = {O}MetricSource.Instrument, Name = {CSharp.Literal(i.Instrument)}, Meter = {CSharp.Literal(i.Meter)}, Instrument = {CSharp.Literal(i.Instrument)}, Target = {Number(i.PerReplica)} }},");
        }

        w.Close("],");
        Optional(w, "SyncPeriod", a.SyncPeriodSeconds);
        Optional(w, "IdlePeriod", a.IdleSeconds);
        if (a.ScaleUpWindowSeconds is { } up)
        {
            w.Line($"ScaleUp = {O}ScalingRules.DefaultScaleUp with {{ StabilizationWindow = {CSharp.Seconds(up)} }},");
        }

        if (a.ScaleDownWindowSeconds is { } down)
        {
            w.Line($"ScaleDown = {O}ScalingRules.DefaultScaleDown with {{ StabilizationWindow = {CSharp.Seconds(down)} }},");
        }

        w.Close("},");
    }

    private static void Metric(IndentedWriter w, string source, string name, double? target)
    {
        if (target is { } t)
        {
            w.Line($"new {O}MetricTarget {{ Source = {O}MetricSource.{source}, Name = {CSharp.Literal(name)}, Target = {Number(t)} }},");
        }
    }

    private static string Number(double value) => value.ToString("R", System.Globalization.CultureInfo.InvariantCulture) + "d";
}
