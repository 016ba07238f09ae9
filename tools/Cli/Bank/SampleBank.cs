using System.Globalization;
using Accreditation.Contracts.Common.V1;
using Accreditation.Contracts.Testing.V1;

namespace Accreditation.Cli.Bank;

/// <summary>
/// A synthetic question bank for demos, simulations and tests: for each role, knowledge items on
/// every KSS statement (a mix of "1 of 4" and "3 of 8") and case scenarios with enough items for
/// the default blueprint. Keys are spread over the option letters deterministically.
/// </summary>
public static class SampleBank
{
    public static readonly IReadOnlyDictionary<Role, int> Statements = new Dictionary<Role, int>
    {
        [Role.ChildAndFamilyPractitioner] = 10,
        [Role.PracticeSupervisor] = 8,
    };

    public static ImportItemsRequest Create(int knowledgePerStatement = 3, int scenarios = 2, int itemsPerScenario = 14)
    {
        var request = new ImportItemsRequest { ClientRequestId = $"sample-bank-{knowledgePerStatement}-{scenarios}-{itemsPerScenario}" };
        foreach (var (role, statements) in Statements)
        {
            var prefix = role == Role.ChildAndFamilyPractitioner ? "CFP" : "PS";
            var n = 0;
            for (var statement = 1; statement <= statements; statement++)
            {
                for (var k = 0; k < knowledgePerStatement; k++)
                {
                    request.Items.Add(NewItem($"{prefix}-K{++n:000}", role, statement, "", n));
                }
            }

            for (var s = 1; s <= scenarios; s++)
            {
                var scenarioId = $"{prefix}-S{s:00}";
                request.Scenarios.Add(new CaseScenario
                {
                    ScenarioId = scenarioId,
                    Role = role,
                    Title = $"Case study {s}",
                    CaseText = $"The family of a {6 + s}-year-old child has been referred by the school after repeated absence and concerns about the home. Read the case notes and answer the questions that follow.",
                });
                for (var i = 1; i <= itemsPerScenario; i++)
                {
                    request.Items.Add(NewItem($"{scenarioId}-{i:00}", role, 1 + ((i - 1) % statements), scenarioId, ++n));
                }
            }
        }

        return request;
    }

    private static Item NewItem(string id, Role role, int statement, string scenarioId, int n)
    {
        var multiple = n % 3 == 0;
        var format = multiple ? ItemFormat.MultipleAnswer : ItemFormat.SingleAnswer;
        var letters = Enumerable.Range(0, multiple ? 8 : 4).Select(i => ((char)('A' + i)).ToString()).ToList();
        var item = new Item
        {
            ItemId = id,
            Role = role,
            KssStatement = statement,
            Format = format,
            ScenarioId = scenarioId,
            Stem = multiple
                ? $"Which three of these are the most appropriate next steps? (item {id}, statement {statement})"
                : $"Which one of these is the most appropriate response? (item {id}, statement {statement})",
        };
        item.Options.AddRange(letters.Select(l => new ItemOption { OptionId = l, Text = string.Create(CultureInfo.InvariantCulture, $"Option {l} of item {id}") }));
        var keyCount = multiple ? 3 : 1;
        item.Keys.AddRange(Enumerable.Range(0, keyCount).Select(k => letters[(n + (k * 3)) % letters.Count]));
        return item;
    }
}
