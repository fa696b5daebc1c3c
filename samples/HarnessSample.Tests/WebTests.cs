using HarnessSample.Tests.Fixtures;
using HarnessSample.Tests.Workloads;

namespace HarnessSample.Tests;

/// <summary>Runs against its own fleet, in parallel with the other test classes.</summary>
public sealed class WebTests(WebFleetFixture fixture) : IClassFixture<WebFleetFixture>
{
    [Fact]
    public async Task The_web_workload_answers_on_its_http_endpoint()
    {
        using var http = new HttpClient();

        var body = await http.GetStringAsync(fixture.Fleet.Endpoint<WebApp>("http"));

        Assert.Equal("ok", body.Trim());
    }

    [Fact]
    public void Every_replica_has_an_endpoint() => Assert.Equal(2, fixture.Fleet.Endpoints("web", "http").Count);

    [Fact]
    public async Task The_cache_accepts_connections()
    {
        var endpoint = fixture.Fleet.Endpoint("cache", "tcp", scheme: "tcp");
        using var client = new System.Net.Sockets.TcpClient();

        await client.ConnectAsync(endpoint.Host, endpoint.Port);

        Assert.True(client.Connected);
    }
}
