using System.Text;
using Docker.DotNet.Models;

namespace Orchestration.Runtime.Docker.Images;

/// <summary>Collects Docker's JSON progress stream of a pull or build, synchronously and in order: the text lines and
/// the first error the daemon reports inside the stream (an HTTP 200 answer can still carry a failure).</summary>
internal sealed class JsonMessageCollector : IProgress<JSONMessage>
{
    private const int MaxLogChars = 32 * 1024;
    private readonly StringBuilder _log = new();
    private readonly object _gate = new();

    public string? Error { get; private set; }

    /// <summary>The image id a build reports in its final auxiliary message, when it does.</summary>
    public string? ImageId { get; private set; }

    public string Log
    {
        get
        {
            lock (_gate)
            {
                return _log.ToString();
            }
        }
    }

    public void Report(JSONMessage value)
    {
        lock (_gate)
        {
            if (value.Error is { Message: { Length: > 0 } message })
            {
                Error ??= message.Trim();
            }

            var text = value.Stream ?? value.Status;
            if (!string.IsNullOrEmpty(text) && _log.Length < MaxLogChars)
            {
                _log.Append(text);
                if (!text.EndsWith('\n'))
                {
                    _log.Append('\n');
                }
            }

            if (value.Aux?.ExtensionData is { } aux && aux.TryGetValue("ID", out var id) && id?.ToString() is { Length: > 0 } idText)
            {
                ImageId = idText;
            }
        }
    }
}
