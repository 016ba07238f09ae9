using Accreditation.Contracts.Common.V1;
using Accreditation.RegulatorReporting.Domain;

namespace Accreditation.RegulatorReporting.Tests.Domain;

/// <summary>Builds progress facts for one enrolment.</summary>
public static class Facts
{
    public static readonly DateTimeOffset Day0 = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);
    public static readonly AuthorityRecord Bury = new("E08000002", "351", "Bury");
    public static readonly AuthorityRecord Wigan = new("E08000010", "359", "Wigan");

    public static ProgressFact Of(ProgressFactKind kind, int day, string enrolmentId = "e1", long version = 0, string registrationNumber = "SW100", Role role = Role.ChildAndFamilyPractitioner, AuthorityRecord? authority = null) => new()
    {
        Kind = kind,
        EnrolmentId = enrolmentId,
        RegistrationNumber = registrationNumber,
        Role = role,
        Authority = authority ?? Bury,
        OccurredAt = Day0.AddDays(day),
        EnrolmentVersion = version,
        Phase = kind == ProgressFactKind.Enrolled ? "phase-1" : "",
    };

    public static ProgressFact Enrolled(int day, string enrolmentId = "e1", string registrationNumber = "SW100") => Of(ProgressFactKind.Enrolled, day, enrolmentId, 1, registrationNumber);

    public static ProgressFact Endorsed(int day, string enrolmentId = "e1", string registrationNumber = "SW100") => Of(ProgressFactKind.Endorsed, day, enrolmentId, 2, registrationNumber);

    public static ProgressFact Withdrawn(int day, long version = 3, string enrolmentId = "e1") => Of(ProgressFactKind.Withdrawn, day, enrolmentId, version);

    public static ProgressFact Moved(int day, long version, AuthorityRecord to, string enrolmentId = "e1") => Of(ProgressFactKind.Moved, day, enrolmentId, version, authority: to);

    public static ProgressFact KnowledgeTest(int day, bool passed, string sitting, int attempt = 1, string enrolmentId = "e1", string registrationNumber = "SW100") =>
        Of(ProgressFactKind.KnowledgeTestCompleted, day, enrolmentId, registrationNumber: registrationNumber) with { AttemptKey = sitting, AttemptNumber = attempt, Passed = passed };

    public static ProgressFact SimulatedPractice(int day, bool passed, string session, int attempt = 1, string enrolmentId = "e1", string registrationNumber = "SW100") =>
        Of(ProgressFactKind.SimulatedPracticeCompleted, day, enrolmentId, registrationNumber: registrationNumber) with { AttemptKey = session, AttemptNumber = attempt, Passed = passed };

    public static CandidateProgress Fold(IEnumerable<ProgressFact> facts) =>
        facts.Aggregate((CandidateProgress?)null, CandidateProjection.Apply)!;
}
