using Microsoft.Extensions.Hosting;

namespace Orchestration.AspNetCore.Streaming;

/// <summary>Makes the host create <see cref="RecentEvents"/> with its hosted services, before any of them starts, so
/// the buffer sees the fleet's start (the orchestrator's own hosted service applies the fleet).</summary>
internal sealed class RecentEventsActivation(RecentEvents recent) : IHostedService
{
    public RecentEvents Recent { get; } = recent;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
