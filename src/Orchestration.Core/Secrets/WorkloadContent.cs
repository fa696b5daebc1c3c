using System.Collections.Immutable;
using Orchestration.Runtime;

namespace Orchestration.Secrets;

/// <summary>The resolved secrets and file contents of one workload revision, held in memory only.</summary>
/// <param name="SecretEnvironment">The values of the workload's secret environment variables.</param>
/// <param name="Files">The workload's files with their content.</param>
internal sealed record WorkloadContent(ImmutableSortedDictionary<string, string> SecretEnvironment, ImmutableArray<ContainerFile> Files)
{
    public static WorkloadContent Empty { get; } = new(ImmutableSortedDictionary<string, string>.Empty, []);

    /// <summary>Every secret value, for redaction.</summary>
    public ImmutableArray<string> SecretValues { get; } =
    [
        .. SecretEnvironment.Values,
        .. Files.Where(f => f.IsSecret).Select(f => System.Text.Encoding.UTF8.GetString(f.Content.Span)),
    ];

    public override string ToString() => $"{SecretEnvironment.Count} secret variables, {Files.Length} files";
}
