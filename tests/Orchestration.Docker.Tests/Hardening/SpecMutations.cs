using System.Collections.Immutable;
using System.Text;

namespace Orchestration.Docker.Tests.Hardening;

/// <summary>Random changes to a valid busybox workload, each one either valid or breaking one rule the engine or the
/// kernel enforces: image references, environment strings, labels, mount targets, volume names, bind sources,
/// capabilities, users, commands and host ports. <see cref="Valid"/> says which the generator meant; the test trusts
/// only the validator and the engine, and uses it to make sure both sides are sampled.</summary>
internal sealed class SpecMutations(Random random, string volumePrefix)
{
    private const string Lower = "abcdefghijklmnopqrstuvwxyz0123456789";

    private static readonly string[] KnownCapabilities =
    [
        "CHOWN", "DAC_OVERRIDE", "DAC_READ_SEARCH", "FOWNER", "FSETID", "KILL", "SETGID", "SETUID", "SETPCAP",
        "LINUX_IMMUTABLE", "NET_BIND_SERVICE", "NET_BROADCAST", "NET_ADMIN", "NET_RAW", "IPC_LOCK", "IPC_OWNER",
        "SYS_MODULE", "SYS_RAWIO", "SYS_CHROOT", "SYS_PTRACE", "SYS_PACCT", "SYS_ADMIN", "SYS_BOOT", "SYS_NICE",
        "SYS_RESOURCE", "SYS_TIME", "SYS_TTY_CONFIG", "MKNOD", "LEASE", "AUDIT_WRITE", "AUDIT_CONTROL", "SETFCAP",
        "MAC_OVERRIDE", "MAC_ADMIN", "SYSLOG", "WAKE_ALARM", "BLOCK_SUSPEND", "AUDIT_READ",
    ];

    /// <summary>Node directories that exist on any machine the tests run on.</summary>
    private static readonly string[] BindSources = ["/tmp", "/etc", "/usr/share", "/var/tmp"];

    public bool Valid { get; private set; }

    public string Description { get; private set; } = "";

    /// <summary>One to three changes. About two specs in three are meant valid (every change valid); the others have
    /// one invalid change among valid ones.</summary>
    public WorkloadSpec Next(WorkloadSpec spec)
    {
        var count = random.Next(1, 4);
        var invalidAt = random.NextDouble() < 0.65 ? -1 : random.Next(count);
        var what = new List<string>();
        for (var i = 0; i < count; i++)
        {
            WorkloadSpec next;
            bool ok;
            string description;
            do
            {
                (next, ok, description) = Pick()(spec);
            }
            while (ok != (i != invalidAt));

            spec = next;
            what.Add(description);
        }

        Valid = invalidAt < 0;
        Description = string.Join("; ", what);
        return spec;
    }

    private Func<WorkloadSpec, (WorkloadSpec, bool, string)> Pick() => random.Next(11) switch
    {
        0 => Image,
        1 => EnvironmentValue,
        2 => Label,
        3 => MountTarget,
        4 => VolumeName,
        5 => BindSource,
        6 => Capability,
        7 => User,
        8 => Command,
        9 => HostPorts,
        _ => Image,
    };

    private (WorkloadSpec, bool, string) Image(WorkloadSpec s)
    {
        var valid = random.Next(2) == 0;
        var image = valid ? ValidImage() : InvalidImage();
        return (s with { Image = image }, valid, $"image {image}");
    }

    private string ValidImage()
    {
        var parts = new List<string>();
        var sb = new StringBuilder();
        if (random.Next(3) == 0)
        {
            sb.Append(random.Next(3) switch { 0 => "localhost", 1 => $"{Word(4)}.example", _ => $"Reg-{Word(3)}.IO" });
            if (random.Next(2) == 0)
            {
                sb.Append(':').Append(random.Next(1, 65536));
            }

            sb.Append('/');
        }

        for (var i = random.Next(1, 4); i > 0; i--)
        {
            parts.Add(Word(random.Next(1, 6)) + (random.Next(3) == 0 ? random.Next(4) switch { 0 => ".", 1 => "_", 2 => "__", _ => "---" } + Word(2) : ""));
        }

        sb.Append(string.Join('/', parts));
        if (random.Next(3) != 0)
        {
            sb.Append(':').Append(random.Next(3) switch { 0 => "1.2.3", 1 => "_Latest-x", _ => new string('t', random.Next(1, 129)) });
        }

        if (random.Next(5) == 0)
        {
            sb.Append("@sha256:").Append(Hex(64));
        }

        return sb.ToString();
    }

    private string InvalidImage() => random.Next(12) switch
    {
        0 => $"{Word(3).ToUpperInvariant()}/{Word(3)}:1",
        1 => $"{Word(3)}//{Word(3)}",
        2 => $"{Word(3)}:{new string('t', 129)}",
        3 => $"{Word(3)}:1@sha256:{Hex(32)}",
        4 => $"{Word(3)}@md5:{Hex(32)}",
        5 => $"{Word(3)}:-tag",
        6 => $"-{Word(3)}",
        7 => $"{Word(3)} {Word(2)}",
        8 => $"{Word(3)}/{new string('a', 260)}",
        9 => $"{Word(3)}.",
        10 => Hex(64),
        _ => $"{Word(3)}:1\n{Word(2)}",
    };

    private (WorkloadSpec, bool, string) EnvironmentValue(WorkloadSpec s)
    {
        var name = "V_" + Word(4).ToUpperInvariant();
        var (value, valid) = random.Next(4) switch
        {
            0 => ($"a\0b", false),
            1 => (new string('x', 128 * 1024), false),
            2 => (new string('y', random.Next(1, 4000)) + "é✓\t\n", true),
            _ => (Word(random.Next(0, 30)), true),
        };
        return (s with { Environment = s.Environment.SetItem(name, value) }, valid, $"env {name} of {value.Length} chars");
    }

    private (WorkloadSpec, bool, string) Label(WorkloadSpec s)
    {
        var (key, value, valid) = random.Next(6) switch
        {
            0 => ($"com.example.{Word(5)}", Word(10), true),
            1 => ($"{Word(3)} {Word(3)}", "v", false),
            2 => ($"{Word(3)}={Word(3)}", "v", false),
            3 => ($"io.orchestration.{Word(3)}", "v", false),
            4 => ($"big.{Word(3)}", new string('v', 4096), false),
            _ => ($"k-{Word(4)}", new string('v', random.Next(0, 3000)), true),
        };
        return (s with { Labels = s.Labels.SetItem(key, value) }, valid, $"label {key}");
    }

    private (WorkloadSpec, bool, string) MountTarget(WorkloadSpec s)
    {
        var (target, valid) = random.Next(6) switch
        {
            0 => ("/", false),
            1 => ($"{Word(4)}/x", false),
            2 => ("/data/./", false), // "/data" after cleaning; made a duplicate below
            3 => ($"/srv/{Word(4)}/./{Word(2)}/", true),
            4 => ($"/a b/{Word(3)}", true),
            _ => ($"/mnt/{Word(5)}", true),
        };
        var mounts = s.Mounts.Add(new MountSpec(MountKind.Tmpfs, null, target));
        if (target == "/data/./")
        {
            mounts = mounts.Add(new MountSpec(MountKind.Tmpfs, null, "/data"));
        }

        return (s with { Mounts = mounts }, valid, $"tmpfs at {target}");
    }

    private (WorkloadSpec, bool, string) VolumeName(WorkloadSpec s)
    {
        var (name, valid) = random.Next(5) switch
        {
            0 => ("a", false),
            1 => ($"-{Word(4)}", false),
            2 => ($"{Word(3)} {Word(2)}", false),
            3 => ($"{Word(2)}/{Word(2)}", false),
            _ => ($"{volumePrefix}{Word(6)}", true),
        };
        return (s with { Mounts = s.Mounts.Add(new MountSpec(MountKind.Volume, name, $"/vol/{Word(5)}")) }, valid, $"volume {name}");
    }

    private (WorkloadSpec, bool, string) BindSource(WorkloadSpec s)
    {
        var (source, valid) = random.Next(6) switch
        {
            0 => ("/", false),
            1 => ("/proc/1/root", false),
            2 => ("/proc/self/root/etc", false),
            3 => ("/var/run/docker.sock", false),
            _ => (BindSources[random.Next(BindSources.Length)], true),
        };
        return (s with { Mounts = s.Mounts.Add(new MountSpec(MountKind.Bind, source, $"/host/{Word(5)}", readOnly: true)) }, valid, $"bind {source}");
    }

    private (WorkloadSpec, bool, string) Capability(WorkloadSpec s)
    {
        var (capability, valid) = random.Next(6) switch
        {
            0 => ("ALL", false),
            1 => ("CAP_BPF", false),
            2 => ($"CAP_{Word(5).ToUpperInvariant()}", false),
            3 => ("cap_" + KnownCapabilities[random.Next(KnownCapabilities.Length)].ToLowerInvariant(), true),
            _ => (KnownCapabilities[random.Next(KnownCapabilities.Length)], true),
        };
        return (s with { Security = s.Security with { AddCapabilities = s.Security.AddCapabilities.Add(capability) } }, valid, $"cap {capability}");
    }

    private (WorkloadSpec, bool, string) User(WorkloadSpec s)
    {
        var (user, valid) = random.Next(7) switch
        {
            0 => ("", false),
            1 => ("1000:", false),
            2 => ("a b", false),
            3 => ("1:2:3", false),
            4 => ("nobody", true),
            5 => ($"{random.Next(0, 70000)}:{random.Next(0, 70000)}", true),
            _ => ($"{random.Next(0, 70000)}", true),
        };
        return (s with { Security = s.Security with { User = user } }, valid, $"user '{user}'");
    }

    private (WorkloadSpec, bool, string) Command(WorkloadSpec s)
    {
        var (command, valid) = random.Next(5) switch
        {
            0 => ((ImmutableArray<string>)[""], false),
            1 => (["sh", "-c", "echo \0"], false),
            2 => (["sh", "-c", new string('x', 200_000)], false),
            _ => (["httpd", "-f", "-p", "8080", "-h", $"/www/{Word(3)}"], true),
        };
        return (s with { Command = command }, valid, $"command of {command.Length}");
    }

    private (WorkloadSpec, bool, string) HostPorts(WorkloadSpec s)
    {
        var port = random.Next(20000, 60000);
        var twice = random.Next(2) == 0;
        var ports = s.Ports.Add(new PortSpec("p" + Word(4), random.Next(9000, 9999), hostPort: port));
        if (twice)
        {
            ports = ports.Add(new PortSpec("q" + Word(4), random.Next(10000, 10999), hostPort: port));
        }

        return (s with { Ports = ports }, !twice, $"host port {port}{(twice ? " twice" : "")}");
    }

    private string Word(int length)
    {
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = Lower[random.Next(i == 0 ? 26 : Lower.Length)];
        }

        return new string(chars);
    }

    private string Hex(int length)
    {
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = "0123456789abcdef"[random.Next(16)];
        }

        return new string(chars);
    }
}
