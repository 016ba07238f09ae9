using Accreditation.Contracts.Common.V1;
using Accreditation.Contracts.Testing.V1;
using Accreditation.Testing.Domain;
using Google.Protobuf.WellKnownTypes;

namespace Accreditation.Testing.Application;

/// <summary>Testing's records as the delivery API shows them. Keys and per-item correctness are never mapped.</summary>
public static class SittingMapper
{
    public static Sitting ToContract(SittingRecord s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var sitting = new Sitting
        {
            SittingId = s.SittingId,
            EnrolmentId = s.EnrolmentId,
            Role = s.Role,
            State = s.State,
            Mode = s.Mode,
            TestCentre = s.TestCentre,
            SlotStart = Timestamp.FromDateTimeOffset(s.SlotStart),
            AttemptNumber = s.AttemptNumber,
            CancellationReason = s.CancellationReason,
            AnsweredItems = s.Answers.Count,
        };
        if (s.StartedAt is { } started)
        {
            sitting.StartedAt = Timestamp.FromDateTimeOffset(started);
        }

        if (s.Deadline is { } deadline)
        {
            sitting.Deadline = Timestamp.FromDateTimeOffset(deadline);
        }

        if (s.Result is { } r)
        {
            sitting.Result = new SittingResult
            {
                Outcome = r.Passed ? AssessmentOutcome.Passed : AssessmentOutcome.Failed,
                Score = r.Score,
                MaxScore = r.MaxScore,
                Percentage = r.Percentage,
                PassMarkPercentage = r.PassMarkPercentage,
                ScoredAt = Timestamp.FromDateTimeOffset(r.ScoredAt),
                ClosedAtDeadline = r.ClosedAtDeadline,
            };
            sitting.Result.Breakdown.AddRange(r.Breakdown.Select(b => new StatementBreakdown
            {
                KssStatement = b.Statement,
                Title = b.Title,
                Items = b.Items,
                Marks = b.Marks,
            }));
        }

        return sitting;
    }

    /// <summary>The form's items as the candidate sees them: stem and options in this sitting's order, no keys.</summary>
    public static DeliveredItem ToDelivered(FormItem formItem, Item item)
    {
        ArgumentNullException.ThrowIfNull(formItem);
        ArgumentNullException.ThrowIfNull(item);
        var options = item.Options.ToDictionary(o => o.OptionId, o => o.Text, StringComparer.Ordinal);
        var delivered = new DeliveredItem
        {
            Position = formItem.Position,
            ItemId = item.ItemId,
            Stem = item.Stem,
            AnswersRequired = item.Keys.Count,
            ScenarioId = item.ScenarioId,
        };
        delivered.Options.AddRange(formItem.OptionOrder.Select(id => new DeliveredOption { OptionId = id, Text = options[id] }));
        return delivered;
    }

    public static DeliveredScenario ToDelivered(CaseScenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return new DeliveredScenario { ScenarioId = scenario.ScenarioId, Title = scenario.Title, CaseText = scenario.CaseText };
    }
}
