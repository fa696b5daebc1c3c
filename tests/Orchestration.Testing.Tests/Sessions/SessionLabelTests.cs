using System.Diagnostics;
using Orchestration.Testing.Watchdog;

namespace Orchestration.Testing.Tests.Sessions;

public sealed class SessionLabelTests
{
    [Fact]
    public void The_current_session_is_this_machine_and_process_and_alive()
    {
        var session = SessionLabel.Current;

        Assert.Equal(Environment.MachineName, session.Host);
        Assert.Equal(Environment.ProcessId, session.ProcessId);
        Assert.True(session.IsAlive);
        Assert.False(session.IsDeadOnThisMachine);
    }

    [Fact]
    public void A_label_value_round_trips()
    {
        var session = new SessionLabel("build-agent-7", 4242, 638_000_000_000_000_000);

        Assert.Equal("build-agent-7:4242:638000000000000000", session.ToString());
        Assert.True(SessionLabel.TryParse(session.ToString(), out var parsed));
        Assert.Equal(session, parsed);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("host")]
    [InlineData("host:12")]
    [InlineData(":12:34")]
    [InlineData("host:x:34")]
    [InlineData("host:12:-34")]
    public void Malformed_values_are_not_sessions(string? value) => Assert.False(SessionLabel.TryParse(value, out _));

    [Fact]
    public void A_session_whose_process_exited_is_dead()
    {
        using var process = Process.Start(new ProcessStartInfo("sh", "-c true") { UseShellExecute = false })!;
        process.WaitForExit();

        var session = new SessionLabel(Environment.MachineName, process.Id, SessionLabel.Current.StartTicks);

        Assert.True(session.IsDeadOnThisMachine);
    }

    [Fact]
    public void A_reused_pid_with_another_start_time_is_dead()
    {
        var session = SessionLabel.Current with { StartTicks = SessionLabel.Current.StartTicks - TimeSpan.FromMinutes(5).Ticks };

        Assert.True(session.IsDeadOnThisMachine);
    }

    [Fact]
    public void A_session_of_another_machine_is_never_judged_dead_here()
    {
        var session = new SessionLabel("some-other-host", int.MaxValue, 1);

        Assert.False(session.IsDeadOnThisMachine);
    }
}
