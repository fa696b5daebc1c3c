namespace Orchestration.Testing.Tests.Fleets;

public sealed class TestFleetOptionsTests
{
    [Fact]
    public void Defaults_are_right()
    {
        var options = new TestFleetOptions();

        Assert.Equal(TimeSpan.FromSeconds(60), options.ReadyTimeout);
        Assert.Equal(TimeSpan.FromSeconds(30), options.DisposeTimeout);
        Assert.True(options.WaitUntilReady);
        Assert.True(options.Watchdog);
        Assert.Equal(10, options.FailureLogLines);
        Assert.Equal("t", options.FleetNamePrefix);
        Assert.True(options.RemoveInBackground);
        Assert.Equal(1000, options.KeptLogLines);
        Assert.Null(options.ReuseKey);
        Assert.Equal(TimeSpan.FromMinutes(10), options.ReuseIdleTimeout);
    }

    [Fact]
    public void Invalid_options_are_reported_together()
    {
        var options = new TestFleetOptions { ReadyTimeout = TimeSpan.Zero, FailureLogLines = -1, FleetNamePrefix = "Bad_Prefix" };

        var error = Assert.Throws<ArgumentException>(options.Validate);

        Assert.Equal(
            "Invalid TestFleetOptions: ReadyTimeout must be positive (was 00:00:00); FailureLogLines must be 0 or more (was -1); FleetNamePrefix must be 1 to 20 lowercase letters, digits or '-', starting with a letter (was 'Bad_Prefix').",
            error.Message);
    }
}
