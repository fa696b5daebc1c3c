using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Orchestration.Secrets;

/// <summary>The fleet's key for the keyed hash of its secrets and file contents. From the configuration value
/// <c>Orchestration:ContentKey</c> (base64, at least 32 bytes) when set; otherwise 32 random bytes kept in a file of
/// the current user's local application data (<c>orchestration/content-keys/{fleet}.key</c>, mode 0600), created on
/// first use, so that revisions stay the same across restarts of the application and its replicas are adopted.</summary>
internal sealed class ContentDigestKey(IOptions<OrchestrationOptions> options, IConfiguration? configuration = null)
{
    public const string ConfigurationKey = "Orchestration:ContentKey";

    private readonly Lazy<byte[]> _key = new(() => Load(options.Value.FleetName, configuration));

    public byte[] Value => _key.Value;

    private static byte[] Load(string fleet, IConfiguration? configuration)
    {
        if (configuration?[ConfigurationKey] is { Length: > 0 } configured)
        {
            byte[] key;
            try
            {
                key = Convert.FromBase64String(configured);
            }
            catch (FormatException)
            {
                throw new InvalidOperationException($"The configuration value '{ConfigurationKey}' is not base64.");
            }

            return key.Length >= 32 ? key : throw new InvalidOperationException($"The configuration value '{ConfigurationKey}' has {key.Length} bytes; at least 32 are needed.");
        }

        var directory = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "orchestration", "content-keys");
        var file = Path.Combine(directory, $"{fleet}.key");
        if (File.Exists(file) && File.ReadAllBytes(file) is { Length: >= 32 } existing)
        {
            return existing;
        }

        Directory.CreateDirectory(directory);
        var created = RandomNumberGenerator.GetBytes(32);
        var temporary = $"{file}.{Guid.NewGuid():n}";
        var streamOptions = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            streamOptions.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(temporary, streamOptions))
        {
            stream.Write(created);
        }

        try
        {
            File.Move(temporary, file, overwrite: false);
            return created;
        }
        catch (IOException) when (File.Exists(file))
        {
            // Another process created it first: use theirs.
            File.Delete(temporary);
            return File.ReadAllBytes(file);
        }
    }
}
