using System.Globalization;
using Accreditation.Contracts.Common.V1;
using Accreditation.Contracts.Enrolment.V1;
using Google.Protobuf.WellKnownTypes;

namespace Accreditation.Enrolment.Tests.Api;

/// <summary>Valid requests to start from; tests change the field under test.</summary>
internal static class Requests
{
    private static int _next = 100_000;

    /// <summary>A registration number no other test uses.</summary>
    public static string NewRegistrationNumber() => "SW" + Interlocked.Increment(ref _next).ToString(CultureInfo.InvariantCulture);

    public static EnrolCandidateRequest Enrol(string authority, string? registrationNumber = null, Role role = Role.ChildAndFamilyPractitioner) => new()
    {
        ClientRequestId = Guid.NewGuid().ToString(),
        RegistrationNumber = registrationNumber ?? NewRegistrationNumber(),
        GivenName = "Asha",
        FamilyName = "Patel",
        WorkEmail = "asha.patel@council.example.gov.uk",
        Role = role,
        EmployingAuthorityCode = authority,
        HrReference = "HR-1001",
        Consent = new Consent
        {
            AssessmentConsent = true,
            ConsentedAt = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddDays(-1)),
            ConsentTextVersion = "2018-06",
            FilmingConsent = true,
        },
    };

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
