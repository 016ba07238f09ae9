using System.Collections.Concurrent;
using Accreditation.Contracts.Common.V1;
using Accreditation.Contracts.Events.V1;
using Google.Protobuf.WellKnownTypes;

namespace Accreditation.TestSupport;

/// <summary>
/// Enrolment's events as a consuming service receives them, for service tests: one registration
/// number per enrolment id (made up on first use), times from the test's clock, versions 1
/// (enrolled), 2 (endorsed), 3 (withdrawn or moved) unless given.
/// </summary>
public sealed class EnrolmentEventFactory(TimeProvider clock, LocalAuthorityRef authority)
{
    private readonly ConcurrentDictionary<string, string> _registrationNumbers = new(StringComparer.Ordinal);

    /// <summary>The registration number events of this enrolment carry.</summary>
    public string RegistrationNumberOf(string enrolmentId, string? registrationNumber = null) =>
        _registrationNumbers.GetOrAdd(enrolmentId, _ => registrationNumber ?? EnrolmentRequests.NewRegistrationNumber());

    public CandidateEnrolled Enrolled(string enrolmentId, Role role = Role.ChildAndFamilyPractitioner, bool filmingConsent = true) => new()
    {
        EventId = Guid.NewGuid().ToString(),
        OccurredAt = Now(),
        EnrolmentId = enrolmentId,
        RegistrationNumber = RegistrationNumberOf(enrolmentId),
        Role = role,
        Authority = authority,
        EnrolmentVersion = 1,
        FilmingConsent = filmingConsent,
    };

    public CandidateEndorsed Endorsed(string enrolmentId, Role role = Role.ChildAndFamilyPractitioner) => new()
    {
        EventId = Guid.NewGuid().ToString(),
        OccurredAt = Now(),
        EnrolmentId = enrolmentId,
        RegistrationNumber = RegistrationNumberOf(enrolmentId),
        Role = role,
        Authority = authority,
        EnrolmentVersion = 2,
    };

    public CandidateWithdrawn Withdrawn(string enrolmentId) => new()
    {
        EventId = Guid.NewGuid().ToString(),
        OccurredAt = Now(),
        EnrolmentId = enrolmentId,
        RegistrationNumber = RegistrationNumberOf(enrolmentId),
        Role = Role.ChildAndFamilyPractitioner,
        Authority = authority,
        EnrolmentVersion = 3,
        Reason = "Personal circumstances",
    };

    public CandidateMoved Moved(string enrolmentId, LocalAuthorityRef to, long version = 3) => new()
    {
        EventId = Guid.NewGuid().ToString(),
        OccurredAt = Now(),
        EnrolmentId = enrolmentId,
        RegistrationNumber = RegistrationNumberOf(enrolmentId),
        Role = Role.ChildAndFamilyPractitioner,
        Authority = to,
        FromAuthority = authority,
        EnrolmentVersion = version,
    };

    private Timestamp Now() => Timestamp.FromDateTimeOffset(clock.GetUtcNow());
}
