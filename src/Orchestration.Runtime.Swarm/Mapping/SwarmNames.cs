using System.Security.Cryptography;
using System.Text;

namespace Orchestration.Runtime.Swarm.Mapping;

/// <summary>Names and labels of what the SDK creates on a swarm for a fleet.</summary>
internal static class SwarmNames
{
    /// <summary>Label on a service with the hash of the Swarm spec it was last given, so that an unchanged spec is
    /// adopted without an update.</summary>
    public const string SpecHashLabel = OrchestrationLabels.Prefix + "swarm-spec";

    /// <summary>Label on secrets with the secret's name as the resolver knows it.</summary>
    public const string SecretLabel = OrchestrationLabels.Prefix + "secret";

    /// <summary>Node label that names a node; the host name (or the node id) when absent.</summary>
    public const string NodeNameLabel = OrchestrationLabels.Prefix + "node";

    /// <summary>A service's name: fleet and workload, like a stack's services.</summary>
    public static string Service(string fleet, string workload) => $"{fleet}_{workload}";

    /// <summary>The fleet's overlay network.</summary>
    public static string Network(string prefix, string fleet) => prefix + fleet;

    /// <summary>A Swarm secret's name. Swarm secrets cannot change, so the name ends with a digest of the fleet, the
    /// name and the value (as a content-addressed config generator does): a new value is a new secret and rolls the
    /// services that use it.</summary>
    public static string Secret(string prefix, string fleet, string secret, string value)
        => $"{prefix}{fleet}-{Sanitize(secret)}-{Digest(fleet + "\n" + secret + "\n" + value)}";

    /// <summary>A Swarm config's name, content-addressed like <see cref="Secret"/>.</summary>
    public static string Config(string prefix, string fleet, string workload, string target, string content)
        => $"{prefix}{fleet}-{workload}-{Digest(target + "\n" + content)}";

    /// <summary>A stable short hash of <paramref name="text"/>.</summary>
    public static string Digest(string text)
        => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..12];

    private static string Sanitize(string name)
        => new([.. name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '-')]);
}
