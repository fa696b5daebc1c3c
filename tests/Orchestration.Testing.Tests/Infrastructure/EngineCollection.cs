using Orchestration.TestSupport;

namespace Orchestration.Testing.Tests.Infrastructure;

/// <summary>Tests that need the engine fixture; fleets are isolated by name, so collections may run in parallel.</summary>
[CollectionDefinition(Name)]
public sealed class EngineCollection : ICollectionFixture<EngineFixture>
{
    public const string Name = "engine";
}
