namespace Orchestration;

/// <summary>The stateful-set settings of a typed workload declared with
/// <c>Kind = WorkloadKind.StatefulSet</c> on <see cref="WorkloadAttribute"/> (which also holds its replica count). Its
/// per-replica volumes are declared with <see cref="VolumeTemplateAttribute"/>. A setting not written keeps the
/// default of <see cref="StatefulSetSpec"/>.</summary>
/// <example><code>
/// [Workload("db", Image = "postgres:17", Kind = WorkloadKind.StatefulSet, Replicas = 3)]
/// [StatefulSet(PodManagement = PodManagementPolicy.Parallel, WhenScaled = VolumeRetention.Delete)]
/// [VolumeTemplate("data", "/var/lib/postgresql/data")]
/// public partial class Db;
/// </code></example>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class StatefulSetAttribute : Attribute
{
    /// <summary>Whether replicas start and stop one at a time in ordinal order, or all at once.</summary>
    /// <value>The default value is <see cref="PodManagementPolicy.OrderedReady"/>.</value>
    public PodManagementPolicy PodManagement { get; set; } = PodManagementPolicy.OrderedReady;

    /// <summary>A rolling update replaces only the replicas whose ordinal is at least this; 0 or more.</summary>
    /// <value>The default value is 0 (every replica).</value>
    public int Partition { get; set; }

    /// <summary>What happens to a replica's volumes when scaling down removes it.</summary>
    /// <value>The default value is <see cref="VolumeRetention.Retain"/>.</value>
    public VolumeRetention WhenScaled { get; set; } = VolumeRetention.Retain;

    /// <summary>What happens to the volumes when the workload is taken out of the fleet.</summary>
    /// <value>The default value is <see cref="VolumeRetention.Retain"/>.</value>
    public VolumeRetention WhenDeleted { get; set; } = VolumeRetention.Retain;
}
