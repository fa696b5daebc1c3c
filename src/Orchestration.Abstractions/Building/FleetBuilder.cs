using System.Collections.Immutable;

namespace Orchestration;

/// <summary>Builds a <see cref="FleetSpec"/> from workloads given as builders, specs or typed workload classes.
/// <see cref="Build"/> reports the problems of every workload and between workloads in one exception.</summary>
public sealed class FleetBuilder
{
    private readonly List<Func<List<ValidationProblem>, WorkloadSpec>> _workloads = [];

    /// <summary>Starts a fleet named <paramref name="name"/>.</summary>
    public FleetBuilder(string name)
    {
        Name = name;
    }

    /// <summary>The fleet's name.</summary>
    public string Name { get; }

    /// <summary>Adds a workload configured by <paramref name="configure"/>.</summary>
    public FleetBuilder AddWorkload(string name, Action<WorkloadBuilder> configure)
    {
        var builder = new WorkloadBuilder(name);
        configure(builder);
        _workloads.Add(builder.BuildUnvalidated);
        return this;
    }

    /// <summary>Adds a workload spec as it is.</summary>
    public FleetBuilder AddWorkload(WorkloadSpec spec)
    {
        _workloads.Add(_ => spec);
        return this;
    }

    /// <summary>Adds a typed workload: a <c>[Workload]</c> class whose spec the generator wrote at compile time.</summary>
    public FleetBuilder AddWorkload<TWorkload>()
        where TWorkload : ITypedWorkload
        => AddWorkload(TWorkload.Spec);

    /// <summary>Validates every workload and the rules between them, and returns the fleet.</summary>
    /// <exception cref="SpecValidationException">Every problem found.</exception>
    public FleetSpec Build()
    {
        var problems = new List<ValidationProblem>();
        var workloads = _workloads.Select(w => w(problems)).ToImmutableArray();
        var fleet = new FleetSpec { Name = Name, Workloads = workloads };
        problems.AddRange(fleet.Validate());
        return problems.Count == 0 ? fleet : throw new SpecValidationException(problems);
    }
}
