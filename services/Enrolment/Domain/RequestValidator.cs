using System.Net.Mail;
using Accreditation.BuildingBlocks.Errors;
using Accreditation.BuildingBlocks.Validation;
using Accreditation.Contracts.Common.V1;
using Accreditation.Contracts.Enrolment.V1;

namespace Accreditation.Enrolment.Domain;

/// <summary>
/// Edge validation of the council HR API: malformed input is INVALID_ARGUMENT naming the field
/// (proto spelling). Pure: the catalogue and the clock come in.
/// </summary>
public static class RequestValidator
{
    public const int MaxTextLength = 200;
    private static readonly TimeSpan AllowedClockSkew = TimeSpan.FromMinutes(5);

    public static NewCandidate Validate(EnrolCandidateRequest request, LocalAuthorityCatalog catalog, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(catalog);
        var registrationNumber = RegistrationNumber.Normalise(request.RegistrationNumber)
            ?? throw new ValidationException("registration_number", "must be SW followed by 1 to 6 digits, for example SW12345");
        var givenName = Text("given_name", request.GivenName);
        var familyName = Text("family_name", request.FamilyName);
        var email = Email("work_email", request.WorkEmail);
        var role = Require.AssessedRole("role", request.Role);
        var authority = Authority("employing_authority_code", request.EmployingAuthorityCode, catalog);
        var hrReference = Text("hr_reference", request.HrReference);
        var consent = ValidConsent(request.Consent, now);
        var equality = request.EqualityMonitoring is null ? null : ValidEquality(request.EqualityMonitoring);
        return new NewCandidate(registrationNumber, givenName, familyName, email, role, authority, hrReference, consent, equality);
    }

    /// <summary>Required free text, trimmed, at most <see cref="MaxTextLength"/> characters.</summary>
    public static string Text(string field, string value)
    {
        var trimmed = value?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            throw new ValidationException(field, "is required");
        }

        if (trimmed.Length > MaxTextLength)
        {
            throw new ValidationException(field, $"must be at most {MaxTextLength} characters");
        }

        if (trimmed.Any(char.IsControl))
        {
            throw new ValidationException(field, "must not contain control characters");
        }

        return trimmed;
    }

    public static LocalAuthority Authority(string field, string code, LocalAuthorityCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        if (string.IsNullOrWhiteSpace(code))
        {
            throw new ValidationException(field, "is required (the authority's GSS code, for example E08000002)");
        }

        return catalog.Find(code)
            ?? throw new ValidationException(field, $"'{Truncate(code)}' is not the GSS code of an English local authority with children's services");
    }

    private static string Email(string field, string value)
    {
        var text = Text(field, value);
        if (!MailAddress.TryCreate(text, out var address) || address.Address != text || !address.Host.Contains('.', StringComparison.Ordinal))
        {
            throw new ValidationException(field, "is not an email address");
        }

        return text;
    }

    private static Consent ValidConsent(Consent? consent, DateTimeOffset now)
    {
        if (consent is null)
        {
            throw new ValidationException("consent", "is required: accreditation is voluntary and needs the candidate's consent");
        }

        if (!consent.AssessmentConsent)
        {
            throw new ValidationException("consent.assessment_consent", "must be true: nobody is enrolled without consenting to assessment");
        }

        var consentedAt = Require.Time("consent.consented_at", consent.ConsentedAt);

        if (consentedAt > now + AllowedClockSkew)
        {
            throw new ValidationException("consent.consented_at", "must not be in the future");
        }

        var version = Text("consent.consent_text_version", consent.ConsentTextVersion);
        var valid = consent.Clone();
        valid.ConsentTextVersion = version;
        return valid;
    }

    private static EqualityMonitoring ValidEquality(EqualityMonitoring answers)
    {
        Defined("equality_monitoring.age_band", answers.AgeBand);
        Defined("equality_monitoring.ethnic_group", answers.EthnicGroup);
        Defined("equality_monitoring.sex", answers.Sex);
        Defined("equality_monitoring.disability", answers.Disability);
        return answers.Clone();
    }

    private static void Defined<T>(string field, T value)
        where T : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            throw new ValidationException(field, "is not one of the listed answers");
        }
    }

    private static string Truncate(string value) => value.Length <= 20 ? value : value[..20] + "…";
}
