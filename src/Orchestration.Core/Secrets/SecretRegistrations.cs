using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Orchestration.Secrets;

/// <summary>The services that resolve secrets and files when a fleet is applied; the configuration-backed resolver
/// unless the application registers its own <see cref="ISecretResolver"/>.</summary>
internal static class SecretRegistrations
{
    public static void Add(IServiceCollection services)
    {
        services.TryAddSingleton<ISecretResolver, ConfigurationSecretResolver>();
        services.TryAddSingleton<ResolvedContents>();
        services.TryAddSingleton<ContentDigestKey>();
        services.TryAddSingleton<FleetContentResolver>();
    }
}
