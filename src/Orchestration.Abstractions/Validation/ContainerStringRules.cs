namespace Orchestration;

/// <summary>What the kernel can pass to a process: every argument and environment string is a C string (no NUL
/// byte) of at most <see cref="MaxStringBytes"/> bytes with its terminator (MAX_ARG_STRLEN, 32 pages of 4 KiB).</summary>
internal static class ContainerStringRules
{
    /// <summary>MAX_ARG_STRLEN: 131,072 bytes, the terminating NUL included.</summary>
    public const int MaxStringBytes = 128 * 1024;

    /// <summary>Why <paramref name="text"/> cannot be passed to a process, or <see langword="null"/>.</summary>
    public static string? Check(string text, string what)
    {
        if (text.Contains('\0', StringComparison.Ordinal))
        {
            return $"contains a NUL byte; the kernel cannot pass it in {what}";
        }

        var bytes = System.Text.Encoding.UTF8.GetByteCount(text) + 1;
        return bytes > MaxStringBytes
            ? $"is {bytes} bytes with its terminator; the kernel passes at most {MaxStringBytes} bytes per {what} string (MAX_ARG_STRLEN)"
            : null;
    }
}
