using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Orchestration.Generators.Model;
using Orchestration.Rules;

namespace Orchestration.Generators.Parsing;

/// <summary>Turns one <c>[Workload]</c> class into a <see cref="WorkloadModel"/> and the problems of its declaration.
/// One instance parses one class.</summary>
internal sealed partial class WorkloadParser
{
    private readonly INamedTypeSymbol _type;
    private readonly CancellationToken _cancellationToken;
    private readonly List<DiagnosticInfo> _diagnostics = new();
    private readonly List<PortModel> _ports = new();
    private readonly List<NameValue> _environment = new();
    private readonly List<NameValue> _secrets = new();
    private readonly List<NameValue> _secretFiles = new();
    private readonly List<NameValue> _labels = new();
    private readonly List<ProbeModel> _probes = new();
    private readonly List<DependencyModel> _dependencies = new();
    private readonly List<(ProbeModel Probe, LocationInfo? PortLocation, bool PortImplied)> _portProbes = new();
    private string _name = string.Empty;

    private WorkloadParser(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        _type = type;
        _cancellationToken = cancellationToken;
    }

    /// <summary>The cheap syntax filter of the pipeline: only classes can be workloads.</summary>
    public static bool IsCandidate(SyntaxNode node, CancellationToken cancellationToken) => node is ClassDeclarationSyntax;

    /// <summary>The transform of the pipeline.</summary>
    public static WorkloadModel Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        var type = (INamedTypeSymbol)context.TargetSymbol;
        var parser = new WorkloadParser(type, cancellationToken);
        return parser.Parse((ClassDeclarationSyntax)context.TargetNode, context.Attributes[0]);
    }

    private WorkloadModel Parse(ClassDeclarationSyntax syntax, AttributeData workloadAttribute)
    {
        var canEmit = CheckPartial(syntax);
        var (hasConfigure, declareConfigure) = FindConfigure();
        var workload = new AttributeReader(workloadAttribute, _cancellationToken);
        _name = workload.CtorString(0) ?? string.Empty;
        if (!NameRules.IsDnsLabel(_name))
        {
            Report(DiagnosticDescriptors.InvalidWorkloadName, workload.CtorLocation(0), _name);
        }

        var replicas = workload.NamedInt("Replicas") ?? 1;
        if (replicas < 0)
        {
            Report(DiagnosticDescriptors.NegativeReplicas, workload.NamedLocation("Replicas"), _name, replicas.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        var image = workload.NamedString("Image");
        if (image is null)
        {
            if (!hasConfigure)
            {
                Report(DiagnosticDescriptors.MissingImage, workload.Location, _name);
            }
        }
        else if (!NameRules.IsImageReference(image))
        {
            Report(DiagnosticDescriptors.InvalidImage, workload.NamedLocation("Image"), image);
        }

        ResourcesModel? resources = null;
        RestartModel? restart = null;
        AutoscaleModel? autoscale = null;
        var instrumentMetrics = new List<AttributeReader>();
        UpdateModel? update = null;
        AttributeReader? rolling = null;
        AttributeReader? recreate = null;
        var placement = new PlacementParts();
        var kindParts = new KindParts();
        var attributes = _type.GetAttributes();
        foreach (var data in attributes)
        {
            if (AttributeNames.Of(data.AttributeClass) == AttributeNames.Port)
            {
                ParsePort(new AttributeReader(data, _cancellationToken));
            }
        }

        foreach (var data in attributes)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            var attribute = new AttributeReader(data, _cancellationToken);
            switch (AttributeNames.Of(data.AttributeClass))
            {
                case AttributeNames.Env: ParseEnv(attribute); break;
                case AttributeNames.Secret: ParseSecret(attribute); break;
                case AttributeNames.SecretFile: ParseSecretFile(attribute); break;
                case AttributeNames.Label: AddUnique(_labels, attribute, "a label key is set once"); break;
                case AttributeNames.Resources: resources = ParseResources(attribute); break;
                case AttributeNames.HttpProbe:
                case AttributeNames.TcpProbe:
                case AttributeNames.ExecProbe: ParseProbe(attribute); break;
                case AttributeNames.Restart: restart = ParseRestart(attribute); break;
                case AttributeNames.Autoscale: autoscale = ParseAutoscale(attribute); break;
                case AttributeNames.AutoscaleInstrument: instrumentMetrics.Add(attribute); break;
                case AttributeNames.RollingUpdate: rolling = attribute; break;
                case AttributeNames.RecreateUpdate: recreate = attribute; break;
                case AttributeNames.NodeSelector: AddUnique(placement.NodeSelector, attribute, "a node label is selected once"); break;
                case AttributeNames.Toleration: placement.Tolerations.Add(ParseToleration(attribute)); break;
                case AttributeNames.Placement:
                    placement.Strategy = AttributeReader.EnumExpression(attribute.Ctor(0));
                    placement.MaxSkew = attribute.NamedInt("MaxSkew");
                    break;
                case AttributeNames.AntiAffinity: AddAntiAffinity(placement, attribute.CtorString(0), attribute); break;
                case AttributeNames.AntiAffinityOfT: ParseTypedAntiAffinity(placement, attribute); break;
                case AttributeNames.DependsOnOfT: ParseDependency(attribute); break;
                case AttributeNames.StatefulSet: kindParts.StatefulSet = attribute; break;
                case AttributeNames.VolumeTemplate: kindParts.VolumeTemplates.Add(attribute); break;
                case AttributeNames.CronJob: kindParts.CronJob = attribute; break;
            }
        }

        if (rolling is { } r)
        {
            update = ParseRollingUpdate(r);
        }

        if (recreate is { } rc)
        {
            if (rolling is { } other)
            {
                Report(DiagnosticDescriptors.ConflictingAttributes, rc.Location, rc.Display, other.Display, _name, "a workload has one update strategy");
            }
            else
            {
                update = new UpdateModel(true, null, false, null, false, null, null, null, null);
            }
        }

        autoscale = AttachInstruments(autoscale, instrumentMetrics);
        CheckProbePorts();
        var kind = workload.TryNamed("Kind", out var kindConstant) ? AttributeReader.EnumMemberName(kindConstant) ?? "Service" : "Service";
        var statefulSet = ParseStatefulSet(kindParts, kind, replicas, workload.CtorLocation(0));
        var cronJob = ParseCronJob(kindParts, kind, workload, hasConfigure);
        return new WorkloadModel
        {
            Namespace = _type.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() : string.Empty,
            ContainingTypes = ContainingTypeDeclarations(),
            TypeName = TypeNameWithParameters(_type),
            FullyQualifiedName = _type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
            CanEmit = canEmit,
            Name = _name,
            NameLocation = workload.CtorLocation(0),
            Image = image,
            Replicas = replicas,
            Kind = workload.NamedEnum("Kind"),
            PullPolicy = workload.NamedEnum("PullPolicy"),
            Command = workload.NamedStrings("Command")?.ToEquatableArray(),
            Args = workload.NamedStrings("Args")?.ToEquatableArray(),
            Ports = _ports.ToEquatableArray(),
            Environment = _environment.ToEquatableArray(),
            Secrets = _secrets.ToEquatableArray(),
            SecretFiles = _secretFiles.ToEquatableArray(),
            Labels = _labels.ToEquatableArray(),
            Resources = resources,
            Probes = _probes.ToEquatableArray(),
            Restart = restart,
            Autoscale = autoscale,
            Update = update,
            Placement = placement.ToModel(),
            StatefulSet = statefulSet,
            CronJob = cronJob,
            Dependencies = _dependencies.ToEquatableArray(),
            HasConfigure = hasConfigure,
            DeclareConfigure = declareConfigure,
            Diagnostics = _diagnostics.ToEquatableArray(),
        };
    }

    private void Report(DiagnosticDescriptor descriptor, LocationInfo? location, params string[] arguments)
        => _diagnostics.Add(DiagnosticInfo.Create(descriptor, location, arguments));

    /// <summary>The class and every type containing it must be partial for code to be added to it.</summary>
    private bool CheckPartial(ClassDeclarationSyntax syntax)
    {
        if (!syntax.Modifiers.Any(SyntaxKind.PartialKeyword))
        {
            Report(DiagnosticDescriptors.TypeNotPartial, LocationInfo.From(syntax.Identifier.GetLocation()), _type.Name);
            return false;
        }

        for (var node = syntax.Parent; node is TypeDeclarationSyntax containing; node = node.Parent)
        {
            if (!containing.Modifiers.Any(SyntaxKind.PartialKeyword))
            {
                Report(DiagnosticDescriptors.TypeNotPartial, LocationInfo.From(containing.Identifier.GetLocation()), containing.Identifier.ValueText);
                return false;
            }
        }

        return true;
    }

    /// <summary>Finds <c>static void Configure(WorkloadBuilder)</c>: whether there is one to call, and whether the
    /// generator must write the defining declaration of a partial one whose implementation alone is written.</summary>
    private (bool HasConfigure, bool DeclareConfigure) FindConfigure()
    {
        foreach (var member in _type.GetMembers("Configure"))
        {
            if (member is not IMethodSymbol { IsStatic: true, ReturnsVoid: true, Parameters.Length: 1 } method
                || AttributeNames.Of(method.Parameters[0].Type as INamedTypeSymbol) != AttributeNames.WorkloadBuilder)
            {
                continue;
            }

            var isPartial = method.DeclaringSyntaxReferences
                .Select(r => r.GetSyntax(_cancellationToken))
                .OfType<MethodDeclarationSyntax>()
                .Any(m => m.Modifiers.Any(SyntaxKind.PartialKeyword));
            var hasDefinition = method.IsPartialDefinition || method.PartialDefinitionPart is not null;
            var hasImplementation = !method.IsPartialDefinition || method.PartialImplementationPart is not null;
            return (hasImplementation, isPartial && !hasDefinition);
        }

        return (false, false);
    }

    private EquatableArray<string> ContainingTypeDeclarations()
    {
        var declarations = new List<string>();
        for (var containing = _type.ContainingType; containing is not null; containing = containing.ContainingType)
        {
            var keyword = containing switch
            {
                { IsRecord: true, TypeKind: TypeKind.Struct } => "record struct",
                { IsRecord: true } => "record",
                { TypeKind: TypeKind.Struct } => "struct",
                { TypeKind: TypeKind.Interface } => "interface",
                _ => "class",
            };
            declarations.Insert(0, $"partial {keyword} {TypeNameWithParameters(containing)}");
        }

        return declarations.ToEquatableArray();
    }

    private static string TypeNameWithParameters(INamedTypeSymbol type)
    {
        if (type.TypeParameters.Length == 0)
        {
            return type.Name;
        }

        var builder = new StringBuilder(type.Name).Append('<');
        builder.Append(string.Join(", ", type.TypeParameters.Select(p => p.Name)));
        return builder.Append('>').ToString();
    }

    /// <summary>Collects the parts of a placement while attributes are read.</summary>
    private sealed class PlacementParts
    {
        public List<NameValue> NodeSelector { get; } = new();

        public List<TolerationModel> Tolerations { get; } = new();

        public List<string> Required { get; } = new();

        public List<string> Preferred { get; } = new();

        public string? Strategy { get; set; }

        public int? MaxSkew { get; set; }

        public PlacementModel ToModel() => new(
            NodeSelector.ToEquatableArray(),
            Tolerations.ToEquatableArray(),
            Required.ToEquatableArray(),
            Preferred.ToEquatableArray(),
            Strategy,
            MaxSkew);
    }
}
