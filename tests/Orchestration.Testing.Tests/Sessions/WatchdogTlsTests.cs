using Docker.DotNet.Models;
using Orchestration.Runtime;
using Orchestration.Runtime.Docker.Client;
using Orchestration.Testing.Sessions;
using Orchestration.Testing.Tests.Infrastructure;
using Orchestration.Testing.Watchdog;
using Orchestration.TestSupport;

namespace Orchestration.Testing.Tests.Sessions;

/// <summary>The watchdog reaches engines as the Docker runtime does, TLS client certificates included: it confirms a
/// node that verifies client certificates and removes the session's leftovers there.</summary>
public sealed class WatchdogTlsTests
{
    private const int Node = 2;

    [Fact]
    public async Task It_sweeps_a_session_off_an_engine_that_verifies_client_certificates()
    {
        await RepositoryScripts.RunAsync("eng/engine.sh", $"nodes {Node}");
        var certificates = (await RepositoryScripts.RunAsync("eng/engine.sh", "tls")).Trim();
        var tls = new EngineEndpoint(new Uri($"tcp://127.0.0.1:{2380 + Node}"), certificates);
        var session = SessionLabel.Current with { Host = $"tls-{Guid.NewGuid():n}"[..16] };
        var label = $"{SessionLabel.Key}={session}";
        using var engine = await DockerClientFactory.ConnectAsync("node2", tls, CancellationToken.None);
        var watchdog = WatchdogProcess.Start(session);

        await watchdog.WatchEngineAsync(tls, TimeSpan.FromSeconds(30), CancellationToken.None);
        await engine.Networks.CreateNetworkAsync(new NetworksCreateParameters
        {
            Name = $"tls-{Guid.NewGuid():n}"[..20],
            Labels = new Dictionary<string, string> { [SessionLabel.Key] = session.ToString(), [OrchestrationLabels.Fleet] = "watchdog-tls-tests" },
        });
        Assert.Single(await NetworksAsync());
        watchdog.CloseInput();

        await Eventually.HoldsAsync(async () => (await NetworksAsync()).Count == 0, TimeSpan.FromSeconds(30), async () => string.Join(", ", (await NetworksAsync()).Select(n => n.Name)));
        using var exited = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await watchdog.WaitForExitAsync(exited.Token);

        Task<IList<NetworkResponse>> NetworksAsync()
            => engine.Networks.ListNetworksAsync(new NetworksListParameters
            {
                Filters = new Dictionary<string, IDictionary<string, bool>> { ["label"] = new Dictionary<string, bool> { [label] = true } },
            });
    }
}
