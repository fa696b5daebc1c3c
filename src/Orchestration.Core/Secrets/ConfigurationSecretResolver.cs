using Microsoft.Extensions.Configuration;

namespace Orchestration.Secrets;

/// <summary>The default <see cref="ISecretResolver"/>: the secret named <c>NAME</c> is the configuration value
/// <c>Secrets:NAME</c>, from any provider of the application's configuration (user secrets, environment variables as
/// <c>Secrets__NAME</c>, a vault's configuration provider).</summary>
internal sealed class ConfigurationSecretResolver(IConfiguration? configuration = null) : ISecretResolver
{
    public const string Section = "Secrets";

    public ValueTask<string> ResolveAsync(string name, CancellationToken cancellationToken)
    {
        var value = configuration?[$"{Section}:{name}"];
        return value is not null
            ? ValueTask.FromResult(value)
            : throw new KeyNotFoundException(configuration is null
                ? $"Secret '{name}' cannot be resolved: no configuration is registered and no {nameof(ISecretResolver)} either."
                : $"Secret '{name}' is not set: the configuration has no value '{Section}:{name}'.");
    }
}
