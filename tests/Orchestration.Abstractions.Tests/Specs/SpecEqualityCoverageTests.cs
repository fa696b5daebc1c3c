using System.Collections.Immutable;
using System.Reflection;

namespace Orchestration.Tests.Specs;

/// <summary>Specs with collections declare Equals by hand; a property left out of it would make changed specs look
/// equal. Each settable property of a simple type is changed on a copy, which must then differ.</summary>
public sealed class SpecEqualityCoverageTests
{
    public static TheoryData<string> Specs() =>
    [
        nameof(WorkloadSpec), nameof(FleetSpec), nameof(PlacementSpec), nameof(ProbeSpec), nameof(SecuritySpec),
        nameof(StatefulSetSpec), nameof(AutoscalingSpec), nameof(ScalingRules),
    ];

    [Theory]
    [MemberData(nameof(Specs))]
    public void Changing_any_simple_property_makes_a_copy_unequal(string name)
    {
        var type = typeof(WorkloadSpec).Assembly.GetType($"Orchestration.{name}", throwOnError: true)!;
        var original = Sample(type);
        var clone = type.GetMethod("<Clone>$")!;
        var changed = 0;
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod is not null))
        {
            if (Other(property.PropertyType, property.GetValue(original)) is not { } other)
            {
                continue;
            }

            var copy = clone.Invoke(original, null)!;
            property.SetValue(copy, other);
            Assert.True(!original.Equals(copy), $"{name}.{property.Name} is left out of Equals");
            changed++;
        }

        Assert.True(changed > 0);
    }

    private static object Sample(Type type) => type.Name switch
    {
        nameof(WorkloadSpec) => new WorkloadBuilder("web").Image("web:1").Build(),
        nameof(FleetSpec) => new FleetSpec { Name = "shop" },
        nameof(ProbeSpec) => Probe.Http("/"),
        nameof(AutoscalingSpec) => new AutoscalingSpec { MaxReplicas = 3 },
        _ => Activator.CreateInstance(type)!,
    };

    private static object? Other(Type type, object? value)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        return underlying switch
        {
            _ when underlying == typeof(string) => value + "x",
            _ when underlying == typeof(int) => (value is int i ? i : 0) + 1,
            _ when underlying == typeof(double) => (value is double d ? d : 0) + 0.5,
            _ when underlying == typeof(bool) => value is not true,
            _ when underlying == typeof(TimeSpan) => (value is TimeSpan t ? t : TimeSpan.Zero) + TimeSpan.FromSeconds(1),
            { IsEnum: true } => Enum.GetValues(underlying).Cast<object>().First(v => !v.Equals(value)),
            _ when underlying == typeof(ImmutableArray<string>) => ImmutableArray.Create("x"),
            _ when underlying == typeof(ImmutableSortedDictionary<string, string>) => ImmutableSortedDictionary<string, string>.Empty.Add("x", "y"),
            _ when underlying == typeof(ImmutableArray<PortSpec>) => ImmutableArray.Create(new PortSpec("http", 80)),
            _ when underlying == typeof(ImmutableArray<MountSpec>) => ImmutableArray.Create(new MountSpec(MountKind.Tmpfs, null, "/tmp")),
            _ when underlying == typeof(ImmutableArray<DependencySpec>) => ImmutableArray.Create(new DependencySpec("db")),
            _ when underlying == typeof(ImmutableArray<SecretReference>) => ImmutableArray.Create(new SecretReference("PASSWORD", "db")),
            _ when underlying == typeof(ImmutableArray<FileSpec>) => ImmutableArray.Create(new FileSpec("/etc/x", FileSourceKind.Text, "x")),
            _ when underlying == typeof(ImmutableArray<Toleration>) => ImmutableArray.Create(new Toleration("gpu")),
            _ when underlying == typeof(ImmutableArray<VolumeClaimTemplate>) => ImmutableArray.Create(new VolumeClaimTemplate("data", "/data")),
            _ when underlying == typeof(ImmutableArray<ScalingPolicy>) => ImmutableArray.Create(ScalingPolicy.Replicas(9, TimeSpan.FromSeconds(7))),
            _ when underlying == typeof(ImmutableArray<MetricTarget>) => ImmutableArray.Create(new MetricTarget { Source = MetricSource.Cpu, Name = "cpu", Target = 50 }),
            _ when underlying == typeof(ImmutableArray<WorkloadSpec>) => ImmutableArray.Create(new WorkloadBuilder("db").Image("db:1").Build()),
            _ when underlying == typeof(ProbeSet) => new ProbeSet { Liveness = Probe.Tcp("http") },
            _ when underlying == typeof(PlacementSpec) => new PlacementSpec { MaxSkew = 9 },
            _ when underlying == typeof(SecuritySpec) => new SecuritySpec { User = "nobody" },
            _ when underlying == typeof(StatefulSetSpec) => new StatefulSetSpec { Partition = 9 },
            _ when underlying == typeof(AutoscalingSpec) => new AutoscalingSpec { MaxReplicas = 9 },
            _ when underlying == typeof(ScalingRules) => new ScalingRules { StabilizationWindow = TimeSpan.FromMinutes(9) },
            _ => null,
        };
    }
}
