using Accreditation.AssessmentRules.Kss;
using Accreditation.BuildingBlocks.Errors;
using Accreditation.Contracts.Observation.V1;

namespace Accreditation.Observation.Domain;

/// <summary>
/// Recording scores as pure functions. A marker saves drafts (scores 1 to 4, each with an evidence
/// note) any number of times and submits once, which locks the marking; every change of a score
/// yields an audit entry. Submitting routes the session: see <see cref="ModerationRouting"/>.
/// </summary>
public static class MarkingRules
{
    public const int MaxEvidenceLength = 4000;
    public const int MaxReasonLength = 1000;

    /// <summary>The stage <paramref name="assessorId"/> marks in; PERMISSION_DENIED when the session is not assigned to them.</summary>
    public static MarkingStage StageOf(SessionRecord session, string assessorId)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (assessorId.Length > 0 && session.FirstAssessorId == assessorId)
        {
            return MarkingStage.First;
        }

        if (assessorId.Length > 0 && session.SecondAssessorId == assessorId)
        {
            return MarkingStage.Second;
        }

        throw new PermissionDeniedException($"session {session.SessionId} is not assigned to you", "session_id");
    }

    /// <summary>Whether <paramref name="assessorId"/> may see the session: its first or second assessor.</summary>
    public static bool IsAssigned(SessionRecord session, string assessorId)
    {
        ArgumentNullException.ThrowIfNull(session);
        return assessorId.Length > 0 && (session.FirstAssessorId == assessorId || session.SecondAssessorId == assessorId);
    }

    /// <summary>Merges <paramref name="scores"/> into the marker's draft; audit entries for every score that changed.</summary>
    public static ScoreChange Save(
        SessionRecord session,
        MarkingStage stage,
        string markerId,
        IReadOnlyList<ComponentRubric> rubric,
        IReadOnlyList<CriterionScore> scores,
        string reason,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(rubric);
        ArgumentNullException.ThrowIfNull(scores);
        EnsureOpenFor(session, stage, now);
        var marking = session.MarkingOf(stage) ?? new MarkingRecord { Stage = stage, MarkerId = markerId };
        if (marking.State == MarkingState.Submitted)
        {
            throw new DomainRuleException($"the {StageName(stage)} marking of session {session.SessionId} is submitted and locked");
        }

        var incoming = Validate(rubric, scores, reason);
        var merged = marking.Scores.ToDictionary(s => (s.ComponentId, s.CriterionId));
        var audit = new List<AuditEntryRecord>();
        var why = reason.Trim().Length > 0 ? reason.Trim() : "draft saved";
        foreach (var score in incoming)
        {
            var before = merged.GetValueOrDefault((score.ComponentId, score.CriterionId));
            if (before == score)
            {
                continue;
            }

            merged[(score.ComponentId, score.CriterionId)] = score;
            audit.Add(new AuditEntryRecord(session.SessionId, score.ComponentId, score.CriterionId, stage, markerId, now, before?.Score ?? 0, before?.Evidence ?? "", score.Score, score.Evidence, why));
        }

        if (audit.Count == 0 && session.MarkingOf(stage) is not null)
        {
            return new ScoreChange(session, []);
        }

        var ordered = rubric.SelectMany(c => c.Criteria.Select(k => (c.ComponentId, k.CriterionId))).Where(merged.ContainsKey).Select(k => merged[k]).ToList();
        return new ScoreChange(With(session, marking with { Scores = ordered }), audit);
    }

    /// <summary>Saves the last changes and locks the marking; FAILED_PRECONDITION naming the criteria still unscored.</summary>
    public static ScoreChange Submit(
        SessionRecord session,
        MarkingStage stage,
        string markerId,
        IReadOnlyList<ComponentRubric> rubric,
        IReadOnlyList<CriterionScore> scores,
        string reason,
        DateTimeOffset now,
        string rationale = "")
    {
        var saved = Save(session, stage, markerId, rubric, scores, reason, now);
        var marking = saved.Session.MarkingOf(stage)!;
        var unscored = PassRule.Unscored(rubric, marking.Scores);
        if (unscored.Count > 0)
        {
            throw new DomainRuleException($"{unscored.Count} criteria are not scored yet: {string.Join(", ", unscored.Take(10))}; every criterion needs a score before the marking is submitted");
        }

        var locked = marking with { State = MarkingState.Submitted, SubmittedAt = now, Rationale = rationale };
        return new ScoreChange(With(saved.Session, locked), saved.Audit);
    }

    /// <summary>
    /// Where the session goes after a marking was submitted; the result is final (to be completed)
    /// when no further marking is needed.
    /// </summary>
    public static (SessionRecord Session, SessionResult? Final) Route(
        SessionRecord session, IReadOnlyList<ComponentRubric> rubric, ObservationOptions options, KssCatalog kss, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(options);
        MarkResult Evaluate(MarkingStage stage) => PassRule.Evaluate(rubric, session.MarkingOf(stage)!.Scores, options.PassRule, kss, session.Role);
        SessionResult Final(MarkResult result, MarkingStage by) =>
            new(result.Passed, now, by, result, options.PassRule.CriterionMinimum, options.PassRule.AverageMinimum);

        switch (session.State)
        {
            case SessionState.Scheduled:
            {
                var first = Evaluate(MarkingStage.First);
                var reason = ModerationRouting.AfterFirstMarking(first, session.SessionId, options.Moderation, options.PassRule);
                return reason == SecondMarkingReason.None
                    ? (session, Final(first, MarkingStage.First))
                    : (session with { State = SessionState.AwaitingSecondMarking, SecondMarkingReason = reason }, null);
            }

            case SessionState.AwaitingSecondMarking:
            {
                var first = Evaluate(MarkingStage.First);
                var second = Evaluate(MarkingStage.Second);
                return ModerationRouting.NeedsModerator(first, second, options.Moderation)
                    ? (session with { State = SessionState.AwaitingModeration }, null)
                    : (session, Final(first, MarkingStage.Second));
            }

            case SessionState.AwaitingModeration:
                return (session, Final(Evaluate(MarkingStage.Moderation), MarkingStage.Moderation));
            default:
                throw new InvalidOperationException($"session {session.SessionId} is {session.State} and has nothing to route");
        }
    }

    public static string StageName(MarkingStage stage) => stage switch
    {
        MarkingStage.First => "first",
        MarkingStage.Second => "second",
        MarkingStage.Moderation => "moderation",
        _ => "unknown",
    };

    private static SessionRecord With(SessionRecord session, MarkingRecord marking) =>
        session with
        {
            Markings = [.. session.Markings.Where(m => m.Stage != marking.Stage), marking],
            Version = session.Version + 1,
        };

    private static void EnsureOpenFor(SessionRecord session, MarkingStage stage, DateTimeOffset now)
    {
        var expected = stage switch
        {
            MarkingStage.First => SessionState.Scheduled,
            MarkingStage.Second => SessionState.AwaitingSecondMarking,
            _ => SessionState.AwaitingModeration,
        };
        if (session.State != expected)
        {
            var locked = session.MarkingOf(stage) is { State: MarkingState.Submitted };
            throw new DomainRuleException(locked
                ? $"the {StageName(stage)} marking of session {session.SessionId} is submitted and locked"
                : $"session {session.SessionId} is {SessionRules.StateName(session.State)}; {StageName(stage)} marking is not open");
        }

        if (stage == MarkingStage.First && now < session.SlotStart)
        {
            throw new DomainRuleException($"session {session.SessionId} starts at {SessionRules.Iso(session.SlotStart)}; scores can be recorded from then");
        }
    }

    private static List<ScoreRecord> Validate(IReadOnlyList<ComponentRubric> rubric, IReadOnlyList<CriterionScore> scores, string reason)
    {
        var problems = new List<FieldViolation>();
        var criteria = rubric.ToDictionary(c => c.ComponentId, c => c.Criteria.Select(k => k.CriterionId).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
        var seen = new HashSet<(string, string)>();
        var valid = new List<ScoreRecord>();
        for (var i = 0; i < scores.Count; i++)
        {
            var s = scores[i];
            var at = $"scores[{i}]";
            var before = problems.Count;
            if (!criteria.TryGetValue(s.ComponentId, out var ids))
            {
                problems.Add(new($"{at}.component_id", $"'{s.ComponentId}' is not a component of this session: {string.Join(", ", criteria.Keys)}"));
            }
            else if (!ids.Contains(s.CriterionId))
            {
                problems.Add(new($"{at}.criterion_id", $"'{s.CriterionId}' is not a criterion of component {s.ComponentId}"));
            }
            else if (!seen.Add((s.ComponentId, s.CriterionId)))
            {
                problems.Add(new($"{at}.criterion_id", $"{s.ComponentId}/{s.CriterionId} is scored twice in this request"));
            }

            if (s.Score is < 1 or > 4)
            {
                problems.Add(new($"{at}.score", "must be between 1 and 4"));
            }

            if (string.IsNullOrWhiteSpace(s.Evidence))
            {
                problems.Add(new($"{at}.evidence", "is required: note the evidence for the score"));
            }
            else if (s.Evidence.Length > MaxEvidenceLength)
            {
                problems.Add(new($"{at}.evidence", $"must be at most {MaxEvidenceLength} characters"));
            }

            if (problems.Count == before)
            {
                valid.Add(new ScoreRecord(s.ComponentId, s.CriterionId, s.Score, s.Evidence.Trim()));
            }
        }

        if (reason.Length > MaxReasonLength)
        {
            problems.Add(new("reason", $"must be at most {MaxReasonLength} characters"));
        }

        if (problems.Count > 0)
        {
            throw new ValidationException(problems);
        }

        return valid;
    }
}
