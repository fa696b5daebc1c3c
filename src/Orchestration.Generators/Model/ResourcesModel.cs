namespace Orchestration.Generators.Model;

/// <summary>Parsed resource quantities; a value that did not parse is left out (and reported).</summary>
internal sealed record ResourcesModel(long? CpuRequest, long? CpuLimit, long? MemoryRequest, long? MemoryLimit, long? Pids);
