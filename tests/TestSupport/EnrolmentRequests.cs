using System.Globalization;
using Accreditation.Contracts.Common.V1;
using Accreditation.Contracts.Enrolment.V1;
using Google.Protobuf.WellKnownTypes;

namespace Accreditation.TestSupport;

/// <summary>
/// Valid council HR requests to start from; tests change the field under test. Registration
/// numbers the tests make have 5 digits (SW10001 upwards), so they never collide with each other
/// nor with accredit simulate's 6-digit numbers.
/// </summary>
public static class EnrolmentRequests
{
    private static int _next = 10_000;

    /// <summary>A registration number no other test in this process uses.</summary>
    public static string NewRegistrationNumber() => "SW" + Interlocked.Increment(ref _next).ToString(CultureInfo.InvariantCulture);

    public static EnrolCandidateRequest Enrol(
        string authority,
        string? registrationNumber = null,
        Role role = Role.ChildAndFamilyPractitioner,
        EqualityMonitoring? equalityMonitoring = null)
    {
        var number = registrationNumber ?? NewRegistrationNumber();
        var request = new EnrolCandidateRequest
        {
            ClientRequestId = Guid.NewGuid().ToString(),
            RegistrationNumber = number,
            GivenName = "Asha",
            FamilyName = "Patel",
            WorkEmail = $"{number.ToLowerInvariant()}@council.example.gov.uk",
            Role = role,
            EmployingAuthorityCode = authority,
            HrReference = "HR-" + number,
            Consent = new Consent
            {
                AssessmentConsent = true,
                ConsentedAt = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddDays(-1)),
                ConsentTextVersion = "2018-06",
                FilmingConsent = true,
            },
        };
        if (equalityMonitoring is not null)
        {
            request.EqualityMonitoring = equalityMonitoring;
        }

        return request;
    }

    public static EndorseEnrolmentRequest Endorse(string enrolmentId) => new()
    {
        ClientRequestId = Guid.NewGuid().ToString(),
        EnrolmentId = enrolmentId,
        EndorserName = "Sam Jones",
        EndorserJobTitle = "Team manager",
    };

    public static WithdrawEnrolmentRequest Withdraw(string enrolmentId) => new()
    {
        ClientRequestId = Guid.NewGuid().ToString(),
        EnrolmentId = enrolmentId,
        Reason = "Personal circumstances",
    };

    public static MoveEnrolmentRequest Move(string enrolmentId, string to) => new()
    {
        ClientRequestId = Guid.NewGuid().ToString(),
        EnrolmentId = enrolmentId,
        NewAuthorityCode = to,
        NewHrReference = "NEW-77",
    };
}
