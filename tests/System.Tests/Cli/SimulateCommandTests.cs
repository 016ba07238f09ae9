using Accreditation.Contracts.Common.V1;
using Accreditation.Contracts.Enrolment.V1;
using Accreditation.Contracts.Events.V1;
using Accreditation.System.Tests.Infrastructure;
using Accreditation.System.Tests.Support;
using Accreditation.TestSupport;

namespace Accreditation.System.Tests.Cli;

/// <summary>The accredit CLI as a separate process against the running system (Enrolment and Testing).</summary>
[Collection(SystemGroup.Name)]
public sealed class SimulateCommandTests(SystemUnderTest system)
{
    private const int Candidates = 20;

    /// <summary>accredit simulate's default --max-sittings.</summary>
    private const int MaxSittings = 3;

    /// <summary>accredit simulate's default --max-sessions.</summary>
    private const int MaxSessions = 3;

    [Fact]
    public async Task Simulate_Phase1TwentyCandidates_ExitsZeroAndSubscriberReceivesEveryEnrolment()
    {
        // accredit simulate uses 6-digit registration numbers; every other test uses 5 digits.
        static bool FromSimulation(string registrationNumber) => registrationNumber.Length == 8;

        var launch = ProcessLaunch.Dotnet(
            system.Layout.AssemblyOf("tools/Cli", "accredit.dll"),
            ["simulate", "--phase", "phase-1", "--candidates", "20", "--seed", "7"],
            new Dictionary<string, string?>
            {
                ["ACCREDIT_ENROLMENT_URL"] = $"http://127.0.0.1:{system.Enrolment.GrpcPort}",
                ["ACCREDIT_TESTING_URL"] = $"http://127.0.0.1:{system.Testing.GrpcPort}",
                ["ACCREDIT_OBSERVATION_URL"] = $"http://127.0.0.1:{system.Observation.GrpcPort}",
                ["ACCREDIT_REPORTING_URL"] = $"http://127.0.0.1:{system.Reporting.GrpcPort}",
                ["ACCREDIT_SIGNING_KEY"] = system.Auth.SigningKey,
            });

        await using var cli = ChildProcess.Start("accredit simulate", launch);
        var exitCode = await cli.WaitForExitAsync(TimeSpan.FromSeconds(150));

        Assert.True(exitCode == 0, $"accredit simulate exited with {exitCode}:\n{cli.Output.Last(60)}");
        // simulate's own last check: the regulator's register equals what it drove (who, role, date).
        Assert.Contains(cli.Output.Lines(), l => l.Contains("check: the regulator's register matches the simulation", StringComparison.Ordinal));
        var enrolled = await system.WaitForEventsAsync<CandidateEnrolled>(e => FromSimulation(e.RegistrationNumber), Candidates);
        await system.WaitForEventsAsync<CandidateEndorsed>(e => FromSimulation(e.RegistrationNumber), Candidates);
        await system.DrainEnrolmentEventsAsync();

        enrolled = system.Probe.Of<CandidateEnrolled>(e => FromSimulation(e.RegistrationNumber));
        Assert.Equal(Candidates, enrolled.Count);
        Assert.Equal(Candidates, enrolled.Select(d => d.Message.RegistrationNumber).Distinct().Count());
        Assert.All(enrolled, d => Assert.Equal("phase-1", d.Message.Phase));
        Assert.All(enrolled, d => Assert.Contains(d.Message.Authority.GssCode, Authorities.Phase1));
        var ids = enrolled.Select(d => d.Message.EnrolmentId).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(Candidates, system.Probe.Of<CandidateEndorsed>(e => ids.Contains(e.EnrolmentId)).Count);

        // Every withdrawal the authorities' own listings show was announced, once.
        var withdrawnListed = 0;
        foreach (var authority in Authorities.Phase1)
        {
            var page = await system.EnrolmentClient(authority).ListEnrolmentsAsync(new ListEnrolmentsRequest
            {
                State = EnrolmentState.Withdrawn,
                Page = new() { PageSize = 500 },
            });
            withdrawnListed += page.Enrolments.Count(e => ids.Contains(e.EnrolmentId));
        }

        Assert.Equal(withdrawnListed, system.Probe.Of<CandidateWithdrawn>(e => ids.Contains(e.EnrolmentId)).Count);

        // Testing heard of the endorsements: every candidate who stayed sat the knowledge test until
        // passing or running out of sittings, and each sitting was announced once, in attempt order.
        var stayed = ids.Except(system.Probe.Of<CandidateWithdrawn>(e => ids.Contains(e.EnrolmentId)).Select(d => d.Message.EnrolmentId)).ToList();
        await system.WaitUntilAsync(
            () => stayed.All(id => system.Probe.Of<KnowledgeTestCompleted>(e => e.EnrolmentId == id)
                .Any(d => d.Message.Outcome == AssessmentOutcome.Passed || d.Message.AttemptNumber == MaxSittings)),
            "the last knowledge test result of every simulated candidate who did not withdraw");
        Assert.All(stayed, id =>
        {
            var sittings = system.Probe.Of<KnowledgeTestCompleted>(e => e.EnrolmentId == id).OrderBy(d => d.Message.AttemptNumber).ToList();
            Assert.Equal(Enumerable.Range(1, sittings.Count), sittings.Select(d => d.Message.AttemptNumber));
            Assert.All(sittings.SkipLast(1), d => Assert.Equal(AssessmentOutcome.Failed, d.Message.Outcome));
            Assert.All(sittings, d => Assert.Equal(d.Message.EventId, d.CloudEventId));
            Assert.All(sittings, d => Assert.Equal("testing", d.Event.Source));
        });

        // Observation heard of them too: every candidate who stayed was observed in simulated practice
        // until passing or running out of sessions, each attempt announced once, in order.
        await system.WaitUntilAsync(
            () => stayed.All(id => system.Probe.Of<SimulatedPracticeCompleted>(e => e.EnrolmentId == id)
                .Any(d => d.Message.Outcome == AssessmentOutcome.Passed || d.Message.AttemptNumber == MaxSessions)),
            "the last simulated practice result of every simulated candidate who did not withdraw");
        Assert.All(stayed, id =>
        {
            var sessions = system.Probe.Of<SimulatedPracticeCompleted>(e => e.EnrolmentId == id).OrderBy(d => d.Message.AttemptNumber).ToList();
            Assert.Equal(Enumerable.Range(1, sessions.Count), sessions.Select(d => d.Message.AttemptNumber));
            Assert.All(sessions.SkipLast(1), d => Assert.Equal(AssessmentOutcome.Failed, d.Message.Outcome));
            Assert.All(sessions, d => Assert.Equal("observation", d.Event.Source));
        });
    }
}
