using Accreditation.Contracts.Common.V1;
using Accreditation.Contracts.Testing.V1;

namespace Accreditation.Testing.Domain;

/// <summary>One knowledge-test sitting as the store keeps it.</summary>
public sealed record SittingRecord
{
    public required string SittingId { get; init; }

    public required string EnrolmentId { get; init; }

    /// <summary>The person's registration number: one open sitting per person and role, across enrolments.</summary>
    public string RegistrationNumber { get; init; } = "";

    /// <summary>The delivery provider that booked the sitting (its token's subject); only it may see or run the sitting.</summary>
    public string BookedBy { get; init; } = "";

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

    /// <summary>Booked or in progress: the person's one open sitting in the role.</summary>
    public bool IsOpen => State is SittingState.Booked or SittingState.InProgress;

    /// <summary>Increases with every change; the store's optimistic concurrency check.</summary>
    public long Version { get; init; }
}
