using Orchestration.Runtime.Swarm;

namespace Orchestration.Swarm.Tests;

/// <summary>The secret values and configuration file of the test fleet, shared by the tests and the app process
/// they kill.</summary>
public sealed class TestSecrets : ISecretResolver
{
    public const string StorePassword = "s3cret-value-17";

    public const string StoreConfig = "store-config-v1";

    public static void Configure(SwarmRuntimeOptions options) => options.AddConfigFile("store", "/config/store.txt", StoreConfig + "\n");

    public ValueTask<string> ResolveAsync(string name, CancellationToken cancellationToken)
        => name == "store-password" ? ValueTask.FromResult(StorePassword) : throw new KeyNotFoundException($"No secret named '{name}'.");
}
