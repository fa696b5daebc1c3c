using Orchestration.TestSupport;

namespace Orchestration.Services.Tests.Infrastructure;

/// <summary>The tests on the real engine run one at a time: they share the engine (and the machine's two cores) with
/// each other.</summary>
[CollectionDefinition(Name)]
public sealed class EngineCollection : ICollectionFixture<EngineFixture>
{
    public const string Name = "engine";
}
