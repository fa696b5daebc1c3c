using HarnessSample.Tests.Fixtures;

namespace HarnessSample.Tests;

[Collection(SharedFleetCollection.Name)]
public sealed class ApiVersionTests(SharedFleetFixture fixture)
{
    [Fact]
    public async Task Every_api_replica_serves_the_second_version()
    {
        using var http = new HttpClient();

        foreach (var endpoint in fixture.Fleet.Endpoints("api", "http"))
        {
            Assert.Equal("v2", (await http.GetStringAsync(endpoint)).Trim());
        }
    }
}
