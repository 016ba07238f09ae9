using Accreditation.Cli.Bank;
using Accreditation.Contracts.Common.V1;
using Accreditation.Contracts.Testing.V1;
using Accreditation.Testing.Domain;

namespace Accreditation.Testing.Tests.Domain;

public sealed class BankImportValidatorTests
{
    private static IReadOnlyList<BuildingBlocks.Errors.FieldViolation> Validate(ImportItemsRequest request, Item? existing = null) =>
        BankImportValidator.Validate(request, Bank.Kss, _ => null, id => existing?.ItemId == id ? existing : null);

    [Fact]
    public void Validate_SampleBank_NoProblems() => Assert.Empty(Validate(SampleBank.Create()));

    [Fact]
    public void Validate_SeveralBrokenItems_ReportsEveryProblemWithItemAndField()
    {
        var request = SampleBank.Create();
        request.Items[0].Keys.Clear();
        request.Items[1].KssStatement = 11;
        request.Items[2].Options.RemoveAt(0);
        request.Items[3].Stem = "";
        request.Items[4].ItemId = request.Items[5].ItemId;
        request.Scenarios[0].CaseText = "";

        var problems = Validate(request).Select(p => p.Field).ToList();

        Assert.Contains("items[0].keys", problems);
        Assert.Contains("items[1].kss_statement", problems);
        Assert.Contains("items[2].options", problems);
        Assert.Contains("items[3].stem", problems);
        Assert.Contains("items[5].item_id", problems);
        Assert.Contains("scenarios[0].case_text", problems);
    }

    [Fact]
    public void Validate_KeyNotAnOption_ProblemOnKeys()
    {
        var request = new ImportItemsRequest();
        request.Items.Add(SampleBank.Create().Items[0]);
        request.Items[0].Keys[0] = "Z";

        Assert.Equal("items[0].keys", Assert.Single(Validate(request)).Field);
    }

    [Fact]
    public void Validate_MultipleAnswerWithTwoKeys_ProblemOnKeys()
    {
        var request = new ImportItemsRequest();
        request.Items.Add(SampleBank.Create().Items.First(i => i.Format == ItemFormat.MultipleAnswer));
        request.Items[0].Keys.RemoveAt(0);

        Assert.Equal("items[0].keys", Assert.Single(Validate(request)).Field);
    }

    [Fact]
    public void Validate_ItemOfUnknownScenario_ProblemOnScenarioId()
    {
        var request = new ImportItemsRequest();
        request.Items.Add(SampleBank.Create().Items.First(i => i.ScenarioId.Length > 0));

        Assert.Equal("items[0].scenario_id", Assert.Single(Validate(request)).Field);
    }

    [Fact]
    public void Validate_PractitionerItemOnSupervisorScenario_ProblemOnScenarioId()
    {
        var request = SampleBank.Create();
        var item = request.Items.First(i => i.Role == Role.ChildAndFamilyPractitioner && i.ScenarioId.Length > 0);
        item.ScenarioId = request.Scenarios.First(s => s.Role == Role.PracticeSupervisor).ScenarioId;

        Assert.Equal($"items[{request.Items.IndexOf(item)}].scenario_id", Assert.Single(Validate(request)).Field);
    }

    [Fact]
    public void Validate_ExistingItemChangingRole_ProblemOnRole()
    {
        var request = new ImportItemsRequest();
        var item = SampleBank.Create().Items.First(i => i.ScenarioId.Length == 0 && i.KssStatement <= 8);
        request.Items.Add(item);
        var existing = item.Clone();
        existing.Role = Role.PracticeSupervisor;

        Assert.Equal("items[0].role", Assert.Single(Validate(request, existing)).Field);
    }

    [Fact]
    public void Validate_Empty_Problem() => Assert.Single(Validate(new ImportItemsRequest()));

    [Fact]
    public void Validate_ExistingScenarioChangingRole_ProblemOnRole()
    {
        var request = new ImportItemsRequest();
        var scenario = SampleBank.Create().Scenarios[0];
        request.Scenarios.Add(scenario);
        var existing = scenario.Clone();
        existing.Role = Role.PracticeSupervisor;

        var problems = BankImportValidator.Validate(request, Bank.Kss, id => id == scenario.ScenarioId ? existing : null, _ => null);

        Assert.Equal("scenarios[0].role", Assert.Single(problems).Field);
    }
}
