using Orchestration.Rules;

namespace Orchestration.Tests.Validation;

public class SuggestionTests
{
    [Fact]
    public void The_closest_name_is_suggested_only_when_it_is_a_likely_typo()
    {
        Assert.Equal("web", ClosestName.Find("wbe", ["web", "db"]));
        Assert.Equal("orders-api", ClosestName.Find("order-api", ["orders-api", "cache"]));
        Assert.Null(ClosestName.Find("payments", ["web", "db"]));
    }

    [Fact]
    public void An_unknown_workload_names_those_that_exist()
        => Assert.Equal(
            "Workload 'wbe' is not part of fleet 'shop' (its workloads: web, db); did you mean 'web'?",
            UnknownWorkload.Message("wbe", "shop", ["web", "db"]));
}
