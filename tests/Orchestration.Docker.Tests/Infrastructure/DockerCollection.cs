using Orchestration.TestSupport;

namespace Orchestration.Docker.Tests.Infrastructure;

/// <summary>Tests that use the real engine share one checked engine and run one after another: on a small machine the
/// engine's start rate, not the test runner, is the bottleneck.</summary>
[CollectionDefinition(Name)]
public sealed class DockerCollection : ICollectionFixture<EngineFixture>
{
    public const string Name = "docker engine";
}
