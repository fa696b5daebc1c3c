using Microsoft.CodeAnalysis;

namespace Orchestration.Generators.Parsing;

/// <summary>Metadata names of the workload attributes, all in namespace <c>Orchestration</c>.</summary>
internal static class AttributeNames
{
    public const string Namespace = "Orchestration";
    public const string WorkloadFullName = "Orchestration.WorkloadAttribute";
    public const string Workload = "WorkloadAttribute";
    public const string Port = "PortAttribute";
    public const string Env = "EnvAttribute";
    public const string Secret = "SecretAttribute";
    public const string SecretFile = "SecretFileAttribute";
    public const string Label = "LabelAttribute";
    public const string Resources = "ResourcesAttribute";
    public const string HttpProbe = "HttpProbeAttribute";
    public const string TcpProbe = "TcpProbeAttribute";
    public const string ExecProbe = "ExecProbeAttribute";
    public const string Restart = "RestartAttribute";
    public const string RollingUpdate = "RollingUpdateAttribute";
    public const string RecreateUpdate = "RecreateUpdateAttribute";
    public const string NodeSelector = "NodeSelectorAttribute";
    public const string Toleration = "TolerationAttribute";
    public const string Placement = "PlacementAttribute";
    public const string AntiAffinity = "AntiAffinityAttribute";
    public const string AntiAffinityOfT = "AntiAffinityAttribute`1";
    public const string DependsOnOfT = "DependsOnAttribute`1";
    public const string StatefulSet = "StatefulSetAttribute";
    public const string VolumeTemplate = "VolumeTemplateAttribute";
    public const string CronJob = "CronJobAttribute";
    public const string Autoscale = "AutoscaleAttribute";
    public const string AutoscaleInstrument = "AutoscaleInstrumentAttribute";
    public const string WorkloadBuilder = "WorkloadBuilder";

    /// <summary>The metadata name of <paramref name="type"/> when it is declared in namespace Orchestration.</summary>
    public static string? Of(INamedTypeSymbol? type)
        => type is { ContainingNamespace: { Name: Namespace, ContainingNamespace.IsGlobalNamespace: true } }
            ? type.MetadataName
            : null;
}
