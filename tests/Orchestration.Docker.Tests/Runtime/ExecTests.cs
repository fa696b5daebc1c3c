using System.Diagnostics;
using Orchestration.Docker.Tests.Infrastructure;
using Orchestration.TestSupport;

namespace Orchestration.Docker.Tests.Runtime;

[Collection(DockerCollection.Name)]
public sealed class ExecTests(EngineFixture engine) : IAsyncLifetime
{
    private readonly RuntimeScope _scope = new(engine);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _scope.DisposeAsync();

    [Fact]
    public async Task Exec_returns_exit_code_and_output()
    {
        var info = await _scope.StartAsync(RuntimeScope.Web(), "r0");

        var result = await _scope.Runtime.ExecAsync(info.Ref, ["sh", "-c", "echo out; echo err >&2; exit 7"], TimeSpan.FromSeconds(10), default);

        Assert.False(result.TimedOut);
        Assert.Equal(7, result.ExitCode);
        Assert.Contains("out", result.Output, StringComparison.Ordinal);
        Assert.Contains("err", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exec_that_hangs_returns_timed_out_within_the_timeout()
    {
        var info = await _scope.StartAsync(RuntimeScope.Web(), "r0");
        var clock = Stopwatch.StartNew();

        var result = await _scope.Runtime.ExecAsync(info.Ref, ["sleep", "30"], TimeSpan.FromSeconds(1), default);

        Assert.True(result.TimedOut);
        Assert.Null(result.ExitCode);
        // Well before the command itself would end (30 s): the call returned at its timeout.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"exec returned after {clock.Elapsed}");
    }
}
