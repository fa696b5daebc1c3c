using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Orchestration.Runtime;
using Orchestration.Runtime.Docker;

namespace Orchestration.Nodes.Tests;

/// <summary>An engine reached over TCP with TLS: node2's second endpoint, which verifies client certificates.</summary>
[Collection(NodesCollection.Name)]
public sealed class TlsTests : NodeFleetTest
{
    private readonly string _foreign = Path.Combine(Path.GetTempPath(), $"orch-tls-{Guid.NewGuid():N}");
    private string? _certificates;
    private bool _withDefaultEngine;

    [Fact]
    public async Task A_fleet_runs_on_an_engine_reached_over_TLS_with_a_client_certificate()
    {
        await StartAsync(NodeHost.Web(2));

        var status = await Host!.WaitForAsync(s => s["web"]?.Ready == 2);
        Assert.All(status["web"]!.Replicas, r => Assert.Equal("tls-node2", r.Node));
        Assert.Equal(NodeState.Ready, Assert.Single(status.Nodes).State);
        Assert.Equal(2, (await NodesFixture.ContainersAsync(2, Fleet, runningOnly: true)).Count);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        foreach (var endpoint in Host!.Orchestrator.GetEndpoints("web", "http"))
        {
            Assert.Equal("ok", (await http.GetStringAsync(endpoint.ToUri())).Trim());
        }
    }

    [Fact]
    public async Task An_engine_that_rejects_the_client_certificate_is_NotReady_with_the_reason_and_the_fleet_runs_elsewhere()
    {
        _certificates = WriteForeignClientCertificate();
        _withDefaultEngine = true;
        await StartAsync(NodeHost.Web(2));

        var status = await Host!.WaitForAsync(s => s["web"]?.Ready == 2);
        Assert.All(status["web"]!.Replicas, r => Assert.Equal("node1", r.Node));
        var rejected = status.Nodes.Single(n => n.Name == "tls-node2");
        Assert.Equal(NodeState.NotReady, rejected.State);
        Assert.Contains(NodesFixture.TlsEndpoint(2), rejected.Reason);
        Assert.Contains("bad certificate", rejected.Reason);
        Assert.Empty(await NodesFixture.ContainersAsync(2, Fleet));
    }

    [Fact]
    public async Task A_fleet_whose_only_engine_rejects_the_client_certificate_fails_to_start_saying_why()
    {
        _certificates = WriteForeignClientCertificate();

        var error = await Assert.ThrowsAsync<DockerEngineException>(() => StartAsync(NodeHost.Web(1)));

        Assert.Equal("tls-node2", error.Node);
        Assert.Contains(NodesFixture.TlsEndpoint(2), error.Message);
        Assert.Contains("bad certificate", error.Message);
        Assert.Empty(await NodesFixture.ContainersAsync(2, Fleet));
    }

    /// <inheritdoc />
    protected override void ConfigureDocker(DockerRuntimeOptions options)
    {
        if (_withDefaultEngine)
        {
            options.Nodes.Add(new DockerNodeOptions { Name = "node1", Endpoint = NodesFixture.Socket(1) });
        }

        options.Nodes.Add(new DockerNodeOptions
        {
            Name = "tls-node2",
            Endpoint = NodesFixture.TlsEndpoint(2),
            TlsCertificateDirectory = _certificates ?? NodesFixture.TlsClientDirectory,
        });
        options.PingInterval = TimeSpan.FromMilliseconds(500);
        options.PingTimeout = TimeSpan.FromSeconds(2);
        options.MaxRetryAttempts = 1;
    }

    /// <inheritdoc />
    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(_foreign))
        {
            Directory.Delete(_foreign, recursive: true);
        }
    }

    /// <summary>A certificate directory whose client certificate another authority signed; its ca.pem is the real one,
    /// so this side trusts the engine and only the engine refuses.</summary>
    private string WriteForeignClientCertificate()
    {
        using var authorityKey = RSA.Create(2048);
        var authorityRequest = new CertificateRequest("CN=foreign CA", authorityKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        authorityRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        using var authority = authorityRequest.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-2), DateTimeOffset.UtcNow.AddDays(2));

        using var clientKey = RSA.Create(2048);
        var clientRequest = new CertificateRequest("CN=foreign client", clientKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        clientRequest.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.2")], false));
        using var client = clientRequest.Create(authority, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1), [1, 2, 3, 4]);

        Directory.CreateDirectory(_foreign);
        File.WriteAllText(Path.Combine(_foreign, "cert.pem"), client.ExportCertificatePem());
        File.WriteAllText(Path.Combine(_foreign, "key.pem"), clientKey.ExportPkcs8PrivateKeyPem());
        File.Copy(Path.Combine(NodesFixture.TlsClientDirectory, "ca.pem"), Path.Combine(_foreign, "ca.pem"));
        return _foreign;
    }
}
