using Accreditation.Contracts.Common.V1;

namespace Accreditation.Enrolment.Domain;

public static class LocalAuthorityExtensions
{
    public static LocalAuthorityRef ToRef(this LocalAuthority authority)
    {
        ArgumentNullException.ThrowIfNull(authority);
        return new LocalAuthorityRef { GssCode = authority.GssCode, LaNumber = authority.LaNumber, Name = authority.Name };
    }
}
