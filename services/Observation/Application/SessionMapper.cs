using Accreditation.Contracts.Common.V1;
using Accreditation.Contracts.Observation.V1;
using Accreditation.Observation.Domain;
using Google.Protobuf.WellKnownTypes;

namespace Accreditation.Observation.Application;

/// <summary>Observation's records as the APIs show them, per viewer.</summary>
public static class SessionMapper
{
    /// <param name="scenarios">The scenario version of each component, by component id, when the view carries the rubric.</param>
    public static Session ToContract(SessionRecord s, SessionViewer viewer, string callerId, IReadOnlyDictionary<string, Scenario>? scenarios = null)
    {
        ArgumentNullException.ThrowIfNull(s);
        var session = new Session
        {
            SessionId = s.SessionId,
            EnrolmentId = s.EnrolmentId,
            Role = s.Role,
            State = s.State,
            AttemptNumber = s.AttemptNumber,
            SlotStart = Timestamp.FromDateTimeOffset(s.SlotStart),
            Location = s.Location,
            Filmed = s.Filmed,
            FirstAssessorId = s.FirstAssessorId,
            SecondAssessorId = s.SecondAssessorId,
            ModeratorId = s.ModeratorId,
            CancellationReason = s.CancellationReason,
            SecondMarkingReason = s.SecondMarkingReason,
        };
        foreach (var c in s.Components)
        {
            var component = new Component
            {
                ComponentId = c.ComponentId,
                Kind = c.Kind,
                ScenarioId = c.ScenarioId,
                ScenarioVersion = c.ScenarioVersion,
                Title = c.Title,
                ActorId = c.ActorId,
            };
            if (viewer != SessionViewer.Scheduling && scenarios is not null && scenarios.TryGetValue(c.ComponentId, out var scenario))
            {
                component.Criteria.AddRange(scenario.Criteria);
            }

            session.Components.Add(component);
        }

        var visible = viewer switch
        {
            SessionViewer.Moderator => s.Markings,
            SessionViewer.Assessor => s.Markings.Where(m => m.MarkerId == callerId && m.Stage != MarkingStage.Moderation).ToList(),
            _ => [],
        };
        session.Markings.AddRange(visible.OrderBy(m => m.Stage).Select(ToContract));
        if (s.Result is { } result)
        {
            session.Outcome = ToContract(result);
        }

        return session;
    }

    public static SessionOutcome ToContract(SessionResult r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var outcome = new SessionOutcome
        {
            Outcome = r.Passed ? AssessmentOutcome.Passed : AssessmentOutcome.Failed,
            DecidedAt = Timestamp.FromDateTimeOffset(r.DecidedAt),
            DecidedBy = r.DecidedBy,
            CriterionMinimum = r.CriterionMinimum,
            AverageMinimum = r.AverageMinimum,
        };
        outcome.Components.AddRange(r.Evaluation.Components.Select(c => new ComponentResult
        {
            ComponentId = c.ComponentId,
            Kind = c.Kind,
            Average = c.Average,
            LowestScore = c.LowestScore,
            MeetsStandard = c.MeetsStandard,
        }));
        outcome.Feedback.AddRange(r.Evaluation.Statements.Select(f => new StatementFeedback
        {
            KssStatement = f.Statement,
            Title = f.Title,
            Criteria = f.Criteria,
            AverageScore = f.Average,
            Met = f.Met,
        }));
        return outcome;
    }

    public static ScoreAuditEntry ToContract(AuditEntryRecord a)
    {
        ArgumentNullException.ThrowIfNull(a);
        return new ScoreAuditEntry
        {
            SessionId = a.SessionId,
            ComponentId = a.ComponentId,
            CriterionId = a.CriterionId,
            Stage = a.Stage,
            ChangedBy = a.ChangedBy,
            ChangedAt = Timestamp.FromDateTimeOffset(a.ChangedAt),
            ScoreBefore = a.ScoreBefore,
            EvidenceBefore = a.EvidenceBefore,
            ScoreAfter = a.ScoreAfter,
            EvidenceAfter = a.EvidenceAfter,
            Reason = a.Reason,
        };
    }

    private static Marking ToContract(MarkingRecord m)
    {
        var marking = new Marking { Stage = m.Stage, MarkerId = m.MarkerId, State = m.State, Rationale = m.Rationale };
        if (m.SubmittedAt is { } submitted)
        {
            marking.SubmittedAt = Timestamp.FromDateTimeOffset(submitted);
        }

        marking.Scores.AddRange(m.Scores.Select(s => new CriterionScore { ComponentId = s.ComponentId, CriterionId = s.CriterionId, Score = s.Score, Evidence = s.Evidence }));
        return marking;
    }
}
