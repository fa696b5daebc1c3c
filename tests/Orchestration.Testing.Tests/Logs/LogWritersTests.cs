using Orchestration.Testing.Logs;

namespace Orchestration.Testing.Tests.Logs;

public sealed class LogWritersTests
{
    [Fact]
    public void Lines_reach_every_attached_writer_until_it_is_detached()
    {
        var writers = new LogWriters();
        var first = new List<string>();
        var second = new List<string>();
        writers.Add(first.Add);
        var detach = writers.Add(second.Add);

        writers.Write("one");
        detach.Dispose();
        writers.Write("two");

        Assert.Equal(["one", "two"], first);
        Assert.Equal(["one"], second);
    }

    [Fact]
    public void A_writer_whose_test_ended_is_dropped_and_the_others_still_get_lines()
    {
        var writers = new LogWriters();
        var calls = 0;
        var kept = new List<string>();
        writers.Add(_ =>
        {
            calls++;
            throw new InvalidOperationException("There is no currently active test.");
        });
        writers.Add(kept.Add);

        writers.Write("one");
        writers.Write("two");

        Assert.Equal(1, calls);
        Assert.Equal(["one", "two"], kept);
    }
}
