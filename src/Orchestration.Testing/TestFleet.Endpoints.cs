using System.Diagnostics.CodeAnalysis;

namespace Orchestration.Testing;

/// <summary>Endpoints by workload and port name.</summary>
public sealed partial class TestFleet
{
    /// <summary>The address of a ready replica of <paramref name="workload"/> on its port <paramref name="port"/>, such
    /// as <c>http://127.0.0.1:49153</c>. With several ready replicas, the first by replica order.</summary>
    /// <exception cref="ArgumentException">The fleet has no workload of that name; the message names those it has.</exception>
    /// <exception cref="InvalidOperationException">No ready replica publishes that port; the message shows why.</exception>
    [SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "The generic overload names the workload by its type: no call can bind to both.")]
    public Uri Endpoint(string workload, string port, string scheme = "http")
    {
        var endpoints = Endpoints(workload, port, scheme);
        return endpoints.Count > 0
            ? endpoints[0]
            : throw new InvalidOperationException(NoEndpointMessage(workload, port));
    }

    /// <summary>The address of a ready replica of the typed workload <typeparamref name="TWorkload"/> on its port
    /// <paramref name="port"/>.</summary>
    /// <exception cref="InvalidOperationException">No ready replica publishes that port.</exception>
    [SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "The generic overload names the workload by its type: no call can bind to both.")]
    public Uri Endpoint<TWorkload>(string port, string scheme = "http")
        where TWorkload : ITypedWorkload
        => Endpoint(TWorkload.Spec.Name, port, scheme);

    /// <summary>The addresses of every ready replica of <paramref name="workload"/> on its port <paramref name="port"/>.</summary>
    /// <exception cref="ArgumentException">The fleet has no workload of that name; the message names those it has.</exception>
    public IReadOnlyList<Uri> Endpoints(string workload, string port, string scheme = "http")
    {
        ArgumentException.ThrowIfNullOrEmpty(workload);
        ArgumentException.ThrowIfNullOrEmpty(port);
        return [.. Orchestrator.GetEndpoints(workload, port).Select(e => e.ToUri(scheme))];
    }

    private string NoEndpointMessage(string workload, string port)
    {
        // Endpoints has thrown already for a workload the fleet does not have.
        var spec = Spec.Find(workload)!;

        if (spec.Ports.All(p => p.Name != port))
        {
            return $"Workload '{workload}' of fleet '{Name}' has no port named '{port}'; its ports are {(spec.Ports.Length == 0 ? "none" : string.Join(", ", spec.Ports.Select(p => $"'{p.Name}'")))}.";
        }

        var status = Orchestrator.GetStatus()[workload];
        return $"Workload '{workload}' of fleet '{Name}' has no ready replica publishing port '{port}' ({status?.Ready ?? 0} of {status?.Desired ?? spec.Replicas} ready, phase {status?.Phase.ToString() ?? "unknown"}).";
    }
}
