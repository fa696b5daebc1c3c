using Orchestration.TestSupport;

namespace Orchestration.Autoscaling.Tests.Engine;

/// <summary>The tests on the real engine run one at a time: they share the engine and the machine's cores.</summary>
[CollectionDefinition(Name)]
public sealed class EngineCollection : ICollectionFixture<EngineFixture>
{
    public const string Name = "engine";
}
