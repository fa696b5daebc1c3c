using Docker.DotNet.Models;
using Orchestration.Events;
using Orchestration.Runtime.Docker.Images;

namespace Orchestration.Docker.Tests.Runtime;

public sealed class ImageProgressTrackerTests
{
    private readonly ManualTime _time = new();
    private readonly List<ImageProgress> _events = [];
    private readonly JsonMessageCollector _collector = new();

    [Fact]
    public void A_pull_counts_layers_and_bytes_and_publishes_at_most_every_interval()
    {
        var tracker = new ImageProgressTracker(_collector, _events.Add, _time, "shop", "local", "redis:7", ImageOperation.Pull);
        tracker.Start();
        Assert.Single(_events);
        Assert.False(_events[0].Done);

        tracker.Report(new JSONMessage { ID = "7", Status = "Pulling from library/redis" });
        tracker.Report(new JSONMessage { ID = "a", Status = "Pulling fs layer" });
        tracker.Report(new JSONMessage { ID = "b", Status = "Pulling fs layer" });
        Assert.Single(_events); // within the interval: nothing more published

        _time.Advance(ImageProgressTracker.Interval);
        tracker.Report(new JSONMessage { ID = "a", Status = "Downloading", Progress = new JSONProgress { Current = 400, Total = 1000 } });
        var running = _events[^1];
        Assert.Equal((0, 2, 400L, 1000L), (running.LayersDone, running.LayersTotal, running.BytesDone, running.BytesTotal));
        Assert.Equal("a: Downloading", running.Status);

        tracker.Report(new JSONMessage { ID = "a", Status = "Download complete" });
        tracker.Report(new JSONMessage { ID = "a", Status = "Pull complete" });
        tracker.Report(new JSONMessage { ID = "b", Status = "Already exists" });
        tracker.Complete(null);
        var last = _events[^1];
        Assert.True(last.Done);
        Assert.Null(last.Error);
        Assert.Equal((2, 2, 1000L, 1000L), (last.LayersDone, last.LayersTotal, last.BytesDone, last.BytesTotal));
        Assert.Equal("shop", last.Fleet);
        Assert.Equal("Image 'redis:7' pull on node 'local': done, 2/2 layers, 1000/1000 bytes", last.Message);
        Assert.Contains("Pulling fs layer", _collector.Log);
    }

    [Fact]
    public void A_build_counts_dockerfile_steps_and_reports_its_context_size_and_failure()
    {
        var tracker = new ImageProgressTracker(_collector, _events.Add, _time, "shop", "local", "shop/api:dev", ImageOperation.Build);
        tracker.Start(contextBytes: 4096);
        _time.Advance(ImageProgressTracker.Interval);
        tracker.Report(new JSONMessage { Stream = "Step 1/3 : FROM orchestration/busybox:1\n" });
        _time.Advance(ImageProgressTracker.Interval);
        tracker.Report(new JSONMessage { Stream = "Step 2/3 : COPY . /app\n" });
        Assert.Equal((1, 3, 4096L), (_events[^1].LayersDone, _events[^1].LayersTotal, _events[^1].BytesDone));
        Assert.Equal("Step 2/3 : COPY . /app", _events[^1].Status);

        tracker.Complete("COPY failed: no source files were specified");
        Assert.True(_events[^1].Done);
        Assert.True(_events[^1].IsWarning);
        Assert.Equal(1, _events[^1].LayersDone);
        Assert.EndsWith("failed: COPY failed: no source files were specified, 1/3 steps, 4096/4096 bytes", _events[^1].Message);
    }

    private sealed class ManualTime : TimeProvider
    {
        private DateTimeOffset _now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

        public void Advance(TimeSpan by) => _now += by;

        public override DateTimeOffset GetUtcNow() => _now;
    }
}
