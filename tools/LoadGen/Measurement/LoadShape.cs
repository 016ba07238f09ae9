namespace Accreditation.LoadGen.Measurement;

/// <summary>How every path is driven: callers in a closed loop over the channels, a warm-up whose calls are not counted, then the window.</summary>
public sealed record LoadShape(int Connections, int Concurrency, TimeSpan Warmup, TimeSpan Window);
