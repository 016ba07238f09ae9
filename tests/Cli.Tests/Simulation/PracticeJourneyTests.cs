using Accreditation.Cli.Practice;
using Accreditation.Cli.Simulation;
using Accreditation.Cli.Tests.Support;
using Accreditation.Contracts.Common.V1;
using Accreditation.Contracts.Observation.V1;

namespace Accreditation.Cli.Tests.Simulation;

/// <summary>A simulated candidate's simulated practice against a scripted Observation in process: the calls, as whom, and what is counted.</summary>
public sealed class PracticeJourneyTests
{
    private const string Bury = "E08000002";
    private static readonly string[] Authorities = [Bury, "E08000003"];

    private static async Task<(SimulationStats Stats, FakeObservation Fake)> RunAsync(IReadOnlyList<ScriptedSession> script, double ability = 0.9, int maxSessions = 3)
    {
        var fake = new FakeObservation(script);
        var stats = new SimulationStats();
        var options = new SimulationOptions("phase-1", Authorities, 1, 1, 7, 0) { MaxSessions = maxSessions, Patience = TimeSpan.FromSeconds(10) };
        using var endpoints = new Endpoints(
            new EndpointSettings(GlobalOptions.DefaultEnrolmentUrl, GlobalOptions.DefaultTestingUrl, GlobalOptions.DefaultObservationUrl, Endpoints.DevelopmentSigningKey, null),
            fake.Handler.Factory);
        var journey = new PracticeJourney(endpoints, options, stats);

        await journey.PrepareAsync(CancellationToken.None);
        await journey.RunAsync(Bury, Role.ChildAndFamilyPractitioner, "e-1", ability, 42, CancellationToken.None);
        return (stats, fake);
    }

    private static (string Scope, string Subject) Claims(string? token)
    {
        var claims = Jwt.Payload(token!);
        return (claims.GetProperty("scope").GetString()!, claims.GetProperty("sub").GetString()!);
    }

    private static Dictionary<Stage, int> Counts(SimulationStats stats) =>
        Enum.GetValues<Stage>().Where(s => stats.Count(Bury, s) > 0).ToDictionary(s => s, s => stats.Count(Bury, s));

    [Fact]
    public async Task PrepareAsync_Always_SeedsScenariosActorsAndThePool()
    {
        var (_, fake) = await RunAsync([new(AssessmentOutcome.Passed)]);

        var registered = fake.Handler.Sent<RegisterAssessorRequest>("RegisterAssessor").Select(r => r.Assessor.AssessorId);
        Assert.Equal(AssessorPool.For(Authorities, DateTimeOffset.UtcNow).Select(a => a.AssessorId), registered);
        Assert.Equal(PracticeJourney.Actors, fake.Handler.Sent<RegisterActorRequest>("RegisterActor").Count);
        Assert.Equal(SampleScenarios.Create(), Assert.Single(fake.Handler.Sent<ImportScenariosRequest>("ImportScenarios")));
        Assert.Equal(("observation.scenario-admin", Subjects.ScenarioAdmin), Claims(fake.Handler.BearerTokens[0]));
    }

    [Fact]
    public async Task RunAsync_PassedAtFirstMarking_ObservedAndPassedAfterWaitingForTheEndorsement()
    {
        var (stats, fake) = await RunAsync([new(AssessmentOutcome.Passed)]);

        Assert.Equal(new Dictionary<Stage, int> { [Stage.Observed] = 1, [Stage.PracticePassed] = 1 }, Counts(stats));
        Assert.Equal(
            ["ScheduleSession", "ScheduleSession", "GetAssignedSession", "SaveScores", "SubmitScores"],
            fake.Calls.SkipWhile(c => c != "ScheduleSession"));
        var schedule = fake.Handler.Sent<ScheduleSessionRequest>("ScheduleSession");
        Assert.Equal(schedule[0], schedule[1]);
        Assert.Equal("e-1", schedule[0].EnrolmentId);
        Assert.InRange(schedule[0].SlotStart.ToDateTimeOffset(), DateTimeOffset.UtcNow.AddMinutes(-2), DateTimeOffset.UtcNow);
        Assert.StartsWith(AssessorPool.Prefix, schedule[0].AssessorId, StringComparison.Ordinal);
        Assert.DoesNotContain(Bury, schedule[0].AssessorId, StringComparison.Ordinal);
        Assert.NotEqual("sim-assessor-E08000003-2", schedule[0].AssessorId);
        Assert.Equal([new PracticeSession(Bury, "e-1", "s-1", 1)], stats.Sessions);
        Assert.Equal(0, stats.ErrorCount);
    }

    [Fact]
    public async Task RunAsync_FirstMarkingScoredAsTheFirstAssessorWithEvidence()
    {
        var (_, fake) = await RunAsync([new(AssessmentOutcome.Passed)]);

        var first = fake.Handler.Sent<ScheduleSessionRequest>("ScheduleSession")[0].AssessorId;
        var paths = fake.Handler.Paths;
        var tokens = fake.Handler.BearerTokens;
        var scoring = Enumerable.Range(0, paths.Count).Where(i => paths[i].Contains("ScoringService", StringComparison.Ordinal)).ToList();
        Assert.All(scoring, i => Assert.Equal(("observation.assessor", first), Claims(tokens[i])));
        var saved = Assert.Single(fake.Handler.Sent<SaveScoresRequest>("SaveScores"));
        Assert.Equal(3, saved.Scores.Count);
        Assert.All(saved.Scores, s => Assert.False(string.IsNullOrWhiteSpace(s.Evidence)));
        Assert.All(
            Enumerable.Range(0, paths.Count).Where(i => paths[i].Contains("SchedulingService", StringComparison.Ordinal)),
            i => Assert.Equal(("observation.scheduling", Subjects.Scheduling), Claims(tokens[i])));
    }

    [Fact]
    public async Task RunAsync_FailedThenModeratedWithNoSecondAssessorPicked_ModeratorAssignsOneAndDecidesOnTheMean()
    {
        var far = DateTimeOffset.UtcNow.AddDays(28);
        var (stats, fake) = await RunAsync(
            [new(AssessmentOutcome.Failed, SecondMarking: true, Moderation: true), new(AssessmentOutcome.Passed, ResitFrom: far)],
            ability: 0.4);

        Assert.Equal(
            new Dictionary<Stage, int> { [Stage.Observed] = 1, [Stage.SecondMarked] = 1, [Stage.Moderated] = 1, [Stage.PracticeNotPassed] = 1 },
            Counts(stats));
        Assert.Equal(1, stats.Notes[PracticeJourney.ResitDeferred]);
        Assert.Equal(0, stats.ErrorCount);
        var first = fake.Handler.Sent<ScheduleSessionRequest>("ScheduleSession")[0].AssessorId;
        var second = Assert.Single(fake.Handler.Sent<AssignSecondAssessorRequest>("AssignSecondAssessor")).AssessorId;
        Assert.NotEqual(first, second);
        Assert.DoesNotContain(Bury, second, StringComparison.Ordinal);
        var submitted = fake.Handler.Sent<SubmitScoresRequest>("SubmitScores");
        Assert.Empty(submitted[0].Scores);
        Assert.Equal(3, submitted[1].Scores.Count);
        var decision = Assert.Single(fake.Handler.Sent<DecideModerationRequest>("DecideModeration"));
        var firstScores = Assert.Single(fake.Handler.Sent<SaveScoresRequest>("SaveScores")).Scores.Select(s => s.Score).ToList();
        var secondScores = submitted[1].Scores.Select(s => s.Score).ToList();
        Assert.Equal(firstScores.Zip(secondScores, (a, b) => (int)Math.Round((a + b) / 2.0, MidpointRounding.AwayFromZero)), decision.Scores.Select(s => s.Score));
        Assert.Equal(ModerationDecision.Rationale(ModerationBasis.Mean), decision.Rationale);
        Assert.Equal(
            ["GetAssignedSession", "SaveScores", "SubmitScores", "AssignSecondAssessor", "GetAssignedSession", "SubmitScores", "GetModerationCase", "DecideModeration", "ScheduleSession"],
            fake.Calls.SkipWhile(c => c != "GetAssignedSession"));
        var paths = fake.Handler.Paths;
        var tokens = fake.Handler.BearerTokens;
        var secondScoring = Enumerable.Range(0, paths.Count).Where(i => paths[i].EndsWith("/GetAssignedSession", StringComparison.Ordinal)).ToList();
        Assert.Equal([("observation.assessor", first), ("observation.assessor", second)], secondScoring.Select(i => Claims(tokens[i])));
        Assert.All(
            Enumerable.Range(0, paths.Count).Where(i => paths[i].Contains("ModerationService", StringComparison.Ordinal)),
            i => Assert.Equal(("observation.moderator", Subjects.Moderator), Claims(tokens[i])));
    }

    [Fact]
    public async Task RunAsync_SecondAssessorPickedByTheServiceAgrees_ScoredAsThemWithoutModeration()
    {
        var (stats, fake) = await RunAsync([new(AssessmentOutcome.Passed, SecondMarking: true, ServicePicksSecond: true)]);

        Assert.Equal(new Dictionary<Stage, int> { [Stage.Observed] = 1, [Stage.SecondMarked] = 1, [Stage.PracticePassed] = 1 }, Counts(stats));
        Assert.Empty(fake.Handler.Sent<AssignSecondAssessorRequest>("AssignSecondAssessor"));
        Assert.Equal(("observation.assessor", FakeObservation.PickedSecond), Claims(fake.Handler.BearerTokens[^1]));
    }

    [Fact]
    public async Task RunAsync_FailedThenResitWithinTheWait_ReobservedAndPassed()
    {
        var soon = DateTimeOffset.UtcNow.AddSeconds(1);
        var (stats, fake) = await RunAsync([new(AssessmentOutcome.Failed), new(AssessmentOutcome.Passed, ResitFrom: soon)]);

        Assert.Equal(new Dictionary<Stage, int> { [Stage.Observed] = 1, [Stage.Reobserved] = 1, [Stage.PracticePassed] = 1 }, Counts(stats));
        Assert.Equal([new PracticeSession(Bury, "e-1", "s-1", 1), new PracticeSession(Bury, "e-1", "s-2", 2)], stats.Sessions);
        var resit = fake.Handler.Sent<ScheduleSessionRequest>("ScheduleSession")[^1];
        Assert.Equal("sim-e-1-session-2", resit.ClientRequestId);
        Assert.Empty(stats.Notes);
    }

    [Fact]
    public async Task RunAsync_FailedEverySession_NotPassedAfterTheBound()
    {
        var (stats, _) = await RunAsync([new(AssessmentOutcome.Failed), new(AssessmentOutcome.Failed)], maxSessions: 2);

        Assert.Equal(new Dictionary<Stage, int> { [Stage.Observed] = 1, [Stage.Reobserved] = 1, [Stage.PracticeNotPassed] = 1 }, Counts(stats));
        Assert.Equal(2, stats.Sessions.Count);
    }
}
