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

        context.RegisterSourceOutput(workloads, static (output, model) =>
        {
            foreach (var diagnostic in model.Diagnostics)
            {
                output.ReportDiagnostic(diagnostic.ToDiagnostic());
            }

            if (model.CanEmit)
            {
                output.AddSource(WorkloadEmitter.HintName(model), WorkloadEmitter.Emit(model));
            }
        });

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
