using Accreditation.Contracts.Common.V1;
using Accreditation.Contracts.Testing.V1;

namespace Accreditation.Testing.Domain;

/// <summary>One knowledge-test sitting as the store keeps it.</summary>
public sealed record SittingRecord
{
    public required string SittingId { get; init; }

    public required string EnrolmentId { get; init; }

    public Role Role { get; init; }

    public SittingState State { get; init; }

    public DeliveryMode Mode { get; init; }

    public string TestCentre { get; init; } = "";

    public DateTimeOffset SlotStart { get; init; }

    public DateTimeOffset BookedAt { get; init; }

    public int AttemptNumber { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public DateTimeOffset? Deadline { get; init; }

    public Form? Form { get; init; }

    /// <summary>Selected option ids by item position.</summary>
    public IReadOnlyDictionary<int, IReadOnlyList<string>> Answers { get; init; } = new Dictionary<int, IReadOnlyList<string>>();

    public SittingScore? Result { get; init; }

    public string CancellationReason { get; init; } = "";

    /// <summary>Increases with every change; the store's optimistic concurrency check.</summary>
    public long Version { get; init; }
}
