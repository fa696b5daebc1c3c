using System.Linq;

namespace Orchestration.Generators.Model;

/// <summary>Everything the generator needs about one <c>[Workload]</c> class, as plain equatable values.</summary>
internal sealed record WorkloadModel
{
    /// <summary>Namespace of the class; empty for the global namespace.</summary>
    public string Namespace { get; init; } = string.Empty;

    /// <summary>Declarations of the types that contain the class, outermost first, such as "partial class Outer".</summary>
    public EquatableArray<string> ContainingTypes { get; init; } = EquatableArray<string>.Empty;

    /// <summary>The class's name with its type parameter list.</summary>
    public string TypeName { get; init; } = string.Empty;

    /// <summary>The fully qualified name, which identifies the workload in the dependency graph.</summary>
    public string FullyQualifiedName { get; init; } = string.Empty;

    /// <summary>Whether the class and its containing types are partial, so that code can be generated for it.</summary>
    public bool CanEmit { get; init; }

    public string Name { get; init; } = string.Empty;

    public LocationInfo? NameLocation { get; init; }

    public string? Image { get; init; }

    public int Replicas { get; init; } = 1;

    public string? Kind { get; init; }

    public string? PullPolicy { get; init; }

    public EquatableArray<string>? Command { get; init; }

    public EquatableArray<string>? Args { get; init; }

    public EquatableArray<PortModel> Ports { get; init; } = EquatableArray<PortModel>.Empty;

    public EquatableArray<NameValue> Environment { get; init; } = EquatableArray<NameValue>.Empty;

    public EquatableArray<NameValue> Secrets { get; init; } = EquatableArray<NameValue>.Empty;

    /// <summary>Secret files: the secret's name, and its path in the container.</summary>
    public EquatableArray<NameValue> SecretFiles { get; init; } = EquatableArray<NameValue>.Empty;

    public EquatableArray<NameValue> Labels { get; init; } = EquatableArray<NameValue>.Empty;

    public ResourcesModel? Resources { get; init; }

    public EquatableArray<ProbeModel> Probes { get; init; } = EquatableArray<ProbeModel>.Empty;

    public RestartModel? Restart { get; init; }

    public AutoscaleModel? Autoscale { get; init; }

    public UpdateModel? Update { get; init; }

    public PlacementModel Placement { get; init; } = PlacementModel.Empty;

    /// <summary>The stateful-set settings of a stateful set that declares any; unset otherwise.</summary>
    public StatefulSetModel? StatefulSet { get; init; }

    /// <summary>The schedule and policies of a cron job declared with <c>[CronJob]</c>; unset otherwise.</summary>
    public CronJobModel? CronJob { get; init; }

    public EquatableArray<DependencyModel> Dependencies { get; init; } = EquatableArray<DependencyModel>.Empty;

    /// <summary>Whether the class implements <c>static partial void Configure(WorkloadBuilder builder)</c>.</summary>
    public bool HasConfigure { get; init; }

    /// <summary>Whether the generator writes the defining declaration of the partial <c>Configure</c> method.</summary>
    public bool DeclareConfigure { get; init; }

    /// <summary>Problems found in this workload's own declaration.</summary>
    public EquatableArray<DiagnosticInfo> Diagnostics { get; init; } = EquatableArray<DiagnosticInfo>.Empty;

    /// <summary>What the emitter reads: the model without diagnostics and source locations, so that an edit that only
    /// moves the class (a line added above it) leaves it equal and the emitter is served from the cache.</summary>
    public WorkloadModel ForEmitter() => this with
    {
        NameLocation = null,
        Diagnostics = EquatableArray<DiagnosticInfo>.Empty,
        Dependencies = Dependencies.Select(d => d with { Location = null }).ToEquatableArray(),
    };
}
