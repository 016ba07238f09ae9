using Accreditation.AssessmentRules.Kss;
using System.Text.RegularExpressions;
using Accreditation.BuildingBlocks.Errors;
using Accreditation.Contracts.Common.V1;
using Accreditation.Contracts.Observation.V1;

namespace Accreditation.Observation.Domain;

/// <summary>
/// Validates a scenario import and reports every problem with its scenario and field
/// (scenarios[2].criteria[1].levels). Pure: what the store already holds comes in as a lookup.
/// </summary>
public static partial class ScenarioImportValidator
{
    public const int MaxBriefLength = 8000;
    public const int MaxTextLength = 1000;
    public const int MaxCriteria = 40;

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$", RegexOptions.CultureInvariant)]
    private static partial Regex CriterionIdPattern();

    /// <summary>Whether a scenario id has the allowed shape (1 to 64 letters, digits, '.', '_', '-').</summary>
    public static bool IsValidId(string? id) => id is not null && IdPattern().IsMatch(id);

    public static IReadOnlyList<FieldViolation> Validate(ImportScenariosRequest request, KssCatalog kss, Func<string, Scenario?> existing)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(kss);
        ArgumentNullException.ThrowIfNull(existing);
        var problems = new List<FieldViolation>();
        if (request.Scenarios.Count == 0)
        {
            problems.Add(new("scenarios", "nothing to import"));
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < request.Scenarios.Count; i++)
        {
            ValidateScenario(request.Scenarios[i], $"scenarios[{i}]", kss, existing, ids, problems);
        }

        return problems;
    }

    private static void ValidateScenario(Scenario s, string at, KssCatalog kss, Func<string, Scenario?> existing, HashSet<string> ids, List<FieldViolation> problems)
    {
        if (!IdPattern().IsMatch(s.ScenarioId))
        {
            problems.Add(new($"{at}.scenario_id", "must be 1 to 64 letters, digits, '.', '_' or '-'"));
        }
        else if (!ids.Add(s.ScenarioId))
        {
            problems.Add(new($"{at}.scenario_id", $"'{s.ScenarioId}' appears twice in this import"));
        }
        else if (existing(s.ScenarioId) is { } before)
        {
            if (before.Role != s.Role)
            {
                problems.Add(new($"{at}.role", $"scenario '{s.ScenarioId}' is for {before.Role}; a scenario cannot change role"));
            }

            if (before.Kind != s.Kind)
            {
                problems.Add(new($"{at}.kind", $"scenario '{s.ScenarioId}' is a {before.Kind} component; a scenario cannot change kind"));
            }
        }

        var roleOk = s.Role is Role.ChildAndFamilyPractitioner or Role.PracticeSupervisor;
        if (!roleOk)
        {
            problems.Add(new($"{at}.role", "must be ROLE_CHILD_AND_FAMILY_PRACTITIONER or ROLE_PRACTICE_SUPERVISOR"));
        }

        if (s.Kind is not (ComponentKind.Simulation or ComponentKind.Reflective or ComponentKind.Written))
        {
            problems.Add(new($"{at}.kind", "must be COMPONENT_KIND_SIMULATION, COMPONENT_KIND_REFLECTIVE or COMPONENT_KIND_WRITTEN"));
        }

        Text(problems, $"{at}.title", s.Title, 200);
        Text(problems, $"{at}.candidate_brief", s.CandidateBrief, MaxBriefLength);
        if (s.Kind == ComponentKind.Simulation)
        {
            Text(problems, $"{at}.actor_brief", s.ActorBrief, MaxBriefLength);
        }
        else if (s.ActorBrief.Length > 0 && s.Kind != ComponentKind.Unspecified)
        {
            problems.Add(new($"{at}.actor_brief", "only a simulation has an actor brief"));
        }

        var statements = new HashSet<int>();
        if (s.KssStatements.Count == 0)
        {
            problems.Add(new($"{at}.kss_statements", "name at least one KSS statement the scenario evidences"));
        }

        for (var k = 0; k < s.KssStatements.Count; k++)
        {
            var number = s.KssStatements[k];
            if (roleOk && !kss.Exists(s.Role, number))
            {
                problems.Add(new($"{at}.kss_statements[{k}]", $"must be a statement of {s.Role}: 1 to {kss.For(s.Role).Count}"));
            }
            else if (!statements.Add(number))
            {
                problems.Add(new($"{at}.kss_statements[{k}]", $"statement {number} is named twice"));
            }
        }

        ValidateCriteria(s, at, statements, problems);
    }

    private static void ValidateCriteria(Scenario s, string at, HashSet<int> statements, List<FieldViolation> problems)
    {
        if (s.Criteria.Count == 0)
        {
            problems.Add(new($"{at}.criteria", "the rubric needs at least one criterion"));
            return;
        }

        if (s.Criteria.Count > MaxCriteria)
        {
            problems.Add(new($"{at}.criteria", $"at most {MaxCriteria} criteria"));
        }

        var criterionIds = new HashSet<string>(StringComparer.Ordinal);
        var evidenced = new HashSet<int>();
        for (var c = 0; c < s.Criteria.Count; c++)
        {
            var criterion = s.Criteria[c];
            var cat = $"{at}.criteria[{c}]";
            if (!CriterionIdPattern().IsMatch(criterion.CriterionId))
            {
                problems.Add(new($"{cat}.criterion_id", "must be 1 to 32 letters, digits, '.', '_' or '-'"));
            }
            else if (!criterionIds.Add(criterion.CriterionId))
            {
                problems.Add(new($"{cat}.criterion_id", $"'{criterion.CriterionId}' appears twice in this rubric"));
            }

            if (!statements.Contains(criterion.KssStatement))
            {
                problems.Add(new($"{cat}.kss_statement", $"statement {criterion.KssStatement} is not one the scenario names in kss_statements"));
            }
            else
            {
                evidenced.Add(criterion.KssStatement);
            }

            Text(problems, $"{cat}.description", criterion.Description, MaxTextLength);
            var levels = criterion.Levels.Select(l => l.Level).Order().ToList();
            if (!levels.SequenceEqual([1, 2, 3, 4]))
            {
                problems.Add(new($"{cat}.levels", "needs exactly one descriptor for each level 1, 2, 3 and 4"));
            }

            for (var l = 0; l < criterion.Levels.Count; l++)
            {
                Text(problems, $"{cat}.levels[{l}].text", criterion.Levels[l].Text, MaxTextLength);
            }
        }

        foreach (var missing in statements.Where(n => !evidenced.Contains(n)).Order())
        {
            problems.Add(new($"{at}.kss_statements", $"statement {missing} has no criterion in the rubric"));
        }
    }

    private static void Text(List<FieldViolation> problems, string field, string value, int max)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            problems.Add(new(field, "is required"));
        }
        else if (value.Length > max)
        {
            problems.Add(new(field, $"must be at most {max} characters"));
        }
    }
}
