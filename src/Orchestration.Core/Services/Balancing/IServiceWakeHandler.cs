namespace Orchestration.Services;

/// <summary>Told when a connection reaches a service address while its workload has no ready replica. The connection
/// is held (up to <see cref="ServiceAddressOptions.HoldTimeout"/>) and handed to the first replica that becomes ready,
/// so an implementation can start one, as a scale-from-zero autoscaler does. Register implementations in the service
/// collection; every one is called, once per held connection, and must not block.</summary>
public interface IServiceWakeHandler
{
    /// <summary>A connection to <paramref name="address"/> waits for a ready replica.</summary>
    /// <param name="address">The service address.</param>
    /// <param name="cancellationToken">Cancelled when the connection stops waiting.</param>
    ValueTask OnConnectionHeldAsync(ServiceAddress address, CancellationToken cancellationToken);
}
