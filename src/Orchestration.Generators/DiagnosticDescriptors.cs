using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Orchestration.Generators;

/// <summary>Every diagnostic of the typed-workload generator. Each is documented in docs/diagnostics.md and listed in
/// AnalyzerReleases.Unshipped.md.</summary>
internal static class DiagnosticDescriptors
{
    public const string Category = "Orchestration";

    private const string HelpBase = "https://github.com/orchestration-sdk/orchestration/blob/main/docs/diagnostics.md#";

    public static readonly DiagnosticDescriptor TypeNotPartial = new(
        id: "ORCH0001",
        title: "Workload type is not partial",
        messageFormat: "Workload type '{0}' must be declared partial so that its spec can be generated",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpBase + "orch0001");

    public static readonly DiagnosticDescriptor InvalidWorkloadName = new(
        id: "ORCH0002",
        title: "Invalid workload name",
        messageFormat: "'{0}' is not a valid workload name: use a DNS label of 1-63 lowercase letters, digits or '-', starting and ending with a letter or digit",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpBase + "orch0002");

    public static readonly DiagnosticDescriptor NegativeReplicas = new(
        id: "ORCH0003",
        title: "Replica count below zero",
        messageFormat: "Replicas of workload '{0}' is {1}; it must be 0 or more",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpBase + "orch0003");

    public static readonly DiagnosticDescriptor InvalidImage = new(
        id: "ORCH0004",
        title: "Invalid image reference",
        messageFormat: "'{0}' is not a valid image reference such as \"redis:7\" or \"host:5000/team/app:1.2\"",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpBase + "orch0004");

    public static readonly DiagnosticDescriptor DuplicatePort = new(
        id: "ORCH0005",
        title: "Duplicate port name or number",
        messageFormat: "{0} is declared more than once on workload '{1}'",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpBase + "orch0005");

    public static readonly DiagnosticDescriptor ProbeOnUnknownPort = new(
        id: "ORCH0006",
        title: "Probe on an undeclared port",
        messageFormat: "The {0} probe of workload '{1}' targets port '{2}', which is not declared (declared: {3})",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpBase + "orch0006");

    public static readonly DiagnosticDescriptor InvalidQuantity = new(
        id: "ORCH0007",
        title: "Unparsable resource quantity",
        messageFormat: "'{0}' is not a {1} quantity: {2}",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpBase + "orch0007");

    public static readonly DiagnosticDescriptor NotAWorkload = new(
        id: "ORCH0008",
        title: "Referenced type is not a typed workload",
        messageFormat: "'{0}' is not a typed workload: {1} needs a class marked [Workload]",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpBase + "orch0008");

    public static readonly DiagnosticDescriptor DependencyCycle = new(
        id: "ORCH0009",
        title: "Dependency cycle between typed workloads",
        messageFormat: "Typed workloads depend on each other in a cycle: {0}",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpBase + "orch0009");

    public static readonly DiagnosticDescriptor ConflictingAttributes = new(
        id: "ORCH0010",
        title: "Conflicting attributes",
        messageFormat: "{0} conflicts with {1} on workload '{2}': {3}",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpBase + "orch0010");

    public static readonly DiagnosticDescriptor InvalidPort = new(
        id: "ORCH0011",
        title: "Invalid port",
        messageFormat: "{0} of workload '{1}' is invalid: {2}",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpBase + "orch0011");

    public static readonly DiagnosticDescriptor InvalidEnvironmentVariable = new(
        id: "ORCH0012",
        title: "Invalid environment variable name",
        messageFormat: "'{0}' is not a valid environment variable name: use letters, digits and '_', not starting with a digit",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpBase + "orch0012");

    public static readonly DiagnosticDescriptor InvalidReplicaBudget = new(
        id: "ORCH0013",
        title: "Invalid rollout replica budget",
        messageFormat: "{0} '{1}' is neither a replica count such as \"1\" nor a percentage such as \"25%\"",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpBase + "orch0013");

    public static readonly DiagnosticDescriptor MissingImage = new(
        id: "ORCH0014",
        title: "Workload without an image",
        messageFormat: "Workload '{0}' sets no Image; set it on [Workload] or in a Configure method",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpBase + "orch0014");

    public static readonly DiagnosticDescriptor InvalidVolumeTemplate = new(
        id: "ORCH0015",
        title: "Invalid volume template",
        messageFormat: "{0} of workload '{1}' is invalid: {2}",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpBase + "orch0015");

    public static readonly DiagnosticDescriptor DuplicateVolumeTemplate = new(
        id: "ORCH0016",
        title: "Duplicate volume template name or target",
        messageFormat: "{0} is declared more than once on workload '{1}'",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpBase + "orch0016");

    public static readonly DiagnosticDescriptor SettingOfAnotherKind = new(
        id: "ORCH0017",
        title: "Setting of another workload kind",
        messageFormat: "{0} applies to a {1}, but workload '{2}' is a {3}: set Kind = WorkloadKind.{1} on [Workload], or remove {0}",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpBase + "orch0017");

    public static readonly DiagnosticDescriptor InvalidCronSchedule = new(
        id: "ORCH0018",
        title: "Invalid cron schedule",
        messageFormat: "'{0}' is not a cron schedule: {1}",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpBase + "orch0018");

    public static readonly DiagnosticDescriptor SettingOutOfRange = new(
        id: "ORCH0019",
        title: "Setting out of range",
        messageFormat: "{0} of workload '{1}' is {2}; it must be {3}",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpBase + "orch0019");

    public static readonly DiagnosticDescriptor MissingSchedule = new(
        id: "ORCH0020",
        title: "Cron job without a schedule",
        messageFormat: "Cron job '{0}' has no schedule; add [CronJob(\"...\")] or set it in a Configure method",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpBase + "orch0020");

    public static readonly DiagnosticDescriptor StatefulSetNameTooLong = new(
        id: "ORCH0021",
        title: "Stateful set name too long for its replica names",
        messageFormat: "Stateful set '{0}' names its last replica '{1}', which is longer than the 63 characters of a DNS label; shorten the name",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpBase + "orch0021");

    public static readonly DiagnosticDescriptor HttpProbeWithoutPort = new(
        id: "ORCH0022",
        title: "HTTP probe without a port on a workload with no port named 'http'",
        messageFormat: "The {0} probe of workload '{1}' names no port, so it would probe the port named 'http', which is not declared (declared: {2}); set Port to one of the declared ports",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpBase + "orch0022");

    public static readonly DiagnosticDescriptor WorkloadAttributeWithoutWorkload = new(
        id: "ORCH0023",
        title: "Workload attribute on a class without [Workload]",
        messageFormat: "[{0}] on '{1}' has no effect: '{1}' has no [Workload] attribute, so no spec is generated for it; add [Workload(\"name\", Image = \"...\")] and declare it partial",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpBase + "orch0023");

    public static readonly DiagnosticDescriptor AutoscaleMetricWithoutAutoscale = new(
        id: "ORCH0024",
        title: "Autoscaling metric without [Autoscale]",
        messageFormat: "{0} on workload '{1}' has no effect without [Autoscale(min, max)] on the same class: a metric target belongs to an autoscaler with bounds",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpBase + "orch0024");

    private static readonly Dictionary<string, DiagnosticDescriptor> s_byId = new[]
    {
        TypeNotPartial, InvalidWorkloadName, NegativeReplicas, InvalidImage, DuplicatePort, ProbeOnUnknownPort,
        InvalidQuantity, NotAWorkload, DependencyCycle, ConflictingAttributes, InvalidPort, InvalidEnvironmentVariable,
        InvalidReplicaBudget, MissingImage, InvalidVolumeTemplate, DuplicateVolumeTemplate, SettingOfAnotherKind,
        InvalidCronSchedule, SettingOutOfRange, MissingSchedule, StatefulSetNameTooLong, HttpProbeWithoutPort,
        WorkloadAttributeWithoutWorkload, AutoscaleMetricWithoutAutoscale,
    }.ToDictionary(d => d.Id);

    public static IEnumerable<DiagnosticDescriptor> All => s_byId.Values;

    public static DiagnosticDescriptor ById(string id) => s_byId[id];
}
