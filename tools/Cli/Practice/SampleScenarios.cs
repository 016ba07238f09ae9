using Accreditation.Contracts.Common.V1;
using Accreditation.Contracts.Observation.V1;

namespace Accreditation.Cli.Practice;

/// <summary>
/// A sample scenario set for demos, simulations and tests, for both roles: simulations (with actor
/// briefs) and the reflective and written components, each with a rubric of criteria per KSS
/// statement, scored 1 to 4 with a descriptor per level. Depends on the contracts only, so the
/// accredit CLI can send it (ScenarioAdminService.ImportScenarios) without referencing the service.
/// </summary>
public static class SampleScenarios
{
    private static readonly string[] LevelWords =
    [
        "Not demonstrated: little or no evidence of",
        "Partly demonstrated: some evidence, with gaps, of",
        "Demonstrated: clear and consistent evidence of",
        "Strongly demonstrated: thorough, well-judged evidence throughout of",
    ];

    /// <summary>The whole set as one import request (a fixed client request id, so sending it twice is a retry).</summary>
    public static ImportScenariosRequest Create()
    {
        var request = new ImportScenariosRequest { ClientRequestId = "sample-scenarios-1" };
        request.Scenarios.AddRange(Practitioner());
        request.Scenarios.AddRange(PracticeSupervisor());
        return request;
    }

    public static IReadOnlyList<Scenario> Practitioner()
    {
        const Role role = Role.ChildAndFamilyPractitioner;
        return
        [
            Simulation(role, "CFP-SIM-HOME-VISIT", "A home visit with a parent",
                "You are visiting Ms Carter at home after a referral from the health visitor about her 2-year-old son's weight loss and missed appointments. Explore the family's circumstances and agree next steps.",
                "You are Kelly Carter, 24, a single parent. You are tired, defensive about 'social services' and worried your son will be taken away. You drink more than you admit. Open up only if the social worker is honest and respectful.",
                (1, "Builds a working relationship with the parent while staying clear about the purpose of the visit"),
                (2, "Communicates clearly and checks the parent's understanding"),
                (4, "Explores how the parent's drinking and low mood affect the care of the child"),
                (5, "Recognises indicators of neglect and is clear about concerns"),
                (6, "Gathers information that informs an assessment of the child's needs")),
            Simulation(role, "CFP-SIM-CHILD-CONVERSATION", "A direct conversation with a child",
                "You are meeting Jayden, 9, at school after he told a teacher he does not want to go home. Talk with him about home and what he would like to happen.",
                "You are Jayden, 9. You are quiet at first and answer in few words. You worry about your mum's new partner shouting. You will say more if the worker uses play or drawing and does not rush you.",
                (1, "Engages the child at his pace and in ways suited to his age"),
                (2, "Uses language the child understands and listens to his wishes and feelings"),
                (3, "Applies knowledge of child development to what the child says and shows"),
                (5, "Responds to possible signs of harm without leading the child")),
            Simulation(role, "CFP-SIM-CP-CONFERENCE", "A child protection conference",
                "You present your assessment of the Ahmed family to an initial child protection conference chaired by an independent reviewing officer, with the parents present.",
                "You are the conference chair. Ask the social worker to explain the analysis behind the recommendation, challenge vague statements and ask how the parents' views have been taken into account.",
                (6, "Presents a clear, evidence-based assessment of the children's needs and risks"),
                (7, "Explains the analysis and the recommended plan, weighing risks and strengths"),
                (8, "Applies the legal framework for child protection accurately")),
            Component(role, ComponentKind.Reflective, "CFP-REFLECTIVE", "Reflective account",
                "Write a reflective account of one of your simulations: what you did, why, what you would do differently and what you will take to supervision.",
                (7, "Reflects critically on the decisions made and the evidence for them"),
                (9, "Uses supervision and reflection to develop practice"),
                (10, "Relates practice to the organisational context and its pressures")),
            Component(role, ComponentKind.Written, "CFP-WRITTEN", "Written assessment",
                "Read the case file of the Miller family and write an assessment summary with your analysis and a plan.",
                (6, "Summarises the assessment accurately and concisely"),
                (7, "Analyses the information and makes a defensible recommendation"),
                (8, "Identifies the legal basis for the recommended plan"),
                (10, "Writes a record fit for the organisation's and the family's use")),
        ];
    }

    public static IReadOnlyList<Scenario> PracticeSupervisor()
    {
        const Role role = Role.PracticeSupervisor;
        return
        [
            Simulation(role, "PS-SIM-SUPERVISION", "A supervision session with a practitioner",
                "You supervise Sam, a social worker in their second year, who has fallen behind on visits and seems distressed about a family where a baby was recently injured.",
                "You are Sam, a second-year social worker. You feel overwhelmed and blame yourself for not spotting the baby's injury earlier. You deflect at first and talk about caseload; you respond to warmth and clear expectations.",
                (3, "Develops the practitioner's confidence and skill through the conversation"),
                (6, "Keeps the child's safety and the purpose of social work in focus"),
                (7, "Responds to the practitioner's emotions with insight, holding boundaries")),
            Simulation(role, "PS-SIM-MANAGER-DISCUSSION", "A case discussion with a manager",
                "You discuss with your service manager whether to escalate the Jones case to pre-proceedings, and make the case for the resources your team needs.",
                "You are the service manager. You are under budget pressure and sceptical about escalation. Push back on cost and ask for evidence; concede when the case is made with clear analysis.",
                (2, "Influences the wider practice system and its resources"),
                (4, "Uses authority appropriately and transparently"),
                (5, "Presents a confident, well-analysed recommendation")),
            Simulation(role, "PS-SIM-PERFORMANCE", "A performance conversation",
                "You meet Alex, a practitioner whose recording is repeatedly late and incomplete, to agree an improvement plan.",
                "You are Alex, an experienced practitioner. You think recording is bureaucracy that takes you away from families. You become more open if the supervisor links recording to outcomes for children.",
                (1, "Promotes excellent practice and explains the standard expected"),
                (8, "Manages performance fairly with a clear, measurable plan")),
            Component(role, ComponentKind.Reflective, "PS-REFLECTIVE", "Reflective account",
                "Write a reflective account of your supervision simulation: how you balanced support and challenge, and what you learnt about your own practice.",
                (1, "Reflects on how the supervisor promotes and governs practice"),
                (7, "Shows insight into the emotional content of supervision")),
            Component(role, ComponentKind.Written, "PS-WRITTEN", "Written assessment",
                "Review the audit findings of your team's assessments and write a plan to improve practice quality over the next six months.",
                (2, "Shapes the practice system in response to the findings"),
                (5, "Analyses the findings and prioritises decisions"),
                (8, "Sets measurable improvement goals and how they will be monitored")),
        ];
    }

    private static Scenario Simulation(Role role, string id, string title, string candidateBrief, string actorBrief, params (int Statement, string Description)[] criteria)
    {
        var scenario = Component(role, ComponentKind.Simulation, id, title, candidateBrief, criteria);
        scenario.ActorBrief = actorBrief;
        return scenario;
    }

    private static Scenario Component(Role role, ComponentKind kind, string id, string title, string candidateBrief, params (int Statement, string Description)[] criteria)
    {
        var scenario = new Scenario { ScenarioId = id, Role = role, Kind = kind, Title = title, CandidateBrief = candidateBrief };
        scenario.KssStatements.AddRange(criteria.Select(c => c.Statement).Distinct().Order());
        for (var i = 0; i < criteria.Length; i++)
        {
            var (statement, description) = criteria[i];
            var criterion = new Criterion { CriterionId = $"C{i + 1}", KssStatement = statement, Description = description };
            for (var level = 1; level <= 4; level++)
            {
                criterion.Levels.Add(new LevelDescriptor { Level = level, Text = $"{LevelWords[level - 1]} {char.ToLowerInvariant(description[0])}{description[1..]}." });
            }

            scenario.Criteria.Add(criterion);
        }

        return scenario;
    }
}
