using Docker.DotNet;
using Docker.DotNet.Models;
using Microsoft.Extensions.DependencyInjection;
using Orchestration;
using Orchestration.InMemory;
using Orchestration.Runtime;
using Orchestration.Scheduling;
using Orchestration.Testing;

// What only the generator writes: the package's analyzer ran.
var shop = new FleetBuilder("shop").AddWorkload<Db>().AddWorkload<Api>().Build();
if (shop.Workloads.Length != 2 || Api.Spec.Environment[Db.EndpointVariables.Host] != Db.WorkloadName || Db.Ports.Pg != "pg")
{
    throw new InvalidOperationException("The generated specs are not what the attributes declare.");
}

Console.WriteLine($"typed workloads: {string.Join(", ", shop.Workloads.Select(w => w.Name))}");

// The adapter plugin, over the in-memory runtime of the packages.
var adapter = new CountingRuntime(new InMemoryRuntime(TimeProvider.System, new InMemoryRuntimeOptions().AddNodes(2)));
var problems = new List<ValidationProblem>();
adapter.Validate(Web.Spec, problems);
var nodes = await adapter.GetNodesAsync(CancellationToken.None);
if (nodes.Count != 2 || problems.Count != 0)
{
    throw new InvalidOperationException($"The adapter plugin saw {nodes.Count} nodes and {problems.Count} problems.");
}

Console.WriteLine($"adapter plugin: {nodes.Count} nodes");

// A fleet on the engine through the harness package, placed through the scheduler plugin: ready, answering, and gone
// after dispose.
var filter = new ReadyNodesCounter();
string name;
await using (var fleet = await TestFleet.StartAsync(
    b => b.AddWorkload<Web>().ConfigureServices(s => s.AddSingleton<IFilterPlugin>(filter)),
    new TestFleetOptions { FleetNamePrefix = "pkgcheck" }))
{
    name = fleet.Name;
    var endpoint = fleet.Endpoint<Web>(Web.Ports.Http);
    using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
    var body = (await http.GetStringAsync(endpoint)).Trim();
    if (body != "ok")
    {
        throw new InvalidOperationException($"{endpoint} answered '{body}', not 'ok'.");
    }

    if (filter.Consulted == 0)
    {
        throw new InvalidOperationException("The scheduler never consulted the filter plugin.");
    }

    Console.WriteLine($"fleet {name}: {Web.WorkloadName} ready, {endpoint} answered '{body}', filter plugin consulted {filter.Consulted} time(s)");
}

var engine = Environment.GetEnvironmentVariable("DOCKER_HOST") is { Length: > 0 } host ? host : "unix:///var/run/docker.sock";
using var docker = new DockerClientBuilder().WithEndpoint(new Uri(engine)).WithApiVersion(new System.Version(1, 41)).Build();
var labelFilter = new Dictionary<string, IDictionary<string, bool>> { ["label"] = new Dictionary<string, bool> { [$"{OrchestrationLabels.Fleet}={name}"] = true } };

// Dispose hands the removal to the harness's watchdog and returns: the fleet is gone within seconds.
IList<ContainerListResponse> containers;
IList<NetworkResponse> networks;
var gone = DateTime.UtcNow.AddSeconds(60);
do
{
    await Task.Delay(250);
    containers = await docker.Containers.ListContainersAsync(new ContainersListParameters { All = true, Filters = labelFilter });
    networks = await docker.Networks.ListNetworksAsync(new NetworksListParameters { Filters = labelFilter });
}
while ((containers.Count > 0 || networks.Count > 0) && DateTime.UtcNow < gone);

if (containers.Count > 0 || networks.Count > 0)
{
    throw new InvalidOperationException($"60 s after dispose, fleet {name} still has {containers.Count} container(s) and {networks.Count} network(s).");
}

Console.WriteLine($"fleet {name}: disposed, nothing left");
