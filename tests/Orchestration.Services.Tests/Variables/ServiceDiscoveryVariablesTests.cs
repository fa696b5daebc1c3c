using Orchestration.State;

namespace Orchestration.Services.Tests.Variables;

public sealed class ServiceDiscoveryVariablesTests
{
    private static Dictionary<string, string> Contribute(params WorkloadSpec[] workloads)
    {
        var desired = new DesiredStateStore();
        desired.TryReplace(null, new FleetSpec { Name = "shop", Workloads = [.. workloads] });
        var environment = new Dictionary<string, string>(workloads[^1].Environment, StringComparer.Ordinal);
        new ServiceDiscoveryVariables(desired).Contribute("shop", workloads[^1], environment);
        return environment;
    }

    [Fact]
    public void Dependants_get_the_variables_service_defaults_apps_read_for_every_port()
    {
        var web = new WorkloadBuilder("web").Image("web:1").Port("http", 8080).Port("https", 8443).Port("metrics", 9090).Build();
        var api = new WorkloadBuilder("api").Image("api:1").DependsOn("web").Build();

        var environment = Contribute(web, api);

        Assert.Equal("http://web:8080", environment["services__web__http__0"]);
        Assert.Equal("https://web:8443", environment["services__web__https__0"]);
        Assert.Equal("tcp://web:9090", environment["services__web__metrics__0"]);
        Assert.DoesNotContain("ConnectionStrings__web", environment.Keys);
    }

    [Fact]
    public void A_declared_connection_string_format_becomes_ConnectionStrings_of_the_dependency()
    {
        var cache = new WorkloadBuilder("cache").Image("redis:7").Port("redis", 6379).ConnectionString("{host}:{port:redis},abortConnect=false").Build();
        var db = new WorkloadBuilder("db").Image("postgres:16").Port("pg", 5432).ConnectionString("Host={host};Port={port};Database=shop").Build();
        var api = new WorkloadBuilder("api").Image("api:1").DependsOn("cache").DependsOn("db").Build();

        var environment = Contribute(cache, db, api);

        Assert.Equal("cache:6379,abortConnect=false", environment["ConnectionStrings__cache"]);
        Assert.Equal("Host=db;Port=5432;Database=shop", environment["ConnectionStrings__db"]);
        Assert.Equal("tcp://cache:6379", environment["services__cache__redis__0"]);
    }

    [Fact]
    public void Variables_the_spec_sets_itself_win()
    {
        var web = new WorkloadBuilder("web").Image("web:1").Port("http", 8080).Build();
        var api = new WorkloadBuilder("api").Image("api:1").DependsOn("web").Env("services__web__http__0", "http://elsewhere:1").Build();

        Assert.Equal("http://elsewhere:1", Contribute(web, api)["services__web__http__0"]);
    }

    [Fact]
    public void A_placeholder_naming_no_port_is_reported_with_the_field_and_the_value()
    {
        var cache = new WorkloadBuilder("cache").Image("redis:7").Port("redis", 6379).Build();
        var error = Assert.Throws<InvalidOperationException>(() => ServiceDiscoveryVariables.Format(cache, "{host}:{port:nope}"));
        Assert.Equal("workloads[\"cache\"].connectionStringFormat: '{port:nope}' is not {host}, {port} or {port:NAME} with a port of the workload", error.Message);
    }

    [Fact]
    public void Invalid_service_address_options_name_the_field_and_the_value()
    {
        var options = new ServiceAddressOptions { HostPort = 70000, ListenAddress = "nowhere", ConnectTimeout = TimeSpan.Zero, HoldTimeout = TimeSpan.FromSeconds(-1) };
        Assert.Equal(
            [
                "serviceAddresses[\"cache/redis\"].hostPort: '70000' must be 0-65535",
                "serviceAddresses[\"cache/redis\"].listenAddress: 'nowhere' is not an IP address",
                "serviceAddresses[\"cache/redis\"].connectTimeout: '00:00:00' must be positive",
                "serviceAddresses[\"cache/redis\"].holdTimeout: '-00:00:01' must be zero or more",
            ],
            options.Problems("cache", "redis"));
    }

    [Fact]
    public void Service_address_defaults_are_loopback_round_robin_with_a_2_s_connect_and_30_s_hold()
    {
        var options = new ServiceAddressOptions();
        Assert.Null(options.HostPort);
        Assert.Equal("127.0.0.1", options.ListenAddress);
        Assert.Equal(BalancingStrategy.RoundRobin, options.Strategy);
        Assert.Equal(TimeSpan.FromSeconds(2), options.ConnectTimeout);
        Assert.Equal(TimeSpan.FromSeconds(30), options.HoldTimeout);
    }
}
