using Accreditation.Cli.Simulation;
using Accreditation.Contracts.Common.V1;
using Accreditation.Contracts.Observation.V1;

namespace Accreditation.Cli.Tests.Simulation;

public sealed class PracticeCheckTests
{
    private static Session Completed(int attempt, AssessmentOutcome outcome, SecondMarkingReason reason = SecondMarkingReason.None, MarkingStage decidedBy = MarkingStage.First) => new()
    {
        State = SessionState.Completed,
        AttemptNumber = attempt,
        SecondMarkingReason = reason,
        Outcome = new SessionOutcome { Outcome = outcome, DecidedBy = decidedBy },
    };

    /// <summary>
    /// Authority A: candidate e-1 failed (second-marked, moderated) then passed a resit; e-2 passed at once.
    /// Authority B: candidate e-3 failed twice (second-marked both times, agreed). The stats as the simulation counts them.
    /// </summary>
    private static (SimulationStats Stats, List<(PracticeSession, Session)> Sessions) Run()
    {
        var stats = new SimulationStats();
        foreach (var (authority, stage) in new[]
        {
            ("A", Stage.Observed), ("A", Stage.SecondMarked), ("A", Stage.Moderated), ("A", Stage.Reobserved), ("A", Stage.PracticePassed),
            ("A", Stage.Observed), ("A", Stage.PracticePassed),
            ("B", Stage.Observed), ("B", Stage.SecondMarked), ("B", Stage.Reobserved), ("B", Stage.SecondMarked), ("B", Stage.PracticeNotPassed),
        })
        {
            stats.Reached(authority, stage);
        }

        List<(PracticeSession, Session)> sessions =
        [
            (new("A", "e-1", "s-1", 1), Completed(1, AssessmentOutcome.Failed, SecondMarkingReason.Failing, MarkingStage.Moderation)),
            (new("A", "e-1", "s-2", 2), Completed(2, AssessmentOutcome.Passed)),
            (new("A", "e-2", "s-3", 1), Completed(1, AssessmentOutcome.Passed)),
            (new("B", "e-3", "s-4", 1), Completed(1, AssessmentOutcome.Failed, SecondMarkingReason.Failing, MarkingStage.Second)),
            (new("B", "e-3", "s-5", 2), Completed(2, AssessmentOutcome.Failed, SecondMarkingReason.Failing, MarkingStage.Second)),
        ];
        return (stats, sessions);
    }

    [Fact]
    public void Compare_SessionsAsCounted_NoProblems()
    {
        var (stats, sessions) = Run();

        Assert.Empty(PracticeCheck.Compare(["A", "B"], stats, sessions));
    }

    [Fact]
    public void Compare_SessionLeftAwaitingModeration_NamedAndItsCountsOff()
    {
        var (stats, sessions) = Run();
        sessions[0].Item2.State = SessionState.AwaitingModeration;
        sessions[0].Item2.Outcome = null;

        var problems = PracticeCheck.Compare(["A", "B"], stats, sessions);

        Assert.Contains("A: session s-1 of e-1 is AwaitingModeration, not completed", problems);
        Assert.Contains("A: Observation shows 0 moderated sessions, the simulation counted 1 (Moderated)", problems);
        Assert.All(problems, p => Assert.StartsWith("A: ", p, StringComparison.Ordinal));
    }

    [Fact]
    public void Compare_OutcomeDiffersFromTheCount_PassedAndNotPassedNamed()
    {
        var (stats, sessions) = Run();
        sessions[4].Item2.Outcome.Outcome = AssessmentOutcome.Passed;

        var problems = PracticeCheck.Compare(["A", "B"], stats, sessions);

        Assert.Equal(
            ["B: Observation shows 1 passed sessions, the simulation counted 0 (PracticePassed)", "B: Observation shows 0 candidates without a pass, the simulation counted 1 (PracticeNotPassed)"],
            problems);
    }

    [Fact]
    public void Compare_ASessionTheSimulationDidNotObserve_CountsOff()
    {
        var (stats, sessions) = Run();
        sessions.Add((new PracticeSession("A", "e-4", "s-6", 1), Completed(1, AssessmentOutcome.Passed, SecondMarkingReason.Sampled)));

        var problems = PracticeCheck.Compare(["A", "B"], stats, sessions);

        Assert.Contains("A: Observation shows 4 sessions, the simulation observed 3 (Observed + Reobserved)", problems);
        Assert.Contains("A: Observation shows 2 second-marked sessions, the simulation counted 1 (SecondMarked)", problems);
    }

    [Fact]
    public void Compare_AttemptsNotConsecutive_Named()
    {
        var (stats, sessions) = Run();
        sessions[1].Item2.AttemptNumber = 3;

        Assert.Equal(["A: the sessions of e-1 are attempts 1, 3, not consecutive"], PracticeCheck.Compare(["A", "B"], stats, sessions));
    }

    [Fact]
    public void Compare_EarlierAttemptsElsewhere_ConsecutiveFromTheFirstIsEnough()
    {
        var (stats, sessions) = Run();
        sessions[3].Item2.AttemptNumber = 4;
        sessions[4].Item2.AttemptNumber = 5;

        Assert.Empty(PracticeCheck.Compare(["A", "B"], stats, sessions));
    }
}
