namespace Accreditation.Testing.Domain;

public enum EnrolmentFactKind
{
    Enrolled,
    Endorsed,
    Withdrawn,
    Moved,
}
