namespace Accreditation.RegulatorReporting.Domain;

/// <summary>The furthest stage an enrolment has reached (evaluation counts).</summary>
public enum CandidateStage
{
    Enrolled,
    Endorsed,
    Assessing,
    Accredited,
    Withdrawn,
}
