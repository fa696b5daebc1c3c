namespace Orchestration.Testing;

/// <summary>Default values of <see cref="TestFleetOptions"/>.</summary>
public static class TestFleetDefaults
{
    /// <summary>60 seconds.</summary>
    public static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(60);

    /// <summary>30 seconds.</summary>
    public static readonly TimeSpan DisposeTimeout = TimeSpan.FromSeconds(30);

    /// <summary>200 milliseconds.</summary>
    public static readonly TimeSpan FastProbePeriod = TimeSpan.FromMilliseconds(200);

    /// <summary>10.</summary>
    public const int FailureLogLines = 10;

    /// <summary>10 minutes.</summary>
    public static readonly TimeSpan ReuseIdleTimeout = TimeSpan.FromMinutes(10);

    /// <summary>1000.</summary>
    public const int KeptLogLines = 1000;

    /// <summary>"t".</summary>
    public const string FleetNamePrefix = "t";
}
