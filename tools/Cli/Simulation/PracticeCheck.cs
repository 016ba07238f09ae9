using System.Globalization;
using Accreditation.Contracts.Common.V1;
using Accreditation.Contracts.Observation.V1;

namespace Accreditation.Cli.Simulation;

/// <summary>
/// Compares what the simulation counted for simulated practice with the sessions as Observation
/// shows them afterwards (the booking system's view): per authority, every session completed;
/// as many sessions as observations and resits; as many passed sessions, second-marked sessions
/// and moderator decisions as counted; as many candidates with no passed session as counted not
/// passed; and each candidate's sessions numbered 1, 2, ... by attempt.
/// </summary>
public static class PracticeCheck
{
    /// <summary>What does not match, one line each; empty when everything does.</summary>
    public static IReadOnlyList<string> Compare(IReadOnlyList<string> authorities, SimulationStats stats, IReadOnlyList<(PracticeSession Scheduled, Session Seen)> sessions)
    {
        ArgumentNullException.ThrowIfNull(authorities);
        ArgumentNullException.ThrowIfNull(stats);
        ArgumentNullException.ThrowIfNull(sessions);
        var problems = new List<string>();
        foreach (var authority in authorities)
        {
            var own = sessions.Where(s => s.Scheduled.Authority == authority).ToList();
            foreach (var (scheduled, seen) in own.Where(s => s.Seen.State != SessionState.Completed))
            {
                problems.Add($"{authority}: session {scheduled.SessionId} of {scheduled.EnrolmentId} is {seen.State}, not completed");
            }

            void Expect(string what, int seen, Stage stage)
            {
                var counted = stats.Count(authority, stage);
                if (seen != counted)
                {
                    problems.Add(string.Create(CultureInfo.InvariantCulture, $"{authority}: Observation shows {seen} {what}, the simulation counted {counted} ({stage})"));
                }
            }

            var observed = stats.Count(authority, Stage.Observed) + stats.Count(authority, Stage.Reobserved);
            if (own.Count != observed)
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"{authority}: Observation shows {own.Count} sessions, the simulation observed {observed} (Observed + Reobserved)"));
            }

            Expect("passed sessions", own.Count(s => s.Seen.Outcome?.Outcome == AssessmentOutcome.Passed), Stage.PracticePassed);
            Expect("second-marked sessions", own.Count(s => s.Seen.SecondMarkingReason is not (SecondMarkingReason.None or SecondMarkingReason.Unspecified)), Stage.SecondMarked);
            Expect("moderated sessions", own.Count(s => s.Seen.Outcome?.DecidedBy == MarkingStage.Moderation), Stage.Moderated);
            var candidates = own.GroupBy(s => s.Scheduled.EnrolmentId, StringComparer.Ordinal).ToList();
            Expect("candidates without a pass", candidates.Count(c => c.All(s => s.Seen.Outcome?.Outcome != AssessmentOutcome.Passed)), Stage.PracticeNotPassed);
            foreach (var candidate in candidates)
            {
                var attempts = candidate.OrderBy(s => s.Scheduled.Attempt).Select(s => s.Seen.AttemptNumber).ToList();
                var first = attempts[0];
                if (!attempts.Select((a, i) => a == first + i).All(ok => ok))
                {
                    problems.Add($"{authority}: the sessions of {candidate.Key} are attempts {string.Join(", ", attempts)}, not consecutive");
                }
            }
        }

        return problems;
    }
}
