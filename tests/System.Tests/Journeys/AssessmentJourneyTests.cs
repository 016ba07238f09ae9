using Accreditation.BuildingBlocks.Auth;
using Accreditation.Cli.Bank;
using Accreditation.Contracts.Common.V1;
using Accreditation.Contracts.Events.V1;
using Accreditation.Contracts.Enrolment.V1;
using Accreditation.Contracts.Observation.V1;
using Accreditation.Contracts.Reporting.V1;
using Accreditation.Contracts.Testing.V1;
using Accreditation.Cli.Practice;
using Accreditation.System.Tests.Support;
using Accreditation.TestSupport;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace Accreditation.System.Tests.Journeys;

/// <summary>
/// One candidate through both halves of the assessment across every process: enrolled and endorsed
/// in Enrolment; eligible in Testing and Observation through the sidecars and the broker; passes
/// the knowledge test and simulated practice; the subscriber receives both completions; Reporting
/// accredits the candidate, the regulator sees it and the employer's HR view shows it.
/// </summary>
[Collection(SystemGroup.Name)]
public sealed class AssessmentJourneyTests(SystemUnderTest system)
{
    private const string Assessor = "assessor-journey-manchester";

    /// <summary>Second marker, for when the session is drawn into the moderation sample.</summary>
    private const string SecondAssessor = "assessor-journey-wigan";

    [Fact]
    public async Task Candidate_PassesKnowledgeTestAndSimulatedPractice_BothCompletionsPublishedOnce()
    {
        var leeds = system.EnrolmentClient(Authorities.Leeds);
        var enrolment = (await leeds.EnrolCandidateAsync(EnrolmentRequests.Enrol(Authorities.Leeds))).Enrolment;
        await leeds.EndorseEnrolmentAsync(EnrolmentRequests.Endorse(enrolment.EnrolmentId));

        var sittingId = await PassKnowledgeTestAsync(enrolment.EnrolmentId);
        var sessionId = await PassSimulatedPracticeAsync(enrolment.EnrolmentId);

        var knowledge = Assert.Single((await system.WaitForEventsAsync<KnowledgeTestCompleted>(e => e.SittingId == sittingId)).Select(d => d.Message));
        var practice = Assert.Single((await system.WaitForEventsAsync<SimulatedPracticeCompleted>(e => e.SessionId == sessionId)).Select(d => d.Message));
        Assert.Equal(AssessmentOutcome.Passed, knowledge.Outcome);
        Assert.Equal(AssessmentOutcome.Passed, practice.Outcome);
        Assert.Equal((enrolment.EnrolmentId, enrolment.RegistrationNumber, 1), (practice.EnrolmentId, practice.RegistrationNumber, practice.AttemptNumber));
        Assert.Equal(Authorities.Leeds, practice.Authority.GssCode);
        Assert.Single(system.Probe.Of<SimulatedPracticeCompleted>(e => e.EnrolmentId == enrolment.EnrolmentId));

        // The system does its job: the regulator sees the candidate accredited on the date of the later
        // pass, the award is announced once, and the employer's HR view shows it.
        var regulator = new RegulatorService.RegulatorServiceClient(system.AuthorisedAs(system.Reporting, "swe-register", Scopes.Regulator));
        var status = await Eventually.WaitForAsync(
            async () => (await regulator.GetAccreditationStatusAsync(new GetAccreditationStatusRequest { RegistrationNumber = enrolment.RegistrationNumber })).Status,
            s => s.Status == AccreditationStatus.Accredited,
            "the regulator to see the candidate accredited");
        var laterPass = new[] { knowledge.OccurredAt.ToDateTimeOffset(), practice.OccurredAt.ToDateTimeOffset() }.Max();
        var role = Assert.Single(status.Roles);
        Assert.Equal((Role.ChildAndFamilyPractitioner, AccreditationStatus.Accredited), (role.Role, role.Status));
        Assert.Equal(laterPass, role.AccreditedAt.ToDateTimeOffset());
        var award = Assert.Single(await system.WaitForEventsAsync<AccreditationAwarded>(e => e.EnrolmentId == enrolment.EnrolmentId));
        Assert.Equal(laterPass, award.Message.AccreditedAt.ToDateTimeOffset());
        var hrView = await Eventually.WaitForAsync(
            async () => (await leeds.GetEnrolmentAsync(new GetEnrolmentRequest { EnrolmentId = enrolment.EnrolmentId })).Enrolment,
            e => e.Accreditation is not null,
            "the HR view to show the accreditation");
        Assert.Equal(laterPass, hrView.Accreditation.AccreditedAt.ToDateTimeOffset());
        var withdrawal = await Assert.ThrowsAsync<RpcException>(() => leeds.WithdrawEnrolmentAsync(EnrolmentRequests.Withdraw(enrolment.EnrolmentId)).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, withdrawal.StatusCode);
    }

    private async Task<string> PassKnowledgeTestAsync(string enrolmentId)
    {
        var bank = new QuestionBankService.QuestionBankServiceClient(system.Authorised(system.Testing, Scopes.BankAdmin, null));
        var delivery = new TestDeliveryService.TestDeliveryServiceClient(system.Authorised(system.Testing, Scopes.TestDelivery, null));
        await bank.ImportItemsAsync(SampleBank.Create());
        var request = new BookSittingRequest
        {
            ClientRequestId = Guid.NewGuid().ToString(),
            EnrolmentId = enrolmentId,
            SlotStart = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow),
            Mode = DeliveryMode.Online,
        };
        var booked = await WhenEligibleAsync(() => delivery.BookSittingAsync(request).ResponseAsync, "Testing to accept the booking");
        var started = await delivery.StartSittingAsync(new StartSittingRequest { SittingId = booked.Sitting.SittingId });
        var answers = new SaveAnswersRequest { SittingId = booked.Sitting.SittingId };
        foreach (var item in started.Items)
        {
            var keys = (await bank.GetItemAsync(new GetItemRequest { ItemId = item.ItemId })).Item.Keys;
            answers.Answers.Add(new Answer { Position = item.Position, SelectedOptionIds = { keys } });
        }

        await delivery.SaveAnswersAsync(answers);
        await delivery.SubmitSittingAsync(new SubmitSittingRequest { SittingId = booked.Sitting.SittingId });
        return booked.Sitting.SittingId;
    }

    private async Task<string> PassSimulatedPracticeAsync(string enrolmentId)
    {
        var admin = new ScenarioAdminService.ScenarioAdminServiceClient(system.Authorised(system.Observation, Scopes.ObservationScenarioAdmin, null));
        var registry = new RegistryService.RegistryServiceClient(system.Authorised(system.Observation, Scopes.ObservationScenarioAdmin, null));
        var scheduling = new SchedulingService.SchedulingServiceClient(system.Authorised(system.Observation, Scopes.ObservationScheduling, null));
        await admin.ImportScenariosAsync(SampleScenarios.Create());
        foreach (var (id, employer) in new[] { (Assessor, Authorities.Manchester), (SecondAssessor, Authorities.Wigan) })
        {
            await registry.RegisterAssessorAsync(new RegisterAssessorRequest
            {
                ClientRequestId = "register-" + id,
                Assessor = new Contracts.Observation.V1.Assessor
                {
                    AssessorId = id,
                    DisplayName = "Journey assessor " + id,
                    EmployingAuthorityCode = employer,
                    Active = true,
                    Roles = { Role.ChildAndFamilyPractitioner, Role.PracticeSupervisor },
                },
            });
        }
        foreach (var actor in new[] { "journey-actor-1", "journey-actor-2" })
        {
            await registry.RegisterActorAsync(new RegisterActorRequest { ClientRequestId = "register-" + actor, Actor = new Actor { ActorId = actor, DisplayName = actor, Active = true } });
        }

        var request = new ScheduleSessionRequest
        {
            ClientRequestId = Guid.NewGuid().ToString(),
            EnrolmentId = enrolmentId,
            SlotStart = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow),
            Location = "Leeds assessment centre",
            AssessorId = Assessor,
        };
        var session = (await WhenEligibleAsync(() => scheduling.ScheduleSessionAsync(request).ResponseAsync, "Observation to accept the scheduling")).Session;

        var marked = await MarkAsync(Assessor, session.SessionId);
        if (marked.State == SessionState.AwaitingSecondMarking)
        {
            // Drawn into the moderation sample: a second assessor from an unconnected authority agrees.
            var moderation = new ModerationService.ModerationServiceClient(system.AuthorisedAs(system.Observation, "journey-moderator", Scopes.ObservationModerator));
            await moderation.AssignSecondAssessorAsync(new AssignSecondAssessorRequest { SessionId = session.SessionId, AssessorId = SecondAssessor });
            marked = await MarkAsync(SecondAssessor, session.SessionId);
        }

        Assert.Equal(SessionState.Completed, marked.State);
        return session.SessionId;
    }

    /// <summary>Submits every criterion at 4 with evidence, as <paramref name="assessorId"/>.</summary>
    private async Task<Session> MarkAsync(string assessorId, string sessionId)
    {
        var assessor = new ScoringService.ScoringServiceClient(system.AuthorisedAs(system.Observation, assessorId, Scopes.ObservationAssessor));
        var view = (await assessor.GetAssignedSessionAsync(new GetAssignedSessionRequest { SessionId = sessionId })).Session;
        var scores = view.Components.SelectMany(c => c.Criteria.Select(k => new CriterionScore
        {
            ComponentId = c.ComponentId,
            CriterionId = k.CriterionId,
            Score = 4,
            Evidence = "Clear, purposeful work with the family, evidenced throughout",
        }));
        return (await assessor.SubmitScoresAsync(new SubmitScoresRequest { SessionId = sessionId, Scores = { scores } })).Session;
    }

    /// <summary>Calls until the service has heard of the endorsement (FAILED_PRECONDITION until then), with a deadline.</summary>
    private static async Task<T> WhenEligibleAsync<T>(Func<Task<T>> call, string what)
        where T : class =>
        await Eventually.WaitForAsync(
            async () =>
            {
                try
                {
                    return await call();
                }
                catch (RpcException e) when (e.StatusCode == StatusCode.FailedPrecondition)
                {
                    return null;
                }
            },
            answer => answer is not null,
            what) ?? throw new InvalidOperationException("unreachable");
}
