using Orchestration.Runtime;

namespace Orchestration.Docker.Tests.Infrastructure;

/// <summary>GETs from published ports, retrying until the server inside answers or a deadline passes.</summary>
public static class Http
{
    private static readonly HttpClient Client = new() { Timeout = TimeSpan.FromSeconds(2) };

    public static async Task<string> GetAsync(HostEndpoint endpoint, string path = "/", TimeSpan? timeout = null)
    {
        var uri = new Uri($"http://{endpoint}{path}");
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (true)
        {
            try
            {
                return (await Client.GetStringAsync(uri)).Trim();
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }
        }
    }
}
