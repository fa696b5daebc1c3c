using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Orchestration.Secrets;

namespace Orchestration.Secrets.Tests.Resolution;

public sealed class FleetContentResolverTests
{
    private static readonly string KeyA = Convert.ToBase64String(Enumerable.Repeat((byte)1, 32).ToArray());
    private static readonly string KeyB = Convert.ToBase64String(Enumerable.Repeat((byte)2, 32).ToArray());

    [Fact]
    public async Task The_digest_is_keyed_changes_with_a_value_and_is_no_plain_hash_of_it()
    {
        var spec = new WorkloadBuilder("api").Image("api:1").SecretFile("token").Secret("PASSWORD", "password").Build();
        var first = await DigestAsync(spec, KeyA, "t-1", "p-1");

        Assert.Equal(first, await DigestAsync(spec, KeyA, "t-1", "p-1"));
        Assert.NotEqual(first, await DigestAsync(spec, KeyA, "t-2", "p-1"));
        Assert.NotEqual(first, await DigestAsync(spec, KeyA, "t-1", "p-2"));
        Assert.NotEqual(first, await DigestAsync(spec, KeyB, "t-1", "p-1"));
        foreach (var value in new[] { "t-1", "p-1" })
        {
            Assert.DoesNotContain(first, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value))));
        }
    }

    [Fact]
    public async Task A_changed_secret_is_a_new_revision_and_both_revisions_keep_their_own_values()
    {
        var contents = new ResolvedContents();
        var values = new Dictionary<string, string?> { ["Secrets:token"] = "old", ["Orchestration:ContentKey"] = KeyA };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var resolver = Resolver(configuration, contents);
        var fleet = new FleetBuilder("shop").AddWorkload("api", w => w.Image("api:1").SecretFile("token")).Build();

        var v1 = (await resolver.ResolveAsync(fleet, CancellationToken.None)).Workloads.Single();
        configuration["Secrets:token"] = "new";
        var v2 = (await resolver.ResolveAsync(fleet, CancellationToken.None)).Workloads.Single();

        Assert.NotEqual(v1.Revision, v2.Revision);
        Assert.Equal("old", Encoding.UTF8.GetString(contents.Find(v1)!.Files.Single().Content.Span));
        Assert.Equal("new", Encoding.UTF8.GetString(contents.Find(v2)!.Files.Single().Content.Span));
        Assert.True(contents.Find(v2)!.Files.Single().IsSecret);
        Assert.Equal(["new"], contents.Find(v2)!.SecretValues.AsEnumerable());
    }

    [Fact]
    public async Task Every_unreadable_source_is_reported_together_naming_it()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Orchestration:ContentKey"] = KeyA }).Build();
        var fleet = new FleetBuilder("shop").AddWorkload("api", w => w.Image("api:1")
            .SecretFile("db-password")
            .Secret("TOKEN", "api-token")
            .ConfigFileFromHost("/etc/api/host.json", "/nonexistent/host.json")
            .ConfigFileFromConfiguration("/etc/api/section.json", "Missing:Section")).Build();

        var error = await Assert.ThrowsAsync<SpecValidationException>(() => Resolver(configuration, new ResolvedContents()).ResolveAsync(fleet, CancellationToken.None));

        Assert.Equal(
            [
                "workloads[\"api\"].secrets[\"TOKEN\"].secretName=api-token",
                "workloads[\"api\"].files[\"/run/secrets/db-password\"].secret=db-password",
                "workloads[\"api\"].files[\"/etc/api/host.json\"].hostFile=/nonexistent/host.json",
                "workloads[\"api\"].files[\"/etc/api/section.json\"].configurationSection=Missing:Section",
            ],
            error.Problems.Select(p => $"{p.Path}={p.Value}"));
        Assert.Contains("the configuration has no value 'Secrets:db-password'", error.Message);
    }

    [Fact]
    public async Task A_configuration_section_becomes_a_json_file_and_text_and_host_files_their_bytes()
    {
        var host = Path.GetTempFileName();
        await File.WriteAllTextAsync(host, "from the host");
        try
        {
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Orchestration:ContentKey"] = KeyA,
                ["Api:Name"] = "shop",
                ["Api:Limits:Rate"] = "10",
            }).Build();
            var contents = new ResolvedContents();
            var fleet = new FleetBuilder("shop").AddWorkload("api", w => w.Image("api:1")
                .ConfigFileFromConfiguration("/etc/api/section.json", "Api")
                .ConfigFileFromHost("/etc/api/host.txt", host)
                .ConfigFile("/etc/api/text.txt", "inline")).Build();

            var spec = (await Resolver(configuration, contents).ResolveAsync(fleet, CancellationToken.None)).Workloads.Single();
            var files = contents.Find(spec)!.Files.ToDictionary(f => f.Path, f => Encoding.UTF8.GetString(f.Content.Span));

            Assert.Equal("{\"Limits\":{\"Rate\":\"10\"},\"Name\":\"shop\"}", files["/etc/api/section.json"].Replace(" ", "", StringComparison.Ordinal).ReplaceLineEndings(""));
            Assert.Equal("from the host", files["/etc/api/host.txt"]);
            Assert.Equal("inline", files["/etc/api/text.txt"]);
            Assert.Empty(contents.Find(spec)!.SecretValues);
        }
        finally
        {
            File.Delete(host);
        }
    }

    [Theory]
    [InlineData("relative/path", "must be an absolute file path")]
    [InlineData("/run/secrets/", "must be an absolute file path")]
    [InlineData("/run/../etc/x", "must be an absolute file path")]
    [InlineData("/etc/passwd", "which a file mount would hide")]
    public void A_bad_file_path_is_reported_with_its_field(string path, string rule)
    {
        var error = Assert.Throws<SpecValidationException>(() => new WorkloadBuilder("api").Image("api:1").SecretFile("token", path).Build());
        var problem = Assert.Single(error.Problems);
        Assert.Equal($"workloads[\"api\"].files[\"{path}\"]", problem.Path);
        Assert.Contains(rule, problem.Rule);
    }

    [Fact]
    public void A_launch_redacts_its_secrets_as_given_and_as_the_engine_quotes_them()
    {
        var launch = new Runtime.ContainerLaunch
        {
            Fleet = "shop",
            Container = Runtime.ResolvedContainerSpec.From(new WorkloadBuilder("api").Image("api:1").Build()),
            ReplicaId = "r1",
            Node = "n1",
            Name = "shop-api-r1-1",
            Labels = System.Collections.Immutable.ImmutableSortedDictionary<string, string>.Empty,
            Environment = System.Collections.Immutable.ImmutableSortedDictionary<string, string>.Empty,
            SecretValues = ["plain-s3cret", "with\0nul\"quote"],
        };

        Assert.Equal("a *** b", launch.Redact("a plain-s3cret b"));
        Assert.Equal("env \"TOKEN=***\"", launch.Redact("env \"TOKEN=with\\x00nul\\\"quote\""));
        Assert.DoesNotContain("s3cret", launch.ToString());
    }

    private static async Task<string> DigestAsync(WorkloadSpec spec, string key, string token, string password)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Secrets:token"] = token,
            ["Secrets:password"] = password,
            ["Orchestration:ContentKey"] = key,
        }).Build();
        var fleet = new FleetSpec { Name = "shop", Workloads = [spec] };
        return (await Resolver(configuration, new ResolvedContents()).ResolveAsync(fleet, CancellationToken.None)).Workloads.Single().ContentDigest!;
    }

    private static FleetContentResolver Resolver(IConfiguration configuration, ResolvedContents contents)
        => new(contents, new ContentDigestKey(Options.Create(new OrchestrationOptions { FleetName = "shop" }), configuration), new ConfigurationSecretResolver(configuration), configuration);
}
