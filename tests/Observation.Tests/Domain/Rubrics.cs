using Accreditation.AssessmentRules.Kss;
using Accreditation.Contracts.Common.V1;
using Accreditation.Contracts.Observation.V1;
using Accreditation.Observation.Domain;

namespace Accreditation.Observation.Tests.Domain;

/// <summary>Small rubrics and markings for the rule tests.</summary>
internal static class Rubrics
{
    public static readonly KssCatalog Kss = KssCatalog.LoadEmbedded(typeof(Accreditation.Observation.ObservationServiceCollectionExtensions).Assembly);

    /// <summary>Two components: "sim" with criteria C1 (statement 1) and C2 (statement 2), "written" with C1 (statement 2).</summary>
    public static IReadOnlyList<ComponentRubric> Small { get; } =
    [
        new("sim", ComponentKind.Simulation, [new("C1", 1), new("C2", 2)]),
        new("written", ComponentKind.Written, [new("C1", 2)]),
    ];

    public static List<ScoreRecord> Scores(int sim1, int sim2, int written) =>
    [
        new("sim", "C1", sim1, "seen"),
        new("sim", "C2", sim2, "seen"),
        new("written", "C1", written, "read"),
    ];

    public static MarkResult Evaluate(int sim1, int sim2, int written) =>
        PassRule.Evaluate(Small, Scores(sim1, sim2, written), new PassRuleOptions(), Kss, Role.ChildAndFamilyPractitioner);

    public static List<CriterionScore> Contract(int sim1, int sim2, int written) =>
        Scores(sim1, sim2, written).Select(s => new CriterionScore { ComponentId = s.ComponentId, CriterionId = s.CriterionId, Score = s.Score, Evidence = s.Evidence }).ToList();
}
