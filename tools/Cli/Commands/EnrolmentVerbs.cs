using Accreditation.Contracts.Common.V1;
using Accreditation.Contracts.Enrolment.V1;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;

namespace Accreditation.Cli.Commands;

/// <summary>enrol, endorse, withdraw, move, show and list: one call each to the Enrolment API, printing protobuf JSON.</summary>
internal static class EnrolmentVerbs
{
    private static readonly JsonFormatter Json = new(JsonFormatter.Settings.Default.WithIndentation());

    public static async Task<int> EnrolAsync(CliArguments args, Endpoints endpoints, TextWriter output)
    {
        var authority = args.Required("authority");
        var response = await endpoints.Enrolment(authority).EnrolCandidateAsync(new EnrolCandidateRequest
        {
            ClientRequestId = args.OrDefault("request-id", Guid.NewGuid().ToString()),
            RegistrationNumber = args.Required("registration-number"),
            GivenName = args.Required("given-name"),
            FamilyName = args.Required("family-name"),
            WorkEmail = args.Required("email"),
            Role = Parse.Role(args.OrDefault("role", "practitioner")),
            EmployingAuthorityCode = authority,
            HrReference = args.OrDefault("hr-reference", "CLI"),
            Consent = new Consent
            {
                AssessmentConsent = true,
                ConsentedAt = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow),
                ConsentTextVersion = args.OrDefault("consent-version", "2018-06"),
                FilmingConsent = args.Flag("filming-consent"),
            },
        });
        await output.WriteLineAsync(Json.Format(response.Enrolment));
        return 0;
    }

    public static async Task<int> EndorseAsync(CliArguments args, Endpoints endpoints, TextWriter output)
    {
        var response = await endpoints.Enrolment(args.Required("authority")).EndorseEnrolmentAsync(new EndorseEnrolmentRequest
        {
            ClientRequestId = args.OrDefault("request-id", Guid.NewGuid().ToString()),
            EnrolmentId = args.Required("enrolment"),
            EndorserName = args.Required("endorser-name"),
            EndorserJobTitle = args.OrDefault("endorser-title", "Practice supervisor"),
        });
        await output.WriteLineAsync(Json.Format(response.Enrolment));
        return 0;
    }

    public static async Task<int> WithdrawAsync(CliArguments args, Endpoints endpoints, TextWriter output)
    {
        var response = await endpoints.Enrolment(args.Required("authority")).WithdrawEnrolmentAsync(new WithdrawEnrolmentRequest
        {
            ClientRequestId = args.OrDefault("request-id", Guid.NewGuid().ToString()),
            EnrolmentId = args.Required("enrolment"),
            Reason = args.OrDefault("reason", "Withdrawn by the candidate"),
        });
        await output.WriteLineAsync(Json.Format(response.Enrolment));
        return 0;
    }

    public static async Task<int> MoveAsync(CliArguments args, Endpoints endpoints, TextWriter output)
    {
        var response = await endpoints.Enrolment(args.Required("authority")).MoveEnrolmentAsync(new MoveEnrolmentRequest
        {
            ClientRequestId = args.OrDefault("request-id", Guid.NewGuid().ToString()),
            EnrolmentId = args.Required("enrolment"),
            NewAuthorityCode = args.Required("to"),
            NewHrReference = args.OrDefault("hr-reference", "CLI"),
        });
        await output.WriteLineAsync(Json.Format(response.Enrolment));
        return 0;
    }

    public static async Task<int> ShowAsync(CliArguments args, Endpoints endpoints, TextWriter output)
    {
        var response = await endpoints.Enrolment(args.Required("authority")).GetEnrolmentAsync(new GetEnrolmentRequest
        {
            EnrolmentId = args.Required("enrolment"),
        });
        await output.WriteLineAsync(Json.Format(response.Enrolment));
        return 0;
    }

    public static async Task<int> ListAsync(CliArguments args, Endpoints endpoints, TextWriter output)
    {
        var client = endpoints.Enrolment(args.Required("authority"));
        var request = new ListEnrolmentsRequest
        {
            Role = Parse.Role(args.Optional("role")),
            State = Parse.State(args.Optional("state")),
            Page = new PageRequest { PageSize = args.Number("page-size", 100) },
        };
        var count = 0;
        do
        {
            var page = await client.ListEnrolmentsAsync(request);
            foreach (var e in page.Enrolments)
            {
                count++;
                await output.WriteLineAsync($"{e.EnrolmentId}  {e.RegistrationNumber,-8}  {e.Role,-26}  {e.State,-9}  {e.GivenName} {e.FamilyName}");
            }

            request.Page.PageToken = page.NextPageToken;
        }
        while (request.Page.PageToken.Length > 0);

        await output.WriteLineAsync($"{count} enrolments");
        return 0;
    }
}
