using Accreditation.AssessmentRules.Kss;
using System.Text.RegularExpressions;
using Accreditation.BuildingBlocks.Errors;
using Accreditation.Contracts.Common.V1;
using Accreditation.Contracts.Testing.V1;

namespace Accreditation.Testing.Domain;

/// <summary>
/// Validates a bank import and reports every problem with its item and field
/// (items[3].keys, scenarios[0].case_text). Pure: what the bank already holds comes in as lookups.
/// </summary>
public static partial class BankImportValidator
{
    public const int MaxTextLength = 4000;

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();

    /// <summary>Whether an item or scenario id has the allowed shape (letters, digits, '.', '_', '-').</summary>
    public static bool IsValidId(string id) => id is not null && IdPattern().IsMatch(id);

    public static IReadOnlyList<FieldViolation> Validate(
        ImportItemsRequest request,
        KssCatalog kss,
        Func<string, CaseScenario?> existingScenario,
        Func<string, Item?> existingItem)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(kss);
        ArgumentNullException.ThrowIfNull(existingScenario);
        ArgumentNullException.ThrowIfNull(existingItem);
        var problems = new List<FieldViolation>();
        if (request.Items.Count == 0 && request.Scenarios.Count == 0)
        {
            problems.Add(new("items", "nothing to import"));
        }

        var scenarioRoles = new Dictionary<string, Role>(StringComparer.Ordinal);
        for (var i = 0; i < request.Scenarios.Count; i++)
        {
            var s = request.Scenarios[i];
            var at = $"scenarios[{i}]";
            if (!IdPattern().IsMatch(s.ScenarioId))
            {
                problems.Add(new($"{at}.scenario_id", "must be 1 to 64 letters, digits, '.', '_' or '-'"));
            }
            else if (!scenarioRoles.TryAdd(s.ScenarioId, s.Role))
            {
                problems.Add(new($"{at}.scenario_id", $"'{s.ScenarioId}' appears twice in this import"));
            }
            else if (existingScenario(s.ScenarioId) is { } existing && existing.Role != s.Role)
            {
                problems.Add(new($"{at}.role", $"case scenario '{s.ScenarioId}' is for {existing.Role}; a scenario cannot change role"));
            }

            Role(problems, $"{at}.role", s.Role);
            Text(problems, $"{at}.title", s.Title, 200);
            Text(problems, $"{at}.case_text", s.CaseText, MaxTextLength * 4);
        }

        var itemIds = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < request.Items.Count; i++)
        {
            ValidateItem(request.Items[i], $"items[{i}]", kss, scenarioRoles, existingScenario, existingItem, itemIds, problems);
        }

        return problems;
    }

    private static void ValidateItem(
        Item item,
        string at,
        KssCatalog kss,
        Dictionary<string, Role> scenarioRoles,
        Func<string, CaseScenario?> existingScenario,
        Func<string, Item?> existingItem,
        HashSet<string> itemIds,
        List<FieldViolation> problems)
    {
        if (!IdPattern().IsMatch(item.ItemId))
        {
            problems.Add(new($"{at}.item_id", "must be 1 to 64 letters, digits, '.', '_' or '-'"));
        }
        else if (!itemIds.Add(item.ItemId))
        {
            problems.Add(new($"{at}.item_id", $"'{item.ItemId}' appears twice in this import"));
        }
        else if (existingItem(item.ItemId) is { } existing && existing.Role != item.Role)
        {
            problems.Add(new($"{at}.role", $"item '{item.ItemId}' is a {existing.Role} item; an item cannot change role"));
        }

        var roleOk = Role(problems, $"{at}.role", item.Role);
        if (roleOk && !kss.Exists(item.Role, item.KssStatement))
        {
            problems.Add(new($"{at}.kss_statement", $"must be a statement of {item.Role}: 1 to {kss.For(item.Role).Count}"));
        }

        Text(problems, $"{at}.stem", item.Stem, MaxTextLength);
        if (item.Format is not (ItemFormat.SingleAnswer or ItemFormat.MultipleAnswer))
        {
            problems.Add(new($"{at}.format", "must be ITEM_FORMAT_SINGLE_ANSWER or ITEM_FORMAT_MULTIPLE_ANSWER"));
        }
        else
        {
            ValidateOptionsAndKeys(item, at, problems);
        }

        if (item.ScenarioId.Length > 0)
        {
            Role? scenarioRole = scenarioRoles.TryGetValue(item.ScenarioId, out var r) ? r : existingScenario(item.ScenarioId)?.Role;
            if (scenarioRole is null)
            {
                problems.Add(new($"{at}.scenario_id", $"no case scenario '{item.ScenarioId}' in the bank or this import"));
            }
            else if (roleOk && scenarioRole != item.Role)
            {
                problems.Add(new($"{at}.scenario_id", $"case scenario '{item.ScenarioId}' is for {scenarioRole}, not {item.Role}"));
            }
        }
    }

    private static void ValidateOptionsAndKeys(Item item, string at, List<FieldViolation> problems)
    {
        var expected = ItemFormats.OptionIds(item.Format);
        var ids = item.Options.Select(o => o.OptionId).ToList();
        if (ids.Count != expected.Count || !ids.Order(StringComparer.Ordinal).SequenceEqual(expected))
        {
            problems.Add(new($"{at}.options", $"a {FormatName(item.Format)} item has exactly the options {string.Join(", ", expected)}"));
        }

        for (var o = 0; o < item.Options.Count; o++)
        {
            Text(problems, $"{at}.options[{o}].text", item.Options[o].Text, 1000);
        }

        var keys = item.Keys.ToList();
        if (keys.Count != ItemFormats.Keys(item.Format) || keys.Distinct(StringComparer.Ordinal).Count() != keys.Count)
        {
            problems.Add(new($"{at}.keys", $"a {FormatName(item.Format)} item has exactly {ItemFormats.Keys(item.Format)} different keys"));
        }
        else if (keys.FirstOrDefault(k => !ids.Contains(k)) is { } stray)
        {
            problems.Add(new($"{at}.keys", $"key '{stray}' is not one of the item's options"));
        }
    }

    private static string FormatName(ItemFormat format) => format == ItemFormat.MultipleAnswer ? "3 of 8" : "1 of 4";

    private static bool Role(List<FieldViolation> problems, string field, Role role)
    {
        if (role is Contracts.Common.V1.Role.ChildAndFamilyPractitioner or Contracts.Common.V1.Role.PracticeSupervisor)
        {
            return true;
        }

        problems.Add(new(field, "must be ROLE_CHILD_AND_FAMILY_PRACTITIONER or ROLE_PRACTICE_SUPERVISOR"));
        return false;
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
