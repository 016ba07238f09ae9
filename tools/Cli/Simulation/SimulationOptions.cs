namespace Accreditation.Cli.Simulation;

/// <summary>What to simulate.</summary>
public sealed record SimulationOptions(
    string Phase,
    IReadOnlyList<string> Authorities,
    int Candidates,
    int Concurrency,
    int Seed,
    double WithdrawalShare)
{
    /// <summary>Whether candidates sit the knowledge test (needs the Testing service).</summary>
    public bool KnowledgeTest { get; init; } = true;

    /// <summary>Whether candidates go through simulated practice after the knowledge test (needs the Observation service).</summary>
    public bool Observation { get; init; } = true;

    /// <summary>Sittings a candidate makes at most (first attempt and resits).</summary>
    public int MaxSittings { get; init; } = 3;

    /// <summary>Simulated-practice sessions a candidate attends at most (first attempt and resits).</summary>
    public int MaxSessions { get; init; } = 3;

    /// <summary>How long to keep asking when the platform says "not yet" (eligibility not yet known, resit cool-off).</summary>
    public TimeSpan Patience { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Whether the run ends by checking the regulator's register against it (needs the RegulatorReporting service).</summary>
    public bool RegisterCheck { get; init; } = true;

    /// <summary>How long the register check waits for Reporting to catch up with the run (its events travel through Dapr).</summary>
    public TimeSpan RegisterPatience { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Whether the run ends with the phase's evaluation summary from RegulatorReporting (after the register check).</summary>
    public bool Evaluation { get; init; } = true;

    /// <summary>Whether the evaluation summary is printed: asked for, and only after simulated practice.</summary>
    public bool RunsEvaluation => Evaluation && RunsPractice;

    /// <summary>Whether the register check runs: asked for, and only a run with simulated practice can accredit anyone.</summary>
    public bool RunsRegisterCheck => RegisterCheck && RunsPractice;

    /// <summary>Whether simulated practice runs: asked for, and after the knowledge test.</summary>
    public bool RunsPractice => Observation && KnowledgeTest;

    /// <summary>The stages the summary shows: simulated practice's only when it runs.</summary>
    public IReadOnlyList<Stage> Stages => RunsPractice ? Enum.GetValues<Stage>() : KnowledgeTestStages;

    /// <summary>The summary's columns without simulated practice (as before it existed).</summary>
    public static IReadOnlyList<Stage> KnowledgeTestStages { get; } =
        [Stage.Enrolled, Stage.Endorsed, Stage.Withdrawn, Stage.Sat, Stage.Resat, Stage.Passed, Stage.NotPassed, Stage.Errored];
}
