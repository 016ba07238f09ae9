using Accreditation.Contracts;
using Accreditation.Contracts.Common.V1;
using Accreditation.Contracts.Enrolment.V1;
using Accreditation.Contracts.Events.V1;
using Accreditation.Contracts.Reporting.V1;
using Accreditation.RegulatorReporting.Api;
using Accreditation.TestSupport;

namespace Accreditation.RegulatorReporting.Tests.Api.Evaluation;

/// <summary>
/// A Reporting host with the evaluation's client, and a seeded phase-1 practitioner cohort:
/// Bury 6 accredited (practice passed on day 20; age 30 to 39), Leeds 5 who failed the knowledge
/// test (age 50 to 59), Wigan 2 endorsed only (no equality answers). Wigan's 2 is under 5 and
/// Leeds (the next smallest authority) is hidden with it, so the total cannot give Wigan away.
/// </summary>
public abstract class EvaluationApiTestBase(RedisFixture redis) : ReportingApiTestBase(redis)
{
    protected static readonly LocalAuthorityRef Leeds = new() { GssCode = Authorities.Leeds, LaNumber = "383", Name = "Leeds" };

    protected EvaluationService.EvaluationServiceClient EvaluationClient => new(Invoker("dfe-evaluation", ReportingScopes.Evaluation));

    protected static string EvaluationToken() => Token("dfe-evaluation", null, ReportingScopes.Evaluation);

    protected async Task SeedAsync()
    {
        for (var i = 0; i < 6; i++)
        {
            var c = await AccreditedAsync(practiceDay: 20);
            await RecordEqualityAsync(c, AgeBand._30To39);
        }

        for (var i = 0; i < 5; i++)
        {
            var c = await InProgressAsync(authority: Leeds);
            await DeliverAsync(c.KnowledgeTest(10, false));
            await RecordEqualityAsync(c, AgeBand._50To59);
        }

        for (var i = 0; i < 2; i++)
        {
            await InProgressAsync(authority: Wigan);
        }
    }

    protected Task RecordEqualityAsync(Candidate c, AgeBand age) =>
        DeliverAsync(Topics.EqualityMonitoringRecorded, new EqualityMonitoringRecorded
        {
            EventId = Guid.NewGuid().ToString(),
            OccurredAt = Day(0),
            EnrolmentId = c.EnrolmentId,
            RegistrationNumber = c.RegistrationNumber,
            Role = c.Role,
            Authority = c.Authority,
            EqualityMonitoring = new EqualityMonitoring { AgeBand = age, EthnicGroup = EthnicGroup.White, Sex = Sex.Female, Disability = Disability.No },
        });

    protected static GetGroupGapsRequest AgeBands() => new() { Phase = "phase-1", Role = Role.ChildAndFamilyPractitioner, Dimension = EqualityDimension.AgeBand };
}
