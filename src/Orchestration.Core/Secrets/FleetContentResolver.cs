using System.Buffers;
using System.Collections.Immutable;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;
using Orchestration.Runtime;

namespace Orchestration.Secrets;

/// <summary>Resolves every secret and file a fleet names when it is applied, keeps the values in memory
/// (<see cref="ResolvedContents"/>) and stamps each workload with a keyed hash of them
/// (<see cref="WorkloadSpec.ContentDigest"/>), so that a changed value is a new revision. A secret or file that cannot
/// be read fails the apply with a <see cref="SpecValidationException"/> naming it, never a value.</summary>
internal sealed class FleetContentResolver(ResolvedContents contents, ContentDigestKey key, ISecretResolver? secrets = null, IConfiguration? configuration = null)
{
    public async Task<FleetSpec> ResolveAsync(FleetSpec fleet, CancellationToken cancellationToken)
    {
        var problems = new List<ValidationProblem>();
        var resolved = new List<(WorkloadSpec Spec, WorkloadContent? Content)>(fleet.Workloads.Length);
        foreach (var workload in fleet.Workloads)
        {
            resolved.Add((workload, workload.Secrets.IsDefaultOrEmpty && workload.Files.IsDefaultOrEmpty
                ? null
                : await ResolveAsync(workload, problems, cancellationToken).ConfigureAwait(false)));
        }

        if (problems.Count > 0)
        {
            throw new SpecValidationException(problems);
        }

        var workloads = ImmutableArray.CreateBuilder<WorkloadSpec>(resolved.Count);
        foreach (var (spec, content) in resolved)
        {
            if (content is null)
            {
                workloads.Add(spec.ContentDigest is null ? spec : spec with { ContentDigest = null });
                continue;
            }

            var digest = Digest(content);
            contents.Store(spec.Name, digest, content);
            workloads.Add(spec with { ContentDigest = digest });
        }

        return fleet with { Workloads = workloads.MoveToImmutable() };
    }

    private async Task<WorkloadContent> ResolveAsync(WorkloadSpec workload, List<ValidationProblem> problems, CancellationToken cancellationToken)
    {
        var at = $"workloads[\"{workload.Name}\"]";
        var environment = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var secret in workload.Secrets)
        {
            if (await SecretAsync(secret.SecretName, $"{at}.secrets[\"{secret.EnvironmentVariable}\"].secretName", problems, cancellationToken).ConfigureAwait(false) is { } value)
            {
                environment[secret.EnvironmentVariable] = value;
            }
        }

        var files = ImmutableArray.CreateBuilder<ContainerFile>(workload.Files.Length);
        foreach (var file in workload.Files)
        {
            var path = $"{at}.files[\"{file.Path}\"]";
            switch (file.Source)
            {
                case FileSourceKind.Secret:
                    if (await SecretAsync(file.Reference, $"{path}.secret", problems, cancellationToken).ConfigureAwait(false) is { } secret)
                    {
                        files.Add(new ContainerFile(file.Path, Encoding.UTF8.GetBytes(secret), IsSecret: true));
                    }

                    break;
                case FileSourceKind.Text:
                    files.Add(new ContainerFile(file.Path, Encoding.UTF8.GetBytes(file.Reference), IsSecret: false));
                    break;
                case FileSourceKind.HostFile:
                    try
                    {
                        files.Add(new ContainerFile(file.Path, await File.ReadAllBytesAsync(file.Reference, cancellationToken).ConfigureAwait(false), IsSecret: false));
                    }
                    catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                    {
                        problems.Add(new($"{path}.hostFile", file.Reference, $"cannot be read: {e.Message}"));
                    }

                    break;
                default:
                    var section = configuration?.GetSection(file.Reference);
                    if (section is null || !section.Exists())
                    {
                        problems.Add(new($"{path}.configurationSection", file.Reference, "is not a section of the application's configuration"));
                    }
                    else
                    {
                        files.Add(new ContainerFile(file.Path, ConfigurationJson.Render(section), IsSecret: false));
                    }

                    break;
            }
        }

        return new WorkloadContent(environment.ToImmutable(), files.ToImmutable());
    }

    private async Task<string?> SecretAsync(string name, string path, List<ValidationProblem> problems, CancellationToken cancellationToken)
    {
        if (secrets is null)
        {
            problems.Add(new(path, name, $"cannot be resolved: no {nameof(ISecretResolver)} is registered"));
            return null;
        }

        try
        {
            return await secrets.ResolveAsync(name, cancellationToken).ConfigureAwait(false);
        }
        catch (KeyNotFoundException e)
        {
            problems.Add(new(path, name, $"cannot be resolved: {e.Message}"));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Only the type: a custom resolver's message is not known to be free of values.
            problems.Add(new(path, name, $"cannot be resolved: the secret resolver failed with {e.GetType().Name}"));
        }

        return null;
    }

    /// <summary>HMAC-SHA256 with the fleet's key over every name, path and value, in a fixed order; 16 hex
    /// characters. Without the key, it tells nothing about the values, even low-entropy ones.</summary>
    private string Digest(WorkloadContent content)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        foreach (var (name, value) in content.SecretEnvironment)
        {
            Append(buffer, $"env\0{name}\0{value.Length.ToString(CultureInfo.InvariantCulture)}\0");
            Append(buffer, value);
        }

        foreach (var file in content.Files.OrderBy(f => f.Path, StringComparer.Ordinal))
        {
            Append(buffer, $"file\0{file.Path}\0{file.Content.Length.ToString(CultureInfo.InvariantCulture)}\0");
            buffer.Write(file.Content.Span);
        }

        Span<byte> hash = stackalloc byte[32];
        HMACSHA256.HashData(key.Value, buffer.WrittenSpan, hash);
        buffer.Clear();
        return Convert.ToHexStringLower(hash[..8]);
    }

    private static void Append(ArrayBufferWriter<byte> buffer, string text)
    {
        var span = buffer.GetSpan(Encoding.UTF8.GetMaxByteCount(text.Length));
        buffer.Advance(Encoding.UTF8.GetBytes(text, span));
    }
}
