using Docker.DotNet;
using Docker.DotNet.Models;
using Orchestration.Docker.Tests.Infrastructure;
using Orchestration.Runtime;
using Orchestration.Runtime.Docker;
using Orchestration.TestSupport;

namespace Orchestration.Docker.Tests.Runtime;

[Collection(DockerCollection.Name)]
public sealed class ImageTests(EngineFixture engine) : IAsyncLifetime
{
    private readonly RuntimeScope _scope = new(engine);
    private readonly string _context = Directory.CreateTempSubdirectory("orchestration-build-").FullName;
    private readonly List<string> _tags = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var tag in _tags)
        {
            try
            {
                await engine.Engine.Images.DeleteImageAsync(tag, new ImageDeleteParameters { Force = true });
            }
            catch (DockerApiException)
            {
            }
        }

        Directory.Delete(_context, recursive: true);
        await _scope.DisposeAsync();
    }

    [Fact]
    public async Task A_missing_image_with_pull_policy_never_is_unavailable_with_a_clear_message()
    {
        var image = $"orchestration-test/missing-{_scope.Fleet}:1";
        var launch = _scope.Launch(RuntimeScope.Web() with { Image = image, PullPolicy = PullPolicy.Never }, "r0");

        var error = await Assert.ThrowsAsync<ImageUnavailableException>(() => _scope.Runtime.EnsureImageAsync(launch, default));

        Assert.Equal(image, error.Image);
        Assert.Equal("local", error.Node);
        Assert.Contains($"Image '{image}' is not available on node 'local'", error.Message, StringComparison.Ordinal);
        Assert.Contains("pull policy is Never", error.Message, StringComparison.Ordinal);
        Assert.Empty(await engine.ContainersOfAsync(_scope.Fleet));
    }

    [Fact]
    public async Task Starting_without_the_image_is_unavailable_not_a_generic_failure()
    {
        var image = $"orchestration-test/missing-{_scope.Fleet}:1";
        await _scope.Runtime.PrepareFleetAsync(_scope.Fleet, default);

        var error = await Assert.ThrowsAsync<ImageUnavailableException>(
            () => _scope.Runtime.StartAsync(_scope.Launch(RuntimeScope.Web() with { Image = image }, "r0"), default));

        Assert.Contains("No such image", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Present_images_are_not_pulled_under_if_not_present()
    {
        var launch = _scope.Launch(RuntimeScope.Web() with { PullPolicy = PullPolicy.IfNotPresent }, "r0");

        // No registry is reachable here: reaching the pull would fail.
        await _scope.Runtime.EnsureImageAsync(launch, default);
    }

    [Fact]
    public async Task Builds_an_image_from_a_directory_with_build_args()
    {
        var tag = Tag();
        await File.WriteAllTextAsync(Path.Combine(_context, "Dockerfile"), $"""
            FROM {EngineFixture.Image}
            ARG GREETING=unset
            COPY hello.txt /www/hello.txt
            RUN echo "$GREETING" > /www/greeting.txt
            """);
        Directory.CreateDirectory(Path.Combine(_context, "sub"));
        await File.WriteAllTextAsync(Path.Combine(_context, "hello.txt"), "hello from the context\n");

        var id = await _scope.Images.BuildAsync(_context, tag, new Dictionary<string, string> { ["GREETING"] = "built" });

        Assert.StartsWith("sha256:", id, StringComparison.Ordinal);
        var info = await _scope.StartAsync(RuntimeScope.Web() with { Image = tag }, "r0");
        Assert.Equal("hello from the context", await Http.GetAsync(info.PublishedPorts["http"], "/hello.txt"));
        Assert.Equal("built", await Http.GetAsync(info.PublishedPorts["http"], "/greeting.txt"));
    }

    [Fact]
    public async Task The_build_context_leaves_out_what_dockerignore_lists_and_keeps_its_exceptions()
    {
        var tag = Tag();
        await File.WriteAllTextAsync(Path.Combine(_context, "Dockerfile"), $"""
            FROM {EngineFixture.Image}
            COPY . /ctx/
            RUN cd /ctx && find . -type f | sort > /www/files.txt
            """);
        await File.WriteAllLinesAsync(Path.Combine(_context, ".dockerignore"), ["# build output and secrets", "bin/", "**/*.log", "secret.txt", "!bin/keep.txt"]);
        foreach (var file in new[] { "app.txt", "secret.txt", "bin/out.dll", "bin/keep.txt", "src/a.log", "src/a.cs" })
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(_context, file))!);
            await File.WriteAllTextAsync(Path.Combine(_context, file), file);
        }

        await _scope.Images.BuildAsync(_context, tag);

        var info = await _scope.StartAsync(RuntimeScope.Web() with { Image = tag }, "r0");
        var files = (await Http.GetAsync(info.PublishedPorts["http"], "/files.txt")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["./.dockerignore", "./Dockerfile", "./app.txt", "./bin/keep.txt", "./src/a.cs"], files);
    }

    [Fact]
    public async Task A_failing_build_reports_the_daemons_message()
    {
        var tag = Tag();
        await File.WriteAllTextAsync(Path.Combine(_context, "Dockerfile"), $"""
            FROM {EngineFixture.Image}
            RUN echo about to fail && exit 3
            """);

        var error = await Assert.ThrowsAsync<ImageBuildException>(() => _scope.Images.BuildAsync(_context, tag));

        Assert.Contains("returned a non-zero code: 3", error.Message, StringComparison.Ordinal);
        Assert.Contains(tag, error.Message, StringComparison.Ordinal);
        Assert.Contains("about to fail", error.Log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_dockerfile_syntax_error_reports_the_daemons_message()
    {
        await File.WriteAllTextAsync(Path.Combine(_context, "Dockerfile"), "FROM scratch\nNOT-AN-INSTRUCTION x\n");

        var error = await Assert.ThrowsAsync<ImageBuildException>(() => _scope.Images.BuildAsync(_context, Tag()));

        Assert.Contains("unknown instruction", error.Reason, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_directory_without_a_dockerfile_is_refused_before_calling_the_engine()
        => await Assert.ThrowsAsync<FileNotFoundException>(() => _scope.Images.BuildAsync(_context, Tag()));

    private string Tag()
    {
        var tag = $"orchestration-test/build-{_scope.Fleet}:{_tags.Count}";
        _tags.Add(tag);
        return tag;
    }
}
