namespace Orchestration.Runtime.Docker.Client;

/// <summary>Chooses the Engine API version to speak with an engine: the engine's own version, capped at the newest
/// the client knows, and refused below the oldest the adapter supports.</summary>
internal static class ApiVersionNegotiation
{
    public static Version Negotiate(string node, string? engineApiVersion, string? engineMinimumApiVersion)
    {
        if (!EngineAddressRules.TryParseApiVersion(engineApiVersion, out var engine))
        {
            throw new DockerEngineException(node, $"the engine reported an unreadable API version '{engineApiVersion}'");
        }

        var chosen = engine > DockerRuntimeDefaults.MaximumApiVersion ? DockerRuntimeDefaults.MaximumApiVersion : engine;
        if (chosen < DockerRuntimeDefaults.MinimumApiVersion)
        {
            throw new DockerEngineException(node, $"the engine speaks API {engine}, older than the oldest supported, {DockerRuntimeDefaults.MinimumApiVersion} (Docker 20.10)");
        }

        if (EngineAddressRules.TryParseApiVersion(engineMinimumApiVersion, out var minimum) && chosen < minimum)
        {
            throw new DockerEngineException(node, $"the engine requires API {minimum} or newer, but this client speaks at most {DockerRuntimeDefaults.MaximumApiVersion}");
        }

        return chosen;
    }
}
