using System.Collections.Immutable;
using System.Text;
using Orchestration.Values;

namespace Orchestration;

/// <summary>A named set of workloads: the whole desired state of one fleet. Applying it is atomic.</summary>
public sealed record FleetSpec
{
    /// <summary>Fleet name (DNS label); every container and network of the fleet carries it as a label.</summary>
    public required string Name { get; init; }

    /// <summary>The workloads, in declaration order.</summary>
    public ImmutableArray<WorkloadSpec> Workloads { get; init; } = [];

    /// <summary>Whether <paramref name="other"/> holds the same values: every property equal, collections item by item
    /// and dictionaries entry by entry.</summary>
    public bool Equals(FleetSpec? other)
        => ReferenceEquals(this, other)
           || (other is not null
               && Name == other.Name
               && ValueEquality.Sequence(Workloads, other.Workloads));

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Name);
        hash.Add(ValueEquality.SequenceHash(Workloads));
        return hash.ToHashCode();
    }

    private bool PrintMembers(StringBuilder builder) => ValueShape.Of(typeof(FleetSpec)).AppendMembers(builder, this);

    /// <summary>The workload with the given name, or <see langword="null"/>.</summary>
    public WorkloadSpec? Find(string workload)
    {
        foreach (var w in Workloads)
        {
            if (string.Equals(w.Name, workload, StringComparison.Ordinal))
            {
                return w;
            }
        }

        return null;
    }

    /// <summary>Every problem of this fleet and its workloads, in a stable order; empty when valid.</summary>
    public IReadOnlyList<ValidationProblem> Validate() => SpecValidator.Validate(this);

    /// <summary>Throws a <see cref="SpecValidationException"/> listing every problem, if there is any.</summary>
    public FleetSpec EnsureValid()
    {
        var problems = Validate();
        return problems.Count == 0 ? this : throw new SpecValidationException(problems);
    }
}
