using Orchestration.Runtime.Docker.Images;

namespace Orchestration.Docker.Tests.Runtime;

public sealed class DockerIgnoreTests
{
    [Theory]
    [InlineData("bin", "bin/Debug/app.dll", true)]
    [InlineData("bin/", "bin/Debug/app.dll", true)]
    [InlineData("/bin", "bin", true)]
    [InlineData("bin", "src/bin/app.dll", false)]
    [InlineData("**/bin", "src/bin/app.dll", true)]
    [InlineData("*.log", "a.log", true)]
    [InlineData("*.log", "logs/a.log", false)]
    [InlineData("**/*.log", "logs/deep/a.log", true)]
    [InlineData("**", "anything/at/all", true)]
    [InlineData("src/*/obj", "src/App/obj/x.json", true)]
    [InlineData("src/*/obj", "src/App/Sub/obj", false)]
    [InlineData("file?.txt", "file1.txt", true)]
    [InlineData("file?.txt", "file10.txt", false)]
    [InlineData("file[0-9].txt", "file7.txt", true)]
    [InlineData("file[^0-9].txt", "file7.txt", false)]
    [InlineData("./docs/../secret.txt", "secret.txt", true)]
    [InlineData(@"a\*b", "a*b", true)]
    [InlineData(@"a\*b", "axb", false)]
    [InlineData("# a comment", "# a comment", false)]
    public void Matches_like_the_docker_cli(string pattern, string path, bool ignored)
        => Assert.Equal(ignored, DockerIgnore.Parse([pattern]).IsIgnored(path));

    [Fact]
    public void The_last_matching_line_wins_so_exceptions_can_keep_files_and_be_overridden_again()
    {
        var ignore = DockerIgnore.Parse(["*.md", "!README*.md", "README-secret.md"]);

        Assert.True(ignore.IsIgnored("CHANGES.md"));
        Assert.False(ignore.IsIgnored("README.md"));
        Assert.True(ignore.IsIgnored("README-secret.md"));
        Assert.True(ignore.HasExceptions);
    }

    [Fact]
    public void Blank_lines_and_comments_are_no_rules()
    {
        var ignore = DockerIgnore.Parse(["", "   ", "# bin"]);

        Assert.False(ignore.IsIgnored("bin"));
        Assert.False(ignore.HasExceptions);
    }
}
