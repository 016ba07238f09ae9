using Accreditation.BuildingBlocks.Errors;
using Accreditation.Contracts.Common.V1;
using Accreditation.Contracts.Testing.V1;
using Accreditation.Testing.Domain;

namespace Accreditation.Testing.Tests.Domain;

public sealed class FormAssemblerTests
{
    private static readonly Blueprint Default = new();

    private static Form Assemble(Role role, int seed, Func<List<Item>, List<Item>>? adjust = null)
    {
        var (items, scenarios) = Bank.For(role);
        return FormAssembler.Assemble(role, adjust?.Invoke(items) ?? items, scenarios, Default, Bank.Kss, seed);
    }

    [Theory]
    [InlineData(Role.ChildAndFamilyPractitioner, 10)]
    [InlineData(Role.PracticeSupervisor, 8)]
    public void Assemble_DefaultBlueprint_ThirtyItemsEighteenKnowledgeCoveringEveryStatementTwelveOnOneScenario(Role role, int statements)
    {
        var (items, _) = Bank.For(role);
        var byId = items.ToDictionary(i => i.ItemId);

        var form = Assemble(role, seed: 42);

        Assert.Equal(30, form.Items.Count);
        Assert.Equal(Enumerable.Range(1, 30), form.Items.Select(i => i.Position));
        Assert.Equal(30, form.Items.Select(i => i.ItemId).Distinct().Count());
        var knowledge = form.Items.Take(18).Select(i => byId[i.ItemId]).ToList();
        Assert.All(knowledge, i => Assert.Equal("", i.ScenarioId));
        Assert.Equal(Enumerable.Range(1, statements), knowledge.Select(i => i.KssStatement).Distinct().Order());
        var scenario = form.Items.Skip(18).Select(i => byId[i.ItemId].ScenarioId).Distinct().ToList();
        Assert.Equal(form.ScenarioId, Assert.Single(scenario));
        Assert.All(form.Items, f => Assert.Equal(byId[f.ItemId].Options.Select(o => o.OptionId).Order(), f.OptionOrder.Order()));
    }

    [Fact]
    public void Assemble_SameSeedAndBankInAnyOrder_SameForm()
    {
        var first = Assemble(Role.ChildAndFamilyPractitioner, seed: 7);
        var second = Assemble(Role.ChildAndFamilyPractitioner, seed: 7, items => Enumerable.Reverse(items).ToList());

        Assert.Equal(first.ScenarioId, second.ScenarioId);
        Assert.Equal(first.Items, second.Items, (a, b) => a.ItemId == b.ItemId && a.Position == b.Position && a.OptionOrder.SequenceEqual(b.OptionOrder));
    }

    [Fact]
    public void Assemble_DifferentSeeds_DifferentOrders()
    {
        var orders = Enumerable.Range(0, 5).Select(seed => string.Join(',', Assemble(Role.ChildAndFamilyPractitioner, seed).Items.Select(i => i.ItemId + string.Concat(i.OptionOrder)))).ToHashSet();

        Assert.True(orders.Count > 1);
    }

    [Fact]
    public void Assemble_RetiredItems_NeverUsed()
    {
        var form = Assemble(Role.PracticeSupervisor, 3, items =>
        {
            foreach (var item in items.Where(i => i.KssStatement == 2 && i.ScenarioId.Length == 0).Skip(1))
            {
                item.Status = ItemStatus.Retired;
            }

            return items;
        });
        var (items, _) = Bank.For(Role.PracticeSupervisor);
        var kept = items.First(i => i.KssStatement == 2 && i.ScenarioId.Length == 0).ItemId;

        var statementTwo = form.Items.Select(f => items.First(i => i.ItemId == f.ItemId)).Where(i => i.KssStatement == 2 && i.ScenarioId.Length == 0).ToList();
        Assert.Equal(kept, Assert.Single(statementTwo).ItemId);
    }

    [Fact]
    public void Assemble_NoItemForAStatement_DomainRuleNamingStatement()
    {
        var e = Assert.Throws<DomainRuleException>(() => Assemble(Role.ChildAndFamilyPractitioner, 1, items => items.Where(i => i.KssStatement != 9 || i.ScenarioId.Length > 0).ToList()));

        Assert.Contains("statement 9", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Assemble_NoScenarioWithTwelveItems_DomainRule() =>
        Assert.Throws<DomainRuleException>(() => Assemble(Role.ChildAndFamilyPractitioner, 1, items => items.Where(i => i.ScenarioId.Length == 0 || i.ItemId.EndsWith("-01", StringComparison.Ordinal)).ToList()));
}
