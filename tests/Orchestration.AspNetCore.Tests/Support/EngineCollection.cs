using Orchestration.TestSupport;

namespace Orchestration.AspNetCore.Tests.Support;

/// <summary>Tests on the real engine run one after another: the engine's start rate is the bottleneck.</summary>
[CollectionDefinition(Name)]
public sealed class EngineCollection : ICollectionFixture<EngineFixture>
{
    public const string Name = "engine";
}
