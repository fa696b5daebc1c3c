namespace Orchestration.TestSupport.EngineFaults;

/// <summary>What the engine proxy does to a request instead of passing it on unchanged.</summary>
public enum EngineFaultKind
{
    /// <summary>Answers with an error status of its own; the engine never sees the request.</summary>
    ErrorAnswer,

    /// <summary>Closes the connection without an answer; the engine never sees the request.</summary>
    DropBeforeEngine,

    /// <summary>Passes the request to the engine, which carries it out, then closes the connection before the answer:
    /// the client cannot tell whether it happened.</summary>
    DropAnswer,
}

/// <summary>A fault armed on the engine proxy for the next <see cref="Remaining"/> requests that match.</summary>
internal sealed class EngineFault(EngineFaultKind kind, int count, int status, Func<EngineCall, bool> match)
{
    public EngineFaultKind Kind => kind;

    public int Status => status;

    public int Remaining { get; private set; } = count;

    /// <summary>Whether the fault takes <paramref name="call"/>; counts it down when it does.</summary>
    public bool TryTake(EngineCall call)
    {
        if (Remaining <= 0 || !match(call))
        {
            return false;
        }

        Remaining--;
        return true;
    }
}
