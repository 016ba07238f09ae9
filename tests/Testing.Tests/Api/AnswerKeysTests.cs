using Accreditation.Contracts.Testing.V1;
using Accreditation.TestSupport;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace Accreditation.Testing.Tests.Api;

/// <summary>
/// Answer keys never leave the service. Not by field name: every string value the delivery API
/// returns (scalars, repeated strings, the columns of repeated messages, recursively) is compared
/// with the keys of the sitting's items as the bank admin API stores them.
/// </summary>
[Collection(RedisGroup.Name)]
public sealed class AnswerKeysTests(RedisFixture redis) : TestingApiTestBase(redis)
{
    /// <summary>An item's option ids and keys, as the bank holds them.</summary>
    private sealed record ItemKeys(string ItemId, IReadOnlyList<string> Options, IReadOnlyList<string> Keys);

    private static readonly StringComparer Ids = StringComparer.OrdinalIgnoreCase;

    /// <summary>
    /// Where a response gives away a key of one of <paramref name="items"/>: a string whose tokens are
    /// exactly an item's keys (or that concatenates them), a repeated string or a column of a repeated
    /// message (one field across its elements) whose values are exactly an item's keys, or a string
    /// that is a single-key item's key anywhere except as one id in a full listing of an item's options.
    /// </summary>
    private static List<string> FindKeyLeaks(IMessage response, IReadOnlyCollection<ItemKeys> items)
    {
        var leaks = new List<string>();
        Walk(response, response.Descriptor.Name, listed: new HashSet<FieldDescriptor>(), items, leaks);
        return leaks;
    }

    /// <param name="listed">String fields of <paramref name="message"/> that hold one id of a full option listing.</param>
    private static void Walk(IMessage message, string path, HashSet<FieldDescriptor> listed, IReadOnlyCollection<ItemKeys> items, List<string> leaks)
    {
        foreach (var field in message.Descriptor.Fields.InDeclarationOrder())
        {
            var here = $"{path}.{field.Name}";
            var value = field.Accessor.GetValue(message);
            switch (field.FieldType)
            {
                case FieldType.String when field.IsRepeated:
                    var strings = ((System.Collections.IEnumerable)value).Cast<string>().ToList();
                    CheckValues(strings, here, items, leaks);
                    for (var i = 0; i < strings.Count; i++)
                    {
                        CheckString(strings[i], $"{here}[{i}]", asListedOption: false, items, leaks);
                    }

                    break;
                case FieldType.String:
                    CheckString((string)value, here, listed.Contains(field), items, leaks);
                    break;
                case FieldType.Message when field.IsRepeated:
                    var elements = ((System.Collections.IEnumerable)value).Cast<IMessage>().ToList();
                    var listedHere = new HashSet<FieldDescriptor>();
                    foreach (var column in field.MessageType.Fields.InDeclarationOrder().Where(f => f.FieldType == FieldType.String && !f.IsRepeated))
                    {
                        var values = elements.Select(e => (string)column.Accessor.GetValue(e)).ToList();
                        CheckValues(values, $"{here}[*].{column.Name}", items, leaks);
                        if (items.Any(item => IsExactly(values, item.Options)))
                        {
                            listedHere.Add(column);
                        }
                    }

                    for (var i = 0; i < elements.Count; i++)
                    {
                        Walk(elements[i], $"{here}[{i}]", listedHere, items, leaks);
                    }

                    break;
                case FieldType.Message when value is IMessage child:
                    Walk(child, here, new HashSet<FieldDescriptor>(), items, leaks);
                    break;
            }
        }
    }

    /// <summary>A list of values (a repeated string, or one field across a repeated message) that is exactly an item's keys.</summary>
    private static void CheckValues(IReadOnlyList<string> values, string path, IReadOnlyCollection<ItemKeys> items, List<string> leaks)
    {
        foreach (var item in items.Where(item => IsExactly(values, item.Keys)))
        {
            leaks.Add($"{path} = [{string.Join(", ", values)}] is exactly the keys of {item.ItemId}");
        }
    }

    /// <summary>A string that is an item's keys (tokens or concatenation), or a single-key item's key on its own.</summary>
    private static void CheckString(string value, string path, bool asListedOption, IReadOnlyCollection<ItemKeys> items, List<string> leaks)
    {
        if (value.Length == 0)
        {
            return;
        }

        var tokens = value.Split(value.Where(c => !char.IsLetterOrDigit(c)).Distinct().ToArray(), StringSplitOptions.RemoveEmptyEntries);
        var joined = string.Concat(tokens);
        foreach (var item in items)
        {
            // One listed option id equals the key of some single-key item by design; everywhere else it singles the key out.
            if (asListedOption && item.Keys.Count == 1)
            {
                continue;
            }

            if (IsExactly(tokens, item.Keys) || (item.Keys.Count > 1 && Permutations(item.Keys).Any(p => Ids.Equals(string.Concat(p), joined))))
            {
                leaks.Add($"{path} = \"{value}\" gives away the keys of {item.ItemId} ({string.Join(",", item.Keys)})");
            }
        }
    }

    private static bool IsExactly(IReadOnlyList<string> values, IReadOnlyList<string> ids) =>
        values.Count > 0 && values.All(v => v.Length > 0) && new HashSet<string>(values, Ids).SetEquals(ids);

    private static IEnumerable<IReadOnlyList<string>> Permutations(IReadOnlyList<string> ids) =>
        ids.Count <= 1
            ? [ids]
            : ids.SelectMany((first, i) => Permutations([.. ids.Where((_, j) => j != i)]).Select(rest => (IReadOnlyList<string>)[first, .. rest]));

    private async Task<List<ItemKeys>> StoredKeysAsync(IEnumerable<DeliveredItem> delivered)
    {
        var items = new List<ItemKeys>();
        foreach (var d in delivered)
        {
            var item = (await BankAdmin.GetItemAsync(new GetItemRequest { ItemId = d.ItemId })).Item;
            items.Add(new ItemKeys(item.ItemId, [.. item.Options.Select(o => o.OptionId)], [.. item.Keys]));
        }

        return items;
    }

    [Fact]
    public async Task DeliveryApi_EveryResponseThroughScoring_NoValueGivesAwayAKey()
    {
        var enrolmentId = await EndorsedCandidateAsync();
        var responses = new List<IMessage>();
        var booked = await Delivery.BookSittingAsync(Book(enrolmentId));
        responses.Add(booked);
        var id = booked.Sitting.SittingId;
        responses.Add(await Delivery.GetSittingAsync(new GetSittingRequest { SittingId = id }));
        var started = await Delivery.StartSittingAsync(new StartSittingRequest { SittingId = id });
        responses.Add(started);
        var items = await StoredKeysAsync(started.Items);
        // Wrong answers only (from the stored options): a response echoing the candidate's own selection can then never look like a key.
        var wrong = started.Items.Zip(items, (d, i) => new Answer { Position = d.Position, SelectedOptionIds = { i.Options.First(o => !i.Keys.Contains(o)) } });
        responses.Add(await Delivery.SaveAnswersAsync(new SaveAnswersRequest { SittingId = id, Answers = { wrong } }));
        responses.Add(await Delivery.StartSittingAsync(new StartSittingRequest { SittingId = id }));
        responses.Add(await Delivery.GetSittingAsync(new GetSittingRequest { SittingId = id }));
        var other = await Delivery.BookSittingAsync(Book(await EndorsedCandidateAsync()));
        responses.Add(await Delivery.CancelSittingAsync(new CancelSittingRequest { SittingId = other.Sitting.SittingId, Reason = "illness" }));
        responses.Add(await Delivery.SubmitSittingAsync(new SubmitSittingRequest { SittingId = id }));

        var leaks = responses.SelectMany(r => FindKeyLeaks(r, items)).ToList();

        Assert.True(leaks.Count == 0, string.Join(Environment.NewLine, leaks));
        Assert.Equal(30, items.Count);
        Assert.Contains(items, i => i.Keys.Count == 1);
        Assert.Contains(items, i => i.Keys.Count == 3);
        Assert.Equal(
            TestDeliveryService.Descriptor.Methods.Select(m => m.OutputType.Name).Order(),
            responses.Select(r => r.Descriptor.Name).Distinct().Order());
    }

    private static readonly ItemKeys SingleKey = new("CFP-K001", ["A", "B", "C", "D"], ["B"]);

    private static readonly ItemKeys ThreeKeys = new("CFP-K003", ["A", "B", "C", "D", "E", "F", "G", "H"], ["A", "D", "G"]);

    private static StartSittingResponse Delivered() => new()
    {
        Sitting = new Sitting { SittingId = "3f2c9a41-0d7e-4e55-9b8e-2f5d1c0a7b66", EnrolmentId = "e-1", State = SittingState.InProgress },
        Items =
        {
            new DeliveredItem { Position = 1, ItemId = SingleKey.ItemId, Stem = "Which one?", AnswersRequired = 1, Options = { SingleKey.Options.Reverse().Select(o => new DeliveredOption { OptionId = o, Text = $"Option {o} of item {SingleKey.ItemId}" }) } },
            new DeliveredItem { Position = 2, ItemId = ThreeKeys.ItemId, Stem = "Which three?", AnswersRequired = 3, ScenarioId = "CFP-S01", Options = { ThreeKeys.Options.Select(o => new DeliveredOption { OptionId = o, Text = $"Option {o} of item {ThreeKeys.ItemId}" }) } },
        },
        Scenarios = { new DeliveredScenario { ScenarioId = "CFP-S01", Title = "Case study 1", CaseText = "A family has been referred." } },
    };

    public static TheoryData<string, Action<StartSittingResponse>> PlantedLeaks => new()
    {
        { "multiple keys joined in another field", r => r.Items[0].ScenarioId = "A,D,G" },
        { "multiple keys concatenated", r => r.Sitting.TestCentre = "gda" },
        { "single key on its own", r => r.Items[0].ScenarioId = "B" },
        { "single key in the sitting", r => r.Sitting.CancellationReason = " B " },
        { "single key as an option's text", r => r.Items[0].Options[1].Text = "B" },
        { "options cut down to the single key only", r => RemoveAll(r.Items[0].Options, o => o.OptionId != "B") },
        { "options cut down to the multiple keys", r => RemoveAll(r.Items[1].Options, o => o.OptionId is not ("A" or "D" or "G")) },
        { "keys in a scenario's text", r => r.Scenarios[0].CaseText = "G D A" },
    };

    private static void RemoveAll(Google.Protobuf.Collections.RepeatedField<DeliveredOption> options, Func<DeliveredOption, bool> drop)
    {
        foreach (var o in options.Where(drop).ToList())
        {
            options.Remove(o);
        }
    }

    [Fact]
    public void FindKeyLeaks_DeliveredWithoutKeys_NoneFound() =>
        Assert.Empty(FindKeyLeaks(Delivered(), [SingleKey, ThreeKeys]));

    [Theory]
    [MemberData(nameof(PlantedLeaks))]
    public void FindKeyLeaks_PlantedLeak_Found(string leak, Action<StartSittingResponse> plant)
    {
        ArgumentNullException.ThrowIfNull(plant);
        var response = Delivered();
        plant(response);

        Assert.True(FindKeyLeaks(response, [SingleKey, ThreeKeys]).Count > 0, $"not found: {leak}");
    }
}
