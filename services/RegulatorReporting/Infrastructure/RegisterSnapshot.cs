using Accreditation.RegulatorReporting.Domain;

namespace Accreditation.RegulatorReporting.Infrastructure;

/// <summary>The whole register read atomically with the feed position of that moment.</summary>
public sealed record RegisterSnapshot(FeedPosition Position, IReadOnlyList<RegisterRecord> Records);
