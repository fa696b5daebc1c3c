namespace Orchestration;

/// <summary>Declares a <c>partial class</c> as a typed workload. The source generator implements
/// <see cref="ITypedWorkload"/> on it with a spec built from this and the class's other attributes, and checks them
/// at compile time (diagnostics ORCH0001 and up).</summary>
/// <example><code>
/// [Workload("orders-api", Image = "shop/orders:1.4", Replicas = 3)]
/// [Port("http", 8080)]
/// [HttpProbe(ProbeTarget.Readiness, "/health")]
/// [DependsOn&lt;OrdersDb&gt;]
/// public partial class OrdersApi;
/// </code></example>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class WorkloadAttribute : Attribute
{
    /// <summary>Declares a workload named <paramref name="name"/>.</summary>
    /// <param name="name">Workload name: a DNS label, also the name dependants reach it by.</param>
    public WorkloadAttribute(string name)
    {
        Name = name;
    }

    /// <summary>Workload name: a DNS label (lowercase letters, digits and '-', at most 63 characters).</summary>
    public string Name { get; }

    /// <summary>Image reference, such as "redis:7". Required unless the class's <c>Configure</c> method sets it.</summary>
    public string? Image { get; set; }

    /// <summary>Desired replica count of a service or stateful set.</summary>
    /// <value>The default value is 1.</value>
    public int Replicas { get; set; } = 1;

    /// <summary>Service, job, daemon set, stateful set or cron job. The settings of a stateful set are declared with
    /// <see cref="StatefulSetAttribute"/> and <see cref="VolumeTemplateAttribute"/>, those of a cron job with
    /// <see cref="CronJobAttribute"/>.</summary>
    /// <value>The default value is <see cref="WorkloadKind.Service"/>.</value>
    public WorkloadKind Kind { get; set; } = WorkloadKind.Service;

    /// <summary>When nodes pull the image.</summary>
    /// <value>The default value is <see cref="Orchestration.PullPolicy.IfNotPresent"/>.</value>
    public PullPolicy PullPolicy { get; set; } = PullPolicy.IfNotPresent;

    /// <summary>Replaces the image's entrypoint when set.</summary>
    public string[]? Command { get; set; }

    /// <summary>Replaces the image's arguments when set.</summary>
    public string[]? Args { get; set; }
}
