namespace Orchestration.Reconciliation;

/// <summary>Work queue keys of nodes. Workload names are DNS labels, so a key with the prefix never names a workload.</summary>
internal static class NodeKeys
{
    private const string Prefix = "node:";

    public static string For(string node) => Prefix + node;

    public static bool TryParse(string key, out string node)
    {
        if (key.StartsWith(Prefix, StringComparison.Ordinal))
        {
            node = key[Prefix.Length..];
            return true;
        }

        node = string.Empty;
        return false;
    }
}
