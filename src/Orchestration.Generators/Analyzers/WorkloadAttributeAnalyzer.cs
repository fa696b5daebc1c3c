using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Orchestration.Generators.Parsing;

namespace Orchestration.Generators.Analyzers;

/// <summary>Reports workload attributes (<c>[Port]</c>, <c>[Env]</c>, probes…) on a class that has no <c>[Workload]</c>:
/// the generator never looks at such a class, and the compiler's only hint would be CS0311 where the class is used as
/// a typed workload. An analyzer rather than a generator step, so its locations never enter the generator's cache.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class WorkloadAttributeAnalyzer : DiagnosticAnalyzer
{
    private static readonly ImmutableHashSet<string> MemberAttributes = ImmutableHashSet.Create(
        AttributeNames.Port, AttributeNames.Env, AttributeNames.Secret, AttributeNames.Label, AttributeNames.Resources,
        AttributeNames.HttpProbe, AttributeNames.TcpProbe, AttributeNames.ExecProbe, AttributeNames.Restart,
        AttributeNames.RollingUpdate, AttributeNames.RecreateUpdate, AttributeNames.NodeSelector, AttributeNames.Toleration,
        AttributeNames.Placement, AttributeNames.AntiAffinity, AttributeNames.AntiAffinityOfT, AttributeNames.DependsOnOfT,
        AttributeNames.StatefulSet, AttributeNames.VolumeTemplate, AttributeNames.CronJob,
        AttributeNames.Autoscale, AttributeNames.AutoscaleInstrument);

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.WorkloadAttributeWithoutWorkload);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterSymbolAction(AnalyzeType, SymbolKind.NamedType);
    }

    private static void AnalyzeType(SymbolAnalysisContext context)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        var attributes = type.GetAttributes();
        if (attributes.Length == 0 || attributes.Any(a => AttributeNames.Of(a.AttributeClass) == AttributeNames.Workload))
        {
            return;
        }

        var stray = attributes.FirstOrDefault(a => AttributeNames.Of(a.AttributeClass) is { } name && MemberAttributes.Contains(name));
        if (stray?.AttributeClass is not { } attributeClass)
        {
            return;
        }

        var location = stray.ApplicationSyntaxReference?.GetSyntax(context.CancellationToken).GetLocation() ?? type.Locations.FirstOrDefault();
        var shortName = attributeClass.Name.EndsWith("Attribute", System.StringComparison.Ordinal)
            ? attributeClass.Name.Substring(0, attributeClass.Name.Length - "Attribute".Length)
            : attributeClass.Name;
        context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.WorkloadAttributeWithoutWorkload, location, shortName, type.Name));
    }
}
