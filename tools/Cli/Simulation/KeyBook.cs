using System.Collections.Concurrent;
using Accreditation.Contracts.Testing.V1;

namespace Accreditation.Cli.Simulation;

/// <summary>The answer keys of delivered items, read once each through the bank admin API (the simulator plays a candidate who knows some answers).</summary>
public sealed class KeyBook(QuestionBankService.QuestionBankServiceClient bank)
{
    private readonly ConcurrentDictionary<string, Task<IReadOnlyList<string>>> _keys = new(StringComparer.Ordinal);

    public Task<IReadOnlyList<string>> KeysOfAsync(string itemId) =>
        _keys.GetOrAdd(itemId, async id => (IReadOnlyList<string>)[.. (await bank.GetItemAsync(new GetItemRequest { ItemId = id })).Item.Keys]);
}
