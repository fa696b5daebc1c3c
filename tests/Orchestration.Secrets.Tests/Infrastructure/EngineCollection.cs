using Orchestration.TestSupport;

namespace Orchestration.Secrets.Tests.Infrastructure;

/// <summary>The tests on the real engine run one at a time: they share the engine with each other.</summary>
[CollectionDefinition(Name)]
public sealed class EngineCollection : ICollectionFixture<EngineFixture>
{
    public const string Name = "engine";
}
