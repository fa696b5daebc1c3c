using System.Globalization;

namespace Orchestration.Testing.Watchdog;

/// <summary>The command line: <c>--parent &lt;pid&gt; --session &lt;label value&gt; [--docker &lt;endpoint&gt;]...</c>.</summary>
internal sealed record WatchdogArguments(int ParentProcessId, SessionLabel Session, IReadOnlyList<Uri> Engines)
{
    public const string Usage = "usage: Orchestration.Testing.Watchdog --parent <pid> --session <host:pid:startTicks> [--docker <endpoint>]...";

    public static WatchdogArguments? Parse(IReadOnlyList<string> args, TextWriter errors)
    {
        int? parent = null;
        SessionLabel? session = null;
        var engines = new List<Uri>();
        for (var i = 0; i < args.Count; i++)
        {
            var value = i + 1 < args.Count ? args[i + 1] : null;
            switch (args[i])
            {
                case "--parent" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var pid):
                    parent = pid;
                    break;
                case "--session" when SessionLabel.TryParse(value, out var label):
                    session = label;
                    break;
                case "--docker" when Uri.TryCreate(value, UriKind.Absolute, out var engine):
                    engines.Add(engine);
                    break;
                default:
                    errors.WriteLine($"watchdog: unexpected or invalid argument '{args[i]}'. {Usage}");
                    return null;
            }

            i++;
        }

        if (parent is null || session is null)
        {
            errors.WriteLine($"watchdog: --parent and --session are required. {Usage}");
            return null;
        }

        return new WatchdogArguments(parent.Value, session.Value, engines);
    }
}
