using Accreditation.AssessmentRules.Eligibility;
using Accreditation.Contracts.Common.V1;
using Accreditation.Contracts.Observation.V1;
using Accreditation.Observation.Domain;

namespace Accreditation.Observation.Tests.Domain;

/// <summary>Candidates and sessions for the rule tests.</summary>
internal static class Sessions
{
    public static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    public static CandidateRecord Candidate(bool endorsed = true, bool withdrawn = false, bool filming = true, string? openSession = null) => new()
    {
        Eligibility = new CandidateEligibility
        {
            EnrolmentId = "e1",
            RegistrationNumber = "SW1",
            Role = Role.ChildAndFamilyPractitioner,
            AuthorityCode = "E08000002",
            Enrolled = true,
            Endorsed = endorsed,
            Withdrawn = withdrawn,
            FilmingConsent = filming,
        },
        OpenSessionId = openSession,
    };

    public static SessionRecord Scheduled(string first = "first", string second = "") => new()
    {
        SessionId = "s1",
        EnrolmentId = "e1",
        RegistrationNumber = "SW1",
        Role = Role.ChildAndFamilyPractitioner,
        State = SessionState.Scheduled,
        AttemptNumber = 1,
        SlotStart = Now,
        Location = "Centre",
        Components = [new("sim", ComponentKind.Simulation, "S", 1, "Sim", "actor"), new("written", ComponentKind.Written, "W", 1, "Written", "")],
        FirstAssessorId = first,
        SecondAssessorId = second,
        Version = 1,
    };
}
