namespace Orchestration.Testing;

/// <summary>How a <see cref="TestFleet"/> starts, waits and is torn down.</summary>
public sealed class TestFleetOptions
{
    /// <summary>How long <see cref="TestFleet.StartAsync(Action{TestFleetBuilder}, TestFleetOptions?, CancellationToken)"/>
    /// waits for every workload to be ready (services and daemon sets) or complete (jobs).</summary>
    /// <value>The default value is 60 seconds.</value>
    public TimeSpan ReadyTimeout { get; set; } = TestFleetDefaults.ReadyTimeout;

    /// <summary>Whether starting waits until the fleet is ready. When off, call <see cref="TestFleet.WaitUntilReadyAsync"/>.</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool WaitUntilReady { get; set; } = true;

    /// <summary>Log lines of each not-ready replica quoted in a readiness failure.</summary>
    /// <value>The default value is 10.</value>
    public int FailureLogLines { get; set; } = TestFleetDefaults.FailureLogLines;

    /// <summary>Prefix of the generated fleet name, <c>{prefix}-{random}</c>; a DNS label, 1 to 20 characters.</summary>
    /// <value>The default value is "t".</value>
    public string FleetNamePrefix { get; set; } = TestFleetDefaults.FleetNamePrefix;

    /// <summary>Whether a watchdog process removes the fleet when the test process dies without disposing it. Also
    /// sweeps what earlier, killed test processes of this machine left behind.</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool Watchdog { get; set; } = true;

    /// <summary>How often a test fleet polls the HTTP and TCP readiness and startup probes that keep the default period
    /// (1 s), so that a replica is found ready soon after it is. Their failure threshold grows to keep the declared time
    /// to fail (3 failures of 1 s become 15 of 200 ms). Exec probes, liveness probes and probes with a period of their
    /// own stay as declared; <see langword="null"/> keeps every probe as declared. <see cref="TestFleet.Spec"/> shows
    /// the probes as applied.</summary>
    /// <value>The default value is 200 milliseconds.</value>
    public TimeSpan? FastProbePeriod { get; set; } = TestFleetDefaults.FastProbePeriod;

    /// <summary>How long disposing waits for the fleet's containers and network to be removed.</summary>
    /// <value>The default value is 30 seconds.</value>
    public TimeSpan DisposeTimeout { get; set; } = TestFleetDefaults.DisposeTimeout;

    /// <summary>Whether disposing hands the removal of the fleet's containers and network to the watchdog: it stops the
    /// control loop and returns, and the watchdog kills and removes them in the background (stopping a container is most
    /// of the cost of removing it; the watchdog finishes even when this process ends first). When off, or without <see cref="Watchdog"/>, disposing returns once
    /// everything is removed.</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool RemoveInBackground { get; set; } = true;

    /// <summary>Lines of output kept per container for <see cref="TestFleet.CapturedLogs"/> and readiness failures,
    /// also after the container is gone.</summary>
    /// <value>The default value is 1000.</value>
    public int KeptLogLines { get; set; } = TestFleetDefaults.KeptLogLines;

    /// <summary>Whether the fleet gets a network of its own, on which its workloads reach each other by name and no other
    /// fleet's containers are. When off, its containers run on the engine's default network, as containers started by
    /// hand or by Testcontainers do: the start is faster (no network to make and remove, and the engine starts containers
    /// on its default network sooner), but workloads cannot reach each other by name, only through published ports. Turn
    /// it off for fleets whose workloads do not talk to each other.</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool Isolated { get; set; } = true;

    /// <summary>Keeps the fleet across test runs and test classes under this key: the first start makes it, later starts
    /// (in this or another test process) adopt it in milliseconds when its workloads are unchanged, and make it anew
    /// when they changed. Disposing leaves it running; the watchdog removes it once no test process has used it for
    /// <see cref="ReuseIdleTimeout"/>. Starts of the same key wait for one another (a lock per key), so no process sees
    /// it half-made. The fleet's name is <c>{prefix}-{key}</c>; <see langword="null"/> (the default) makes a new fleet
    /// for each start. A lowercase DNS label of 1 to 40 characters; it requires <see cref="Watchdog"/>. A kept fleet's
    /// start always waits until it is ready, whatever <see cref="WaitUntilReady"/> says.</summary>
    public string? ReuseKey { get; set; }

    /// <summary>How long a kept fleet (<see cref="ReuseKey"/>) stays after the last test process using it ended or
    /// disposed it.</summary>
    /// <value>The default value is 10 minutes.</value>
    public TimeSpan ReuseIdleTimeout { get; set; } = TestFleetDefaults.ReuseIdleTimeout;

    internal void Validate()
    {
        var problems = new List<string>();
        if (ReadyTimeout <= TimeSpan.Zero)
        {
            problems.Add($"{nameof(ReadyTimeout)} must be positive (was {ReadyTimeout})");
        }

        if (DisposeTimeout <= TimeSpan.Zero)
        {
            problems.Add($"{nameof(DisposeTimeout)} must be positive (was {DisposeTimeout})");
        }

        if (FastProbePeriod <= TimeSpan.Zero)
        {
            problems.Add($"{nameof(FastProbePeriod)} must be positive or null (was {FastProbePeriod})");
        }

        if (FailureLogLines < 0)
        {
            problems.Add($"{nameof(FailureLogLines)} must be 0 or more (was {FailureLogLines})");
        }

        if (KeptLogLines < 0)
        {
            problems.Add($"{nameof(KeptLogLines)} must be 0 or more (was {KeptLogLines})");
        }

        if (string.IsNullOrEmpty(FleetNamePrefix) || FleetNamePrefix.Length > 20 || !FleetNamePrefix.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-')
            || !char.IsAsciiLetterLower(FleetNamePrefix[0]))
        {
            problems.Add($"{nameof(FleetNamePrefix)} must be 1 to 20 lowercase letters, digits or '-', starting with a letter (was '{FleetNamePrefix}')");
        }

        if (ReuseKey is not null && (ReuseKey.Length is 0 or > 40 || !ReuseKey.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-')
            || !char.IsAsciiLetterOrDigit(ReuseKey[0]) || ReuseKey[^1] == '-'))
        {
            problems.Add($"{nameof(ReuseKey)} must be 1 to 40 lowercase letters, digits or '-', starting and ending with a letter or digit (was '{ReuseKey}')");
        }

        if (ReuseKey is not null && !Watchdog)
        {
            problems.Add($"{nameof(ReuseKey)} requires {nameof(Watchdog)}: the watchdog removes kept fleets once idle (was '{ReuseKey}' with {nameof(Watchdog)} off)");
        }

        if (ReuseIdleTimeout <= TimeSpan.Zero)
        {
            problems.Add($"{nameof(ReuseIdleTimeout)} must be positive (was {ReuseIdleTimeout})");
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException($"Invalid {nameof(TestFleetOptions)}: {string.Join("; ", problems)}.");
        }
    }
}
