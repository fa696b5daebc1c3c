namespace Orchestration.Autoscaling;

/// <summary>The HPA's stabilization windows: the result may rise only to the lowest recommendation within the
/// scale-up window, and fall only to the highest within the scale-down window.</summary>
internal sealed class Stabilizer
{
    private readonly List<Recommendation> _recommendations = [];

    public (int Replicas, string? HeldBy) Stabilize(DateTimeOffset now, int current, int desired, TimeSpan upWindow, TimeSpan downWindow)
    {
        var up = desired;
        var down = desired;
        foreach (var recommendation in _recommendations)
        {
            if (recommendation.Time > now - upWindow)
            {
                up = Math.Min(up, recommendation.Replicas);
            }

            if (recommendation.Time > now - downWindow)
            {
                down = Math.Max(down, recommendation.Replicas);
            }
        }

        var longest = upWindow > downWindow ? upWindow : downWindow;
        _recommendations.RemoveAll(r => r.Time <= now - longest);
        _recommendations.Add(new Recommendation(now, desired));

        var result = Math.Min(Math.Max(current, up), down);
        string? heldBy = null;
        if (desired > current && result < desired)
        {
            heldBy = $"scale-up stabilization window ({upWindow.TotalSeconds:0.###} s; lowest recommendation {up})";
        }
        else if (desired < current && result > desired)
        {
            heldBy = $"scale-down stabilization window ({downWindow.TotalSeconds:0.###} s; highest recommendation {down})";
        }

        return (result, heldBy);
    }
}
