using System.Globalization;
using System.Text;

namespace Orchestration.TestSupport.EngineFaults;

/// <summary>What the proxy needs of a request head: the call, how its body is framed, and whether it upgrades the
/// connection to a raw stream (exec and attach).</summary>
internal sealed record RequestHead(EngineCall Call, long ContentLength, bool Chunked, bool Upgrade)
{
    public static RequestHead Parse(byte[] head, DateTimeOffset time)
    {
        var lines = Encoding.ASCII.GetString(head).Split("\r\n");
        long length = 0;
        bool chunked = false, upgrade = false;
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                continue;
            }

            var name = line[..colon].Trim();
            var value = line[(colon + 1)..].Trim();
            if (name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                length = long.Parse(value, CultureInfo.InvariantCulture);
            }
            else if (name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase))
            {
                chunked = value.Contains("chunked", StringComparison.OrdinalIgnoreCase);
            }
            else if (name.Equals("Upgrade", StringComparison.OrdinalIgnoreCase))
            {
                upgrade = true;
            }
        }

        return new RequestHead(EngineCall.Parse(lines[0], time), length, chunked, upgrade);
    }
}
