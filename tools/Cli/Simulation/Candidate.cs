using Accreditation.Contracts.Testing.V1;

namespace Accreditation.Cli.Simulation;

/// <summary>How a simulated candidate answers: each item right with probability <paramref name="ability"/>.</summary>
public static class Candidate
{
    public static async Task<List<Answer>> AnswerAsync(IEnumerable<DeliveredItem> items, KeyBook keys, double ability, Random random)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(random);
        var answers = new List<Answer>();
        foreach (var item in items)
        {
            var key = await keys.KeysOfAsync(item.ItemId);
            var answer = new Answer { Position = item.Position };
            bool right;
            lock (random)
            {
                right = random.NextDouble() < ability;
            }

            answer.SelectedOptionIds.AddRange(right
                ? key
                : item.Options.Select(o => o.OptionId).Where(o => !key.Contains(o)).Take(item.AnswersRequired));
            answers.Add(answer);
        }

        return answers;
    }
}
