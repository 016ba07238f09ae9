namespace Accreditation.Cli.Simulation;

/// <summary>
/// Steps a simulated candidate reached (a candidate counts in every step it reached; Resat counts
/// resit sittings, Reobserved resit sessions, SecondMarked and Moderated sessions). Passed and
/// NotPassed are the knowledge test's; the Practice stages are simulated practice's.
/// </summary>
public enum Stage
{
    Enrolled,
    Endorsed,
    Withdrawn,
    Sat,
    Resat,
    Passed,
    NotPassed,

    /// <summary>The candidate's first simulated-practice session was observed and scored.</summary>
    Observed,

    /// <summary>A resit session was observed and scored.</summary>
    Reobserved,

    /// <summary>A session went to a second assessor (failing, borderline or sampled).</summary>
    SecondMarked,

    /// <summary>A session's two markings disagreed and a moderator decided it.</summary>
    Moderated,
    PracticePassed,
    PracticeNotPassed,
    Errored,
}
