namespace Orchestration.Kubernetes;

/// <summary>How a fleet becomes Kubernetes manifests.</summary>
public sealed record KubernetesExportOptions
{
    /// <summary>The defaults: no namespace, fleet isolation and disruption budgets on.</summary>
    public static KubernetesExportOptions Default { get; } = new();

    /// <summary>Namespace written into every object; <see langword="null"/> leaves it out, so the objects go to the
    /// namespace they are applied to.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? Namespace { get; init; }

    /// <summary>Name of the Kubernetes Secret whose keys hold the fleet's secrets; <see langword="null"/> means
    /// <c>&lt;fleet&gt;-secrets</c>. Each secret name of the fleet is one key of it.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? SecretObjectName { get; init; }

    /// <summary>Add a NetworkPolicy that lets the fleet's pods accept traffic only from pods of the same fleet, as the
    /// fleet's own network does on Docker.</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool IsolateFleet { get; init; } = true;

    /// <summary>Add a PodDisruptionBudget to every service of more than one replica.</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool DisruptionBudgets { get; init; } = true;
}
