namespace Accreditation.RegulatorReporting.Infrastructure;

/// <summary>A value read from the store together with the exact text it was stored as (the optimistic concurrency token).</summary>
public sealed record Stored<T>(T Value, string Raw);
