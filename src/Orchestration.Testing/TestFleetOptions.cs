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

        if (string.IsNullOrEmpty(FleetNamePrefix) || FleetNamePrefix.Length > 20 || !FleetNamePrefix.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-')
            || !char.IsAsciiLetterLower(FleetNamePrefix[0]))
        {
            problems.Add($"{nameof(FleetNamePrefix)} must be 1 to 20 lowercase letters, digits or '-', starting with a letter (was '{FleetNamePrefix}')");
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException($"Invalid {nameof(TestFleetOptions)}: {string.Join("; ", problems)}.");
        }
    }
}
