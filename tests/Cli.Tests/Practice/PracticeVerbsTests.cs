using Accreditation.Cli.Tests.Support;
using Accreditation.Contracts.Common.V1;
using Accreditation.Contracts.Observation.V1;
using Accreditation.Cli.Practice;
using Google.Protobuf.WellKnownTypes;

namespace Accreditation.Cli.Tests.Practice;

/// <summary>The simulated-practice verbs against a fake Observation in process: what they send, as whom, and what they print.</summary>
public sealed class PracticeVerbsTests
{
    private const string Observation = "/accreditation.observation.v1.";

    private static string[][] Rows(string output) =>
        [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))];

    private static (string Scope, string Subject) Claims(string? token)
    {
        var claims = Jwt.Payload(token!);
        return (claims.GetProperty("scope").GetString()!, claims.GetProperty("sub").GetString()!);
    }

    /// <summary>A session as its assessor sees it: two components with three criteria between them.</summary>
    private static Session Assigned(SessionState state = SessionState.Scheduled) => new()
    {
        SessionId = "s-1",
        EnrolmentId = "e-1",
        State = state,
        AttemptNumber = 1,
        FirstAssessorId = "asha-khan",
        Components =
        {
            new Component
            {
                ComponentId = "simulation-1",
                Title = "A home visit with a parent",
                Criteria = { new Criterion { CriterionId = "C1", Description = "Builds a working relationship" }, new Criterion { CriterionId = "C2", Description = "Communicates clearly" } },
            },
            new Component { ComponentId = "written", Title = "Written assessment", Criteria = { new Criterion { CriterionId = "C1", Description = "Summarises accurately" } } },
        },
    };

    [Fact]
    public async Task RunAsync_ScenarioSeed_SendsTheSampleSetAsTheScenarioAdmin()
    {
        var services = new FakeGrpcHandler { Respond = path => path.EndsWith("/ImportScenarios", StringComparison.Ordinal) ? new ImportScenariosResponse { Created = 10 } : null };

        var run = await CliRun.RunAsync(["scenario-seed"], services: services);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("\"created\": 10", run.Output, StringComparison.Ordinal);
        Assert.Equal(SampleScenarios.Create(), Assert.Single(services.Sent<ImportScenariosRequest>("ImportScenarios")));
        Assert.Equal(Observation + "ScenarioAdminService/ImportScenarios", Assert.Single(services.Paths));
        Assert.Equal(("observation.scenario-admin", Subjects.ScenarioAdmin), Claims(services.BearerTokens[0]));
        Assert.Equal(new Uri(GlobalOptions.DefaultObservationUrl).Authority, services.Requests[0].RequestUri!.Authority);
    }

    [Fact]
    public async Task RunAsync_ScenarioSeedTwice_TheSameRequestSoTheSecondIsARetry()
    {
        var services = new FakeGrpcHandler { Respond = _ => new ImportScenariosResponse() };

        await CliRun.RunAsync(["scenario-seed"], services: services);
        await CliRun.RunAsync(["scenario-seed"], services: services);

        var sent = services.Sent<ImportScenariosRequest>("ImportScenarios");
        Assert.Equal(sent[0], sent[1]);
        Assert.Equal(Claims(services.BearerTokens[0]), Claims(services.BearerTokens[1]));
    }

    [Fact]
    public async Task RunAsync_Scenarios_BothRolesInOneTable()
    {
        var services = new FakeGrpcHandler
        {
            RespondTo = (path, body) =>
            {
                if (!path.EndsWith("/ListScenarios", StringComparison.Ordinal))
                {
                    return null;
                }

                var role = ListScenariosRequest.Parser.ParseFrom(body).Role;
                var response = new ListScenariosResponse();
                response.Scenarios.AddRange((role == Role.PracticeSupervisor ? SampleScenarios.PracticeSupervisor() : SampleScenarios.Practitioner()).Take(1)
                    .Select(s => { var v = s.Clone(); v.Version = 1; v.Status = ScenarioStatus.Active; return v; }));
                return response;
            },
        };

        var run = await CliRun.RunAsync(["scenarios"], services: services);

        Assert.True(run.ExitCode == 0, run.ToString());
        var rows = Rows(run.Output);
        Assert.Equal(["scenario", "version", "role", "kind", "status", "criteria", "KSS", "title"], rows[0]);
        Assert.Equal(["CFP-SIM-HOME-VISIT", "1", "ChildAndFamilyPractitioner", "Simulation", "Active", "5", "1,2,4,5,6", "A", "home", "visit", "with", "a", "parent"], rows[1]);
        Assert.Equal("PS-SIM-SUPERVISION", rows[2][0]);
        Assert.Equal("2 scenarios", string.Join(' ', rows[3]));
        Assert.Equal([Role.ChildAndFamilyPractitioner, Role.PracticeSupervisor], services.Sent<ListScenariosRequest>("ListScenarios").Select(r => r.Role));
    }

    [Fact]
    public async Task RunAsync_ScenariosOfARoleAndKind_OneRequestForThem()
    {
        var services = new FakeGrpcHandler { Respond = _ => new ListScenariosResponse() };

        var run = await CliRun.RunAsync(["scenarios", "--role", "supervisor", "--kind", "written"], services: services);

        Assert.True(run.ExitCode == 0, run.ToString());
        var request = Assert.Single(services.Sent<ListScenariosRequest>("ListScenarios"));
        Assert.Equal((Role.PracticeSupervisor, ComponentKind.Written), (request.Role, request.Kind));
    }

    [Fact]
    public async Task RunAsync_AssessorRegister_TheRegistrationAsGiven()
    {
        var services = new FakeGrpcHandler { RespondTo = (path, body) => new RegisterAssessorResponse { Assessor = RegisterAssessorRequest.Parser.ParseFrom(body).Assessor } };

        var run = await CliRun.RunAsync(
            ["assessor-register", "--assessor", "asha-khan", "--name", "Asha Khan", "--authority", "E08000003", "--roles", "supervisor",
             "--previous-employment", "E08000002:2019-04-01:2024-03-31", "--request-id", "r-1"],
            services: services);

        Assert.True(run.ExitCode == 0, run.ToString());
        var request = Assert.Single(services.Sent<RegisterAssessorRequest>("RegisterAssessor"));
        Assert.Equal("r-1", request.ClientRequestId);
        Assert.Equal(("asha-khan", "Asha Khan", "E08000003", true), (request.Assessor.AssessorId, request.Assessor.DisplayName, request.Assessor.EmployingAuthorityCode, request.Assessor.Active));
        Assert.Equal([Role.PracticeSupervisor], request.Assessor.Roles);
        var period = Assert.Single(request.Assessor.PreviousEmployment);
        Assert.Equal(("E08000002", new DateTimeOffset(2024, 3, 31, 0, 0, 0, TimeSpan.Zero)), (period.AuthorityCode, period.To.ToDateTimeOffset()));
        Assert.Contains("\"assessorId\": \"asha-khan\"", run.Output, StringComparison.Ordinal);
        Assert.Equal(Observation + "RegistryService/RegisterAssessor", services.Paths[0]);
    }

    [Fact]
    public async Task RunAsync_AssessorRegisterWithoutAuthorityOrRoles_IndependentForBothRoles()
    {
        var services = new FakeGrpcHandler { Respond = _ => new RegisterAssessorResponse { Assessor = new Assessor() } };

        await CliRun.RunAsync(["assessor-register", "--assessor", "sam", "--name", "Sam", "--inactive"], services: services);

        var request = Assert.Single(services.Sent<RegisterAssessorRequest>("RegisterAssessor"));
        Assert.Equal("", request.Assessor.EmployingAuthorityCode);
        Assert.Equal([Role.ChildAndFamilyPractitioner, Role.PracticeSupervisor], request.Assessor.Roles);
        Assert.False(request.Assessor.Active);
        Assert.True(Guid.TryParse(request.ClientRequestId, out _));
    }

    [Fact]
    public async Task RunAsync_Assessors_ATableInIdOrder()
    {
        var services = new FakeGrpcHandler
        {
            Respond = _ => new ListAssessorsResponse
            {
                Assessors =
                {
                    new Assessor { AssessorId = "sam", DisplayName = "Sam Lee", Roles = { Role.PracticeSupervisor }, Active = false },
                    new Assessor
                    {
                        AssessorId = "asha", DisplayName = "Asha Khan", EmployingAuthorityCode = "E08000003", Roles = { Role.ChildAndFamilyPractitioner, Role.PracticeSupervisor }, Active = true,
                        PreviousEmployment = { new EmploymentPeriod { AuthorityCode = "E08000002", From = Timestamp.FromDateTimeOffset(new DateTimeOffset(2019, 4, 1, 0, 0, 0, TimeSpan.Zero)), To = Timestamp.FromDateTimeOffset(new DateTimeOffset(2024, 3, 31, 0, 0, 0, TimeSpan.Zero)) } },
                    },
                },
            },
        };

        var run = await CliRun.RunAsync(["assessors"], services: services);

        Assert.True(run.ExitCode == 0, run.ToString());
        var rows = Rows(run.Output);
        Assert.Equal(["assessor", "authority", "roles", "active", "previous", "name"], rows[0]);
        Assert.Equal(["asha", "E08000003", "practitioner,supervisor", "yes", "E08000002:2019-04-01:2024-03-31", "Asha", "Khan"], rows[1]);
        Assert.Equal(["sam", "independent", "supervisor", "no", "-", "Sam", "Lee"], rows[2]);
        Assert.Equal("2 assessors", string.Join(' ', rows[3]));
    }

    [Fact]
    public async Task RunAsync_ActorRegisterAndActors_RegistrationSentAndListed()
    {
        var services = new FakeGrpcHandler
        {
            RespondTo = (path, body) => path.EndsWith("/RegisterActor", StringComparison.Ordinal)
                ? new RegisterActorResponse { Actor = RegisterActorRequest.Parser.ParseFrom(body).Actor }
                : new ListActorsResponse { Actors = { new Actor { ActorId = "actor-1", DisplayName = "Kelly Carter", Active = true } } },
        };

        var register = await CliRun.RunAsync(["actor-register", "--actor", "actor-1", "--name", "Kelly Carter"], services: services);
        var list = await CliRun.RunAsync(["actors"], services: services);

        Assert.True(register.ExitCode == 0, register.ToString());
        var actor = Assert.Single(services.Sent<RegisterActorRequest>("RegisterActor")).Actor;
        Assert.Equal(("actor-1", "Kelly Carter", true), (actor.ActorId, actor.DisplayName, actor.Active));
        Assert.Equal(["actor-1", "yes", "0", "Kelly", "Carter"], Rows(list.Output)[1]);
        Assert.All(services.BearerTokens, t => Assert.Equal(("observation.scenario-admin", Subjects.ScenarioAdmin), Claims(t)));
    }

    [Fact]
    public async Task RunAsync_Schedule_TheRequestAsTheBookingSystem()
    {
        var services = new FakeGrpcHandler { Respond = _ => new ScheduleSessionResponse { Session = Assigned() } };

        var run = await CliRun.RunAsync(
            ["schedule", "--enrolment", "e-1", "--assessor", "asha-khan", "--location", "Leeds assessment centre", "--slot", "2030-03-01T09:30:00Z", "--request-id", "r-2"],
            new Dictionary<string, string> { [GlobalOptions.ObservationUrlVariable] = "http://observation.example.test:5020" },
            services);

        Assert.True(run.ExitCode == 0, run.ToString());
        var request = Assert.Single(services.Sent<ScheduleSessionRequest>("ScheduleSession"));
        Assert.Equal(("r-2", "e-1", "asha-khan", "Leeds assessment centre"), (request.ClientRequestId, request.EnrolmentId, request.AssessorId, request.Location));
        Assert.Equal(new DateTimeOffset(2030, 3, 1, 9, 30, 0, TimeSpan.Zero), request.SlotStart.ToDateTimeOffset());
        Assert.Equal("http://observation.example.test:5020/accreditation.observation.v1.SchedulingService/ScheduleSession", services.Requests[0].RequestUri!.ToString());
        Assert.Equal(("observation.scheduling", Subjects.Scheduling), Claims(services.BearerTokens[0]));
        Assert.Contains("\"sessionId\": \"s-1\"", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_ScheduleWithoutSlotOrAssessor_NowAndTheServicePicks()
    {
        var services = new FakeGrpcHandler { Respond = _ => new ScheduleSessionResponse { Session = Assigned() } };
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);

        await CliRun.RunAsync(["schedule", "--enrolment", "e-1"], services: services);

        var request = Assert.Single(services.Sent<ScheduleSessionRequest>("ScheduleSession"));
        Assert.Equal("", request.AssessorId);
        Assert.InRange(request.SlotStart.ToDateTimeOffset(), before, DateTimeOffset.UtcNow);
        Assert.Equal("Manchester assessment centre, room 2", request.Location);
    }

    [Fact]
    public async Task RunAsync_SessionAndOutcome_TheBookingSystemsViews()
    {
        var services = new FakeGrpcHandler
        {
            Respond = path => path.EndsWith("/GetSession", StringComparison.Ordinal)
                ? new GetSessionResponse { Session = Assigned(SessionState.Completed) }
                : new GetSessionOutcomeResponse { SessionId = "s-1", EnrolmentId = "e-1", AttemptNumber = 1, Outcome = new SessionOutcome { Outcome = AssessmentOutcome.Passed } },
        };

        var session = await CliRun.RunAsync(["session", "--session", "s-1"], services: services);
        var outcome = await CliRun.RunAsync(["outcome", "--session", "s-1"], services: services);

        Assert.Contains("\"state\": \"SESSION_STATE_COMPLETED\"", session.Output, StringComparison.Ordinal);
        Assert.Contains("\"outcome\": \"ASSESSMENT_OUTCOME_PASSED\"", outcome.Output, StringComparison.Ordinal);
        Assert.Equal([Observation + "SchedulingService/GetSession", Observation + "SchedulingService/GetSessionOutcome"], services.Paths);
        Assert.Equal("s-1", services.Sent<GetSessionOutcomeRequest>("GetSessionOutcome")[0].SessionId);
        Assert.All(services.BearerTokens, t => Assert.Equal(("observation.scheduling", Subjects.Scheduling), Claims(t)));
    }

    [Fact]
    public async Task RunAsync_Score_EveryCriterionSavedWithEvidenceThenSubmittedAsTheAssessor()
    {
        var services = new FakeGrpcHandler
        {
            Respond = path => path[(path.LastIndexOf('/') + 1)..] switch
            {
                "GetAssignedSession" => new GetAssignedSessionResponse { Session = Assigned() },
                "SaveScores" => new SaveScoresResponse { Session = Assigned() },
                "SubmitScores" => new SubmitScoresResponse { Session = Assigned(SessionState.AwaitingSecondMarking) },
                _ => null,
            },
        };

        var run = await CliRun.RunAsync(["score", "--session", "s-1", "--assessor", "asha-khan", "--ability", "1", "--note", "Observed live."], services: services);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(
            [Observation + "ScoringService/GetAssignedSession", Observation + "ScoringService/SaveScores", Observation + "ScoringService/SubmitScores"],
            services.Paths);
        var saved = Assert.Single(services.Sent<SaveScoresRequest>("SaveScores"));
        Assert.Equal([("simulation-1", "C1"), ("simulation-1", "C2"), ("written", "C1")], saved.Scores.Select(s => (s.ComponentId, s.CriterionId)));
        Assert.All(saved.Scores, s => Assert.InRange(s.Score, 3, 4));
        Assert.All(saved.Scores, s => Assert.StartsWith("Observed live. ", s.Evidence, StringComparison.Ordinal));
        Assert.Equal("s-1", Assert.Single(services.Sent<SubmitScoresRequest>("SubmitScores")).SessionId);
        Assert.All(services.BearerTokens, t => Assert.Equal(("observation.assessor", "asha-khan"), Claims(t)));
        Assert.Matches(@"^submitted 3 scores over 2 components as asha-khan, mean [34]\.\d\d; session AwaitingSecondMarking$", run.Output.Split('\n')[0]);
    }

    [Fact]
    public async Task RunAsync_ScoreDraft_SavedNotSubmitted()
    {
        var services = new FakeGrpcHandler
        {
            Respond = path => path.EndsWith("/GetAssignedSession", StringComparison.Ordinal) ? new GetAssignedSessionResponse { Session = Assigned() }
                : path.EndsWith("/SaveScores", StringComparison.Ordinal) ? new SaveScoresResponse { Session = Assigned() }
                : null,
        };

        var run = await CliRun.RunAsync(["score", "--session", "s-1", "--assessor", "asha-khan", "--draft", "--seed", "3"], services: services);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Empty(services.Sent<SubmitScoresRequest>("SubmitScores"));
        Assert.StartsWith("saved 3 scores over 2 components as asha-khan", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_ScoreSameSeed_SameScores()
    {
        var services = new FakeGrpcHandler
        {
            Respond = path => path.EndsWith("/GetAssignedSession", StringComparison.Ordinal) ? new GetAssignedSessionResponse { Session = Assigned() } : new SaveScoresResponse { Session = Assigned() },
        };

        await CliRun.RunAsync(["score", "--session", "s-1", "--assessor", "a", "--draft", "--seed", "3", "--ability", "0.5"], services: services);
        await CliRun.RunAsync(["score", "--session", "s-1", "--assessor", "a", "--draft", "--seed", "3", "--ability", "0.5"], services: services);

        var saved = services.Sent<SaveScoresRequest>("SaveScores");
        Assert.Equal(saved[0].Scores, saved[1].Scores);
    }

    [Fact]
    public async Task RunAsync_ScoreNotAssigned_ExitCode1WithTheStatus()
    {
        var run = await CliRun.RunAsync(["score", "--session", "s-1", "--assessor", "a"], services: new FakeGrpcHandler());

        Assert.Equal(CliApp.Failed, run.ExitCode);
        Assert.Contains("accredit: NotFound", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_Moderation_TheQueueAsATable()
    {
        var waiting = Assigned(SessionState.AwaitingModeration);
        waiting.Role = Role.ChildAndFamilyPractitioner;
        waiting.SecondMarkingReason = SecondMarkingReason.Failing;
        waiting.SecondAssessorId = "sam-lee";
        var services = new FakeGrpcHandler { Respond = _ => new ListModerationQueueResponse { Sessions = { waiting } } };

        var run = await CliRun.RunAsync(["moderation"], services: services);

        Assert.True(run.ExitCode == 0, run.ToString());
        var rows = Rows(run.Output);
        Assert.Equal(["session", "enrolment", "role", "state", "attempt", "reason", "first", "second"], rows[0]);
        Assert.Equal(["s-1", "e-1", "ChildAndFamilyPractitioner", "AwaitingModeration", "1", "Failing", "asha-khan", "sam-lee"], rows[1]);
        Assert.Equal("1 sessions in the queue", string.Join(' ', rows[2]));
        Assert.Equal(("observation.moderator", Subjects.Moderator), Claims(services.BearerTokens[0]));
    }

    [Fact]
    public async Task RunAsync_ModerateDecideMean_TheMeanOfBothMarkingsWithTheRationale()
    {
        var moderationCase = Assigned(SessionState.AwaitingModeration);
        foreach (var (stage, scores) in new[] { (MarkingStage.First, new[] { 2, 4, 1 }), (MarkingStage.Second, new[] { 3, 4, 2 }) })
        {
            var marking = new Marking { Stage = stage, State = MarkingState.Submitted };
            marking.Scores.Add(new CriterionScore { ComponentId = "simulation-1", CriterionId = "C1", Score = scores[0], Evidence = "e" });
            marking.Scores.Add(new CriterionScore { ComponentId = "simulation-1", CriterionId = "C2", Score = scores[1], Evidence = "e" });
            marking.Scores.Add(new CriterionScore { ComponentId = "written", CriterionId = "C1", Score = scores[2], Evidence = "e" });
            moderationCase.Markings.Add(marking);
        }

        var services = new FakeGrpcHandler
        {
            Respond = path => path.EndsWith("/GetModerationCase", StringComparison.Ordinal) ? new GetModerationCaseResponse { Session = moderationCase }
                : path.EndsWith("/DecideModeration", StringComparison.Ordinal) ? new DecideModerationResponse { Session = Assigned(SessionState.Completed) }
                : null,
        };

        var run = await CliRun.RunAsync(["moderate", "--session", "s-1", "--decide", "mean", "--rationale", "Both markings weighed", "--moderator", "mo-1"], services: services);

        Assert.True(run.ExitCode == 0, run.ToString());
        var decision = Assert.Single(services.Sent<DecideModerationRequest>("DecideModeration"));
        Assert.Equal([3, 4, 2], decision.Scores.Select(s => s.Score));
        Assert.Equal(("s-1", "Both markings weighed"), (decision.SessionId, decision.Rationale));
        Assert.All(services.BearerTokens, t => Assert.Equal(("observation.moderator", "mo-1"), Claims(t)));
        Assert.Contains("SESSION_STATE_COMPLETED", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_ModerateSecondAssessor_AssignsThem()
    {
        var services = new FakeGrpcHandler { Respond = _ => new AssignSecondAssessorResponse { Session = Assigned(SessionState.AwaitingSecondMarking) } };

        var run = await CliRun.RunAsync(["moderate", "--session", "s-1", "--second-assessor", "sam-lee"], services: services);

        Assert.True(run.ExitCode == 0, run.ToString());
        var request = Assert.Single(services.Sent<AssignSecondAssessorRequest>("AssignSecondAssessor"));
        Assert.Equal(("s-1", "sam-lee"), (request.SessionId, request.AssessorId));
        Assert.Equal(Observation + "ModerationService/AssignSecondAssessor", Assert.Single(services.Paths));
    }

    [Fact]
    public async Task RunAsync_TokenForAnAssessor_TheAssessorAsSubject()
    {
        var run = await CliRun.RunAsync(["token", "--scope", "observation.assessor", "--subject", "asha-khan"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(("observation.assessor", "asha-khan"), Claims(run.Output.Trim()));
    }

    [Theory]
    [InlineData("enrolment.hr", "accredit-hr")]
    [InlineData("testing.delivery", "accredit-delivery")]
    [InlineData("observation.scheduling", "accredit-scheduling")]
    [InlineData("operations", "accredit-operations")]
    public async Task RunAsync_TokenWithoutSubject_AStableSubjectPerScope(string scope, string subject)
    {
        var run = await CliRun.RunAsync(["token", "--scope", scope]);

        Assert.Equal((scope, subject), Claims(run.Output.Trim()));
    }
}
