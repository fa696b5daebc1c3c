using Orchestration.Reconciliation;
using Orchestration.State;

namespace Orchestration.Tests.Reconciliation;

public sealed class DependencyAddressesTests
{
    [Fact]
    public void Dependency_addresses_use_the_generator_names_and_never_override_the_spec()
    {
        var store = new DesiredStateStore();
        var db = new WorkloadBuilder("orders-db").Image("pg").Port("pg-main", 5432).Build();
        var api = new WorkloadBuilder("api").Image("api").DependsOn("orders-db").Env("ORDERS_DB_HOST", "custom").Build();
        Assert.True(store.TryReplace(null, new FleetSpec { Name = "f", Workloads = [db, api] }));
        var env = new Dictionary<string, string>(api.Environment);
        new DependencyAddresses(store).Contribute("f", api, env);
        Assert.Equal("custom", env["ORDERS_DB_HOST"]);
        Assert.Equal("5432", env["ORDERS_DB_PORT_PG_MAIN"]);
    }
}
