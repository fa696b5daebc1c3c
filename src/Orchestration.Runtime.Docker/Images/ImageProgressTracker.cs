using System.Globalization;
using System.Text.RegularExpressions;
using Docker.DotNet.Models;
using Orchestration.Events;

namespace Orchestration.Runtime.Docker.Images;

/// <summary>Turns Docker's JSON progress stream of one pull or build into <see cref="ImageProgress"/> events: layers
/// (pull) or Dockerfile steps (build) done and known, bytes moved and known. Publishes when it starts, at most every
/// <see cref="Interval"/> while it runs, and once at the end (<see cref="Complete"/>). Messages are reported
/// synchronously and in order (the caller passes it as the engine call's <see cref="IProgress{T}"/>).</summary>
internal sealed partial class ImageProgressTracker : IProgress<JSONMessage>
{
    /// <summary>The shortest time between two events of one pull or build while it runs.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    private readonly object _gate = new();
    private readonly Dictionary<string, Layer> _layers = new(StringComparer.Ordinal);
    private readonly IProgress<JSONMessage> _inner;
    private readonly Action<ImageProgress> _publish;
    private readonly TimeProvider _time;
    private readonly ImageProgress _template;
    private DateTimeOffset _lastPublished = DateTimeOffset.MinValue;
    private int _step;
    private int _steps;
    private long _contextBytes;
    private string? _status;

    public ImageProgressTracker(IProgress<JSONMessage> inner, Action<ImageProgress> publish, TimeProvider time, string fleet, string node, string image, ImageOperation operation)
    {
        _inner = inner;
        _publish = publish;
        _time = time;
        _template = new ImageProgress { Time = time.GetUtcNow(), Fleet = fleet, Node = node, Image = image, Operation = operation };
    }

    /// <summary>Publishes the first event: the pull or build starts.</summary>
    /// <param name="contextBytes">For a build, the size of the build context sent to the engine.</param>
    public void Start(long contextBytes = 0)
    {
        lock (_gate)
        {
            _contextBytes = contextBytes;
            Publish(force: true, done: false, error: null);
        }
    }

    public void Report(JSONMessage value)
    {
        _inner.Report(value);
        lock (_gate)
        {
            Apply(value);
            Publish(force: false, done: false, error: null);
        }
    }

    /// <summary>Publishes the last event; <paramref name="error"/> says why it failed, if it did.</summary>
    public void Complete(string? error)
    {
        lock (_gate)
        {
            if (error is null)
            {
                _step = _steps;
                foreach (var layer in _layers.Values)
                {
                    layer.Done = true;
                    layer.Current = Math.Max(layer.Current, layer.Total);
                }
            }

            Publish(force: true, done: true, error: error);
        }
    }

    private void Apply(JSONMessage value)
    {
        if (value.Stream is { Length: > 0 } stream && StepPattern().Match(stream) is { Success: true } step)
        {
            _step = int.Parse(step.Groups[1].Value, CultureInfo.InvariantCulture) - 1;
            _steps = int.Parse(step.Groups[2].Value, CultureInfo.InvariantCulture);
            _status = stream.Trim();
            return;
        }

        if (value.Status is not { Length: > 0 } status)
        {
            return;
        }

        _status = value.ID is { Length: > 0 } id ? $"{id}: {status}" : status;
        if (value.ID is not { Length: > 0 } layerId || !IsLayerStatus(status))
        {
            return;
        }

        if (!_layers.TryGetValue(layerId, out var layer))
        {
            _layers[layerId] = layer = new Layer();
        }

        if (value.Progress is { Total: > 0 } progress && status.StartsWith("Downloading", StringComparison.Ordinal))
        {
            layer.Total = progress.Total ?? 0;
            layer.Current = progress.Current ?? 0;
        }
        else if (status is "Download complete" or "Verifying Checksum")
        {
            layer.Current = layer.Total;
        }
        else if (status is "Pull complete" or "Already exists")
        {
            layer.Current = layer.Total;
            layer.Done = true;
        }
    }

    private static bool IsLayerStatus(string status)
        => status.StartsWith("Pulling fs layer", StringComparison.Ordinal) || status.StartsWith("Waiting", StringComparison.Ordinal)
        || status.StartsWith("Downloading", StringComparison.Ordinal) || status.StartsWith("Verifying", StringComparison.Ordinal)
        || status.StartsWith("Download complete", StringComparison.Ordinal) || status.StartsWith("Extracting", StringComparison.Ordinal)
        || status.StartsWith("Pull complete", StringComparison.Ordinal) || status.StartsWith("Already exists", StringComparison.Ordinal);

    private void Publish(bool force, bool done, string? error)
    {
        var now = _time.GetUtcNow();
        if (!force && now - _lastPublished < Interval)
        {
            return;
        }

        _lastPublished = now;
        var build = _template.Operation == ImageOperation.Build;
        _publish(new ImageProgress
        {
            Time = now,
            Fleet = _template.Fleet,
            Node = _template.Node,
            Image = _template.Image,
            Operation = _template.Operation,
            LayersDone = build ? _step : _layers.Values.Count(l => l.Done),
            LayersTotal = build ? _steps : _layers.Count,
            BytesDone = build ? _contextBytes : _layers.Values.Sum(l => l.Current),
            BytesTotal = build ? _contextBytes : _layers.Values.Sum(l => l.Total),
            Status = _status,
            Done = done,
            Error = error,
        });
    }

    [GeneratedRegex(@"^Step (\d+)/(\d+) :")]
    private static partial Regex StepPattern();

    private sealed class Layer
    {
        public long Current { get; set; }

        public long Total { get; set; }

        public bool Done { get; set; }
    }
}
