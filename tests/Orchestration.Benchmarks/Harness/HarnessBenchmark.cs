using System.Diagnostics;
using System.Globalization;
using DotNet.Testcontainers.Builders;
using Microsoft.Extensions.Logging.Abstractions;
using Orchestration.Benchmarks.Docker;
using Orchestration.Testing;

namespace Orchestration.Benchmarks.Harness;

/// <summary>Issue 8: what a test pays for its containers. Five busybox httpd containers (orchestration/busybox:1, built
/// by eng/images.sh) with port 8080 published, from nothing to ready (HTTP 200 on 8080) and removed again — with the
/// SDK's harness (<see cref="TestFleet"/>: one workload of five replicas, HTTP readiness probe, on the engine's default
/// network like Testcontainers' containers, <c>ratio</c>; and with a network of its own, the default,
/// <c>ratio_isolated</c>; dispose hands the removal to the watchdog, which is waited for, untimed, before the next
/// measurement) and with Testcontainers
/// for .NET (five containers started at once, each waiting until HTTP on 8080 succeeds, then disposed at once), in the
/// same run on the same engine. One unmeasured warm-up of each (JIT, first connections, the harness's watchdog process,
/// Testcontainers' settings) precedes <see cref="Runs"/> measured rounds that alternate them; the line reports the
/// medians. Then a kept fleet (<see cref="TestFleetOptions.ReuseKey"/>) of the same five containers is made once and
/// adopted <see cref="Runs"/> times, each adoption timed until ready and followed by a cold Testcontainers start:
/// <c>warm_ratio</c> is the median adoption against the median Testcontainers start until ready.
/// <para>Two floors are measured in the same rounds, so the ratio can be read against what the engine itself needs: the
/// same five containers created, started, polled until HTTP answers and removed straight through the Docker API, all at
/// once, once as Testcontainers creates them (default bridge, <c>floor_s</c>) and once as the SDK does (fleet network
/// with DNS alias, init, dropped capabilities; <c>floor_sdk_s</c>).</para></summary>
/// <remarks>Testcontainers reads its settings from the environment once, when first used, so they are set here before:
/// <c>TESTCONTAINERS_RYUK_DISABLED=true</c> (no reaper container; every container is disposed explicitly, as the
/// harness's watchdog is a local process, not a container) and, unless already set, <c>DOCKER_API_VERSION=1.41</c>
/// (Docker 20.10 speaks API 1.41; Testcontainers' client would otherwise ask for a newer one).</remarks>
internal static class HarnessBenchmark
{
    private const int Containers = 5;
    private static readonly int Runs = int.TryParse(Environment.GetEnvironmentVariable("HARNESS_RUNS"), out var runs) ? runs : 5;
    private const int HttpPort = 8080;

    public static async Task<int> RunAsync()
    {
        Environment.SetEnvironmentVariable("TESTCONTAINERS_RYUK_DISABLED", "true");
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DOCKER_API_VERSION")))
        {
            Environment.SetEnvironmentVariable("DOCKER_API_VERSION", "1.41");
        }

        using var client = BenchFleet.Client();
        await SdkAsync();
        await TestcontainersAsync();
        await FloorAsync(client, sameAsSdk: false);
        var sdk = new List<double>();
        var testcontainers = new List<double>();
        var floor = new List<double>();
        var floorSdk = new List<double>();
        var sdkIsolated = new List<double>();
        for (var run = 1; run <= Runs; run++)
        {
            var a = await SdkAsync();
            var b = await TestcontainersAsync();
            var c = await FloorAsync(client, sameAsSdk: false);
            var d = await FloorAsync(client, sameAsSdk: true);
            var e = await SdkAsync(isolated: true);
            sdkIsolated.Add(e.Total.TotalSeconds);
            sdk.Add(a.Total.TotalSeconds);
            testcontainers.Add(b.Total.TotalSeconds);
            floor.Add(c.Total.TotalSeconds);
            floorSdk.Add(d.Total.TotalSeconds);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"run {run}: sdk_s={a.Total.TotalSeconds:0.000} (started {a.Started.TotalSeconds:0.000}, {Phases(a)}) testcontainers_s={b.Total.TotalSeconds:0.000} ({Phases(b)}) floor_s={c.Total.TotalSeconds:0.000} ({Phases(c)}) floor_sdk_s={d.Total.TotalSeconds:0.000} ({Phases(d)}) sdk_isolated_s={e.Total.TotalSeconds:0.000} ({Phases(e)})"));
        }

        // Warm: a kept fleet (same spec, same key) adopted again and again, each start measured until ready, then
        // disposed (which leaves it running for the next).
        var key = $"bench{Guid.NewGuid():n}"[..16];
        var warm = new List<double>();
        var testcontainersReady = new List<double>();
        try
        {
            await (await WarmAsync(key)).Fleet.DisposeAsync();
            for (var run = 1; run <= Runs; run++)
            {
                var (fleet, readyAfter) = await WarmAsync(key);
                if (!fleet.Reused)
                {
                    throw new InvalidOperationException("The kept fleet was made anew instead of adopted.");
                }

                await fleet.DisposeAsync();
                var cold = await TestcontainersAsync();
                warm.Add(readyAfter.TotalSeconds);
                testcontainersReady.Add(cold.Ready.TotalSeconds);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"warm {run}: sdk_ready_s={readyAfter.TotalSeconds:0.000} testcontainers_ready_s={cold.Ready.TotalSeconds:0.000}"));
            }
        }
        finally
        {
            await RemoveKeptAsync(key);
        }

        var sdkMedian = Median(sdk);
        var testcontainersMedian = Median(testcontainers);
        var warmMedian = Median(warm);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"bench harness containers={Containers} sdk_s={sdkMedian:0.000} testcontainers_s={testcontainersMedian:0.000} ratio={sdkMedian / testcontainersMedian:0.00} floor_s={Median(floor):0.000} floor_sdk_s={Median(floorSdk):0.000} sdk_isolated_s={Median(sdkIsolated):0.000} ratio_isolated={Median(sdkIsolated) / testcontainersMedian:0.00} warm_s={warmMedian:0.000} testcontainers_ready_s={Median(testcontainersReady):0.000} warm_ratio={warmMedian / Median(testcontainersReady):0.000}"));
        return 0;
    }

    /// <summary>Starts the kept fleet of <paramref name="key"/> and returns it with the time until it was ready.</summary>
    private static async Task<(TestFleet Fleet, TimeSpan Ready)> WarmAsync(string key)
    {
        var clock = Stopwatch.StartNew();
        var trace = Environment.GetEnvironmentVariable("HARNESS_TRACE") == "1";
        var fleet = await TestFleet.StartAsync(
            b => b.AddWorkload("web", w => w
                .Image(BenchFleet.Image)
                .Replicas(Containers)
                .Port("http", HttpPort)
                .Readiness(Probe.Http("/")))
                .OnEvent(e =>
                {
                    if (trace)
                    {
                        Console.WriteLine($"  warm {clock.Elapsed.TotalSeconds:0.000} {e.GetType().Name}: {e.Message}");
                    }
                }),
            new TestFleetOptions { ReuseKey = key, ReuseIdleTimeout = TimeSpan.FromMinutes(1), Isolated = false });
        var ready = clock.Elapsed;
        if (fleet.Endpoints("web", "http").Count != Containers)
        {
            await fleet.DisposeAsync();
            throw new InvalidOperationException($"The kept fleet reported ready with fewer than {Containers} endpoints.");
        }

        return (fleet, ready);
    }

    private static async Task RemoveKeptAsync(string key)
    {
        using var client = BenchFleet.Client();
        await BenchFleet.RemoveFleetAsync(client, $"{TestFleetDefaults.FleetNamePrefix}-{key}");
    }

    private static string Phases(Timing t)
        => string.Create(CultureInfo.InvariantCulture, $"ready {t.Ready.TotalSeconds:0.000}, disposed {(t.Total - t.Ready).TotalSeconds:0.000}");

    private static async Task<Timing> SdkAsync(bool isolated = false)
    {
        var clock = Stopwatch.StartNew();
        var fleet = await TestFleet.StartAsync(
            b => b.AddWorkload("web", w => w
                .Image(BenchFleet.Image)
                .Replicas(Containers)
                .Port("http", HttpPort)
                .Readiness(Probe.Http("/"))),
            new TestFleetOptions { WaitUntilReady = false, Isolated = isolated });
        var started = clock.Elapsed;
        using var trace = Environment.GetEnvironmentVariable("HARNESS_TRACE") == "1"
            ? fleet.Orchestrator.Events.Subscribe(e => Console.WriteLine($"  {clock.Elapsed.TotalSeconds:0.000} {e.GetType().Name}: {e.Message}"))
            : null;
        try
        {
            await fleet.WaitUntilReadyAsync();
            if (fleet.Endpoints("web", "http").Count != Containers)
            {
                throw new InvalidOperationException($"The harness reported ready with fewer than {Containers} endpoints.");
            }
        }
        catch
        {
            await fleet.DisposeAsync();
            throw;
        }

        var ready = clock.Elapsed;
        await fleet.DisposeAsync();
        var total = clock.Elapsed;

        // Disposing handed the removal to the watchdog: wait (untimed) until it is done, so that it does not slow the
        // next measurement down.
        await WaitUntilRemovedAsync(fleet.Name);
        return new Timing(started, ready, total);
    }

    private static async Task WaitUntilRemovedAsync(string fleet)
    {
        using var client = BenchFleet.Client();
        var filters = new Dictionary<string, IDictionary<string, bool>> { ["label"] = new Dictionary<string, bool> { [$"io.orchestration.fleet={fleet}"] = true } };
        var deadline = Stopwatch.StartNew();
        while ((await client.Containers.ListContainersAsync(new() { All = true, Filters = filters })).Count > 0
               || (await client.Networks.ListNetworksAsync(new() { Filters = filters })).Count > 0)
        {
            if (deadline.Elapsed > TimeSpan.FromSeconds(60))
            {
                throw new InvalidOperationException($"Fleet {fleet} was not removed within 60 s of its dispose.");
            }

            await Task.Delay(50);
        }
    }

    private static async Task<Timing> TestcontainersAsync()
    {
        var clock = Stopwatch.StartNew();
        var containers = Enumerable.Range(0, Containers)
            .Select(_ => new ContainerBuilder(BenchFleet.Image)
                .WithLogger(NullLogger.Instance)
                .WithPortBinding(HttpPort, assignRandomHostPort: true)
                .WithWaitStrategy(Wait.ForUnixContainer().UntilHttpRequestIsSucceeded(r => r.ForPort(HttpPort)))
                .Build())
            .ToList();
        TimeSpan ready;
        try
        {
            await Task.WhenAll(containers.Select(c => c.StartAsync()));
            ready = clock.Elapsed;
        }
        finally
        {
            await Task.WhenAll(containers.Select(c => c.DisposeAsync().AsTask()));
        }

        return new Timing(TimeSpan.Zero, ready, clock.Elapsed);
    }

    private static async Task<Timing> FloorAsync(global::Docker.DotNet.DockerClient client, bool sameAsSdk)
    {
        var run = $"bhf{Guid.NewGuid():N}"[..12];
        var clock = Stopwatch.StartNew();
        TimeSpan ready;
        try
        {
            var ids = await RawContainers.StartAsync(client, run, Containers, sameAsSdk);
            await RawContainers.WaitForHttpAsync(client, ids, TimeSpan.FromSeconds(60));
            ready = clock.Elapsed;
        }
        finally
        {
            await BenchFleet.RemoveFleetAsync(client, run);
        }

        return new Timing(TimeSpan.Zero, ready, clock.Elapsed);
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    /// <summary>Times since the round began: the fleet started (without waiting), ready, removed.</summary>
    private readonly record struct Timing(TimeSpan Started, TimeSpan Ready, TimeSpan Total);
}
