using Accreditation.Contracts.Common.V1;
using Accreditation.Contracts.Testing.V1;
using Accreditation.Testing.Domain;

namespace Accreditation.Testing.Tests.Domain;

public sealed class ScoringTests
{
    private static readonly Item Single = new() { Format = ItemFormat.SingleAnswer, Keys = { "C" }, KssStatement = 1 };
    private static readonly Item Multiple = new() { Format = ItemFormat.MultipleAnswer, Keys = { "A", "D", "G" }, KssStatement = 2 };

    [Theory]
    [InlineData("C", true)]
    [InlineData("A", false)]
    [InlineData("", false)]
    [InlineData("C,A", false)]
    public void Earns_SingleAnswer_OnlyTheKey(string selected, bool earns) =>
        Assert.Equal(earns, Scoring.Earns(Single, selected.Split(',', StringSplitOptions.RemoveEmptyEntries)));

    [Theory]
    [InlineData("A,D,G", true)]
    [InlineData("G,A,D", true)]
    [InlineData("A,D", false)]
    [InlineData("A,D,B", false)]
    [InlineData("A,D,G,B", false)]
    public void Earns_MultipleAnswer_ExactlyTheThreeKeysNoPartialCredit(string selected, bool earns) =>
        Assert.Equal(earns, Scoring.Earns(Multiple, selected.Split(',', StringSplitOptions.RemoveEmptyEntries)));

    [Theory]
    [InlineData(18, true, 60.0)]
    [InlineData(17, false, 56.7)]
    [InlineData(30, true, 100.0)]
    [InlineData(0, false, 0.0)]
    public void Score_MarksAgainstPassMark_PercentageToOneDecimalAndOutcome(int correct, bool passed, double percentage)
    {
        var items = Enumerable.Range(1, 30).Select(i => new Item
        {
            ItemId = $"I{i}",
            Version = 1,
            Format = ItemFormat.SingleAnswer,
            Keys = { "A" },
            KssStatement = 1 + (i % 10),
        }).ToDictionary(i => i.ItemId);
        var form = new Form(1, "", 0, items.Values.Select((item, index) => new FormItem(index + 1, item.ItemId, 1, ["A", "B", "C", "D"])).ToList());
        var answers = form.Items.ToDictionary(f => f.Position, f => (IReadOnlyList<string>)[f.Position <= correct ? "A" : "B"]);

        var score = Scoring.Score(Role.ChildAndFamilyPractitioner, form, (id, _) => items[id], answers, 60, Bank.Kss, DateTimeOffset.UnixEpoch, false);

        Assert.Equal(correct, score.Score);
        Assert.Equal(30, score.MaxScore);
        Assert.Equal(percentage, score.Percentage);
        Assert.Equal(passed, score.Passed);
        Assert.Equal(10, score.Breakdown.Count);
        Assert.Equal(30, score.Breakdown.Sum(b => b.Items));
        Assert.Equal(correct, score.Breakdown.Sum(b => b.Marks));
        Assert.Equal("Relationships and effective direct work", score.Breakdown[0].Title);
    }

    [Fact]
    public void Score_ScoresAgainstTheVersionTheFormGave()
    {
        var v1 = new Item { ItemId = "I", Version = 1, Keys = { "A" }, KssStatement = 1 };
        var v2 = new Item { ItemId = "I", Version = 2, Keys = { "B" }, KssStatement = 1 };
        var form = new Form(1, "", 0, [new FormItem(1, "I", 1, ["A", "B", "C", "D"])]);

        var score = Scoring.Score(Role.ChildAndFamilyPractitioner, form, (_, v) => v == 1 ? v1 : v2,
            new Dictionary<int, IReadOnlyList<string>> { [1] = ["A"] }, 60, Bank.Kss, DateTimeOffset.UnixEpoch, false);

        Assert.Equal(1, score.Score);
    }
}
