using Microsoft.CodeAnalysis;
using Orchestration.Generators.Analysis;
using Orchestration.Generators.Emitting;
using Orchestration.Generators.Model;
using Orchestration.Generators.Parsing;

namespace Orchestration.Generators;

/// <summary>Generates the spec of every <c>[Workload]</c> partial class and checks the declarations at compile time.</summary>
[Generator(LanguageNames.CSharp)]
public sealed class WorkloadGenerator : IIncrementalGenerator
{
    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var workloads = context.SyntaxProvider
            .ForAttributeWithMetadataName(AttributeNames.WorkloadFullName, WorkloadParser.IsCandidate, WorkloadParser.Parse)
            .WithTrackingName(TrackingNames.Workloads);

        // Diagnostics carry locations, which change whenever the file is edited above the class; the emitter reads a
        // location-free copy of the model, so such an edit re-reports diagnostics but never re-emits a spec.
        var diagnostics = workloads
            .Select(static (model, _) => model.Diagnostics)
            .WithTrackingName(TrackingNames.Diagnostics);
        context.RegisterSourceOutput(diagnostics, static (output, found) =>
        {
            foreach (var diagnostic in found)
            {
                output.ReportDiagnostic(diagnostic.ToDiagnostic());
            }
        });

        var emittable = workloads
            .Where(static model => model.CanEmit)
            .Select(static (model, _) => model.ForEmitter())
            .WithTrackingName(TrackingNames.Emittable);
        context.RegisterSourceOutput(emittable, static (output, model) =>
            output.AddSource(WorkloadEmitter.HintName(model), WorkloadEmitter.Emit(model)));

        var cycles = workloads
            .Select(static (model, _) => GraphNode.From(model))
            .WithTrackingName(TrackingNames.GraphNodes)
            .Collect()
            .Select(static (nodes, _) => DependencyGraph.FindCycles(nodes))
            .WithTrackingName(TrackingNames.Cycles);

        context.RegisterSourceOutput(cycles, static (output, diagnostics) =>
        {
            foreach (var diagnostic in diagnostics)
            {
                output.ReportDiagnostic(diagnostic.ToDiagnostic());
            }
        });
    }
}
