namespace Orchestration.TestSupport;

/// <summary>Runs the docker command line, to look at the engine (or a swarm) as an operator would.</summary>
public static class DockerCli
{
    /// <summary>Runs <c>docker {arguments}</c> against the default engine; returns its standard output.</summary>
    /// <exception cref="InvalidOperationException">docker exited with an error; the message carries what it wrote.</exception>
    public static Task<string> RunAsync(params string[] arguments) => RunCoreAsync(arguments);

    /// <summary>Runs <c>docker -H {host} {arguments}</c>; returns its standard output.</summary>
    /// <exception cref="InvalidOperationException">docker exited with an error; the message carries what it wrote.</exception>
    public static Task<string> OnHostAsync(string host, params string[] arguments) => RunCoreAsync(["-H", host, .. arguments]);

    private static Task<string> RunCoreAsync(string[] arguments) => CommandLine.RunAsync("docker", arguments);
}
