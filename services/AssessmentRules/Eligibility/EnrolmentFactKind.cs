namespace Accreditation.AssessmentRules.Eligibility;

/// <summary>Which enrolment event a fact came from.</summary>
public enum EnrolmentFactKind
{
    Enrolled,
    Endorsed,
    Withdrawn,
    Moved,
}
