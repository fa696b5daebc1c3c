namespace Orchestration;

/// <summary>A probe that runs a command inside the container; exit code 0 is success.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class ExecProbeAttribute : ProbeAttribute
{
    /// <summary>Runs <paramref name="command"/> as the <paramref name="target"/> probe.</summary>
    public ExecProbeAttribute(ProbeTarget target, params string[] command)
        : base(target)
    {
        Command = command;
    }

    /// <summary>The command and its arguments.</summary>
    public string[] Command { get; }
}
