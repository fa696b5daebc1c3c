using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Orchestration.Generators.Model;

namespace Orchestration.Generators.Parsing;

/// <summary>The instrument metrics of <c>[AutoscaleInstrument]</c>, checked and attached to the <c>[Autoscale]</c> model.</summary>
internal sealed partial class WorkloadParser
{
    private AutoscaleModel? AttachInstruments(AutoscaleModel? autoscale, List<AttributeReader> attributes)
    {
        if (attributes.Count == 0)
        {
            return autoscale;
        }

        if (autoscale is null)
        {
            foreach (var attribute in attributes)
            {
                Report(DiagnosticDescriptors.AutoscaleMetricWithoutAutoscale, attribute.Location, attribute.Display, _name);
            }

            return null;
        }

        var instruments = new List<InstrumentMetricModel>();
        foreach (var attribute in attributes)
        {
            if (ParseInstrument(attribute) is not { } instrument)
            {
                continue;
            }

            if (instruments.Any(i => i.Meter == instrument.Meter && i.Instrument == instrument.Instrument))
            {
                Report(DiagnosticDescriptors.ConflictingAttributes, attribute.Location, attribute.Display, attribute.Display, _name,
                    $"instrument '{instrument.Instrument}' of meter '{instrument.Meter}' is a metric once");
                continue;
            }

            instruments.Add(instrument);
        }

        return autoscale with { Instruments = instruments.ToEquatableArray() };
    }

    private InstrumentMetricModel? ParseInstrument(AttributeReader attribute)
    {
        var meter = attribute.CtorString(0);
        var instrument = attribute.CtorString(1);
        var perReplica = attribute.Ctor(2).Value is double d ? d : (double?)null;
        var valid = true;
        if (string.IsNullOrWhiteSpace(meter))
        {
            Report(DiagnosticDescriptors.SettingOutOfRange, attribute.CtorLocation(0), "Meter", _name, Quote(meter), "the name of a meter");
            valid = false;
        }

        if (string.IsNullOrWhiteSpace(instrument))
        {
            Report(DiagnosticDescriptors.SettingOutOfRange, attribute.CtorLocation(1), "Instrument", _name, Quote(instrument), "the name of an instrument of the meter");
            valid = false;
        }

        if (perReplica is not { } target || !(target > 0) || double.IsInfinity(target))
        {
            var text = perReplica?.ToString("R", CultureInfo.InvariantCulture) ?? "missing";
            Report(DiagnosticDescriptors.SettingOutOfRange, attribute.CtorLocation(2), "PerReplica", _name, text, "a positive number (the target value per replica)");
            valid = false;
        }

        return valid ? new InstrumentMetricModel(meter!, instrument!, perReplica!.Value) : null;
    }

    private static string Quote(string? value) => value is null ? "null" : "\"" + value + "\"";
}
