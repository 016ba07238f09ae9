using System.Globalization;
using Accreditation.AssessmentRules.Eligibility;
using Accreditation.AssessmentRules.Resits;
using Accreditation.BuildingBlocks.Errors;
using Accreditation.Contracts.Testing.V1;

namespace Accreditation.Testing.Domain;

/// <summary>
/// The sitting life cycle as pure functions: Booked -> InProgress -> Scored, or Cancelled before
/// it is scored. Each returns the next records (version + 1) or throws the domain error.
/// </summary>
public static class SittingRules
{
    public const string ExistingSittingTrailer = "x-existing-sitting-id";

    public static (SittingRecord Sitting, CandidateRecord Candidate) Book(
        CandidateRecord? candidate,
        IReadOnlyList<AttemptRecord> history,
        string enrolmentId,
        string sittingId,
        DateTimeOffset slotStart,
        DeliveryMode mode,
        string testCentre,
        ResitPolicy resits,
        DateTimeOffset now,
        string bookedBy = "",
        OpenSitting? personOpen = null)
    {
        ArgumentNullException.ThrowIfNull(resits);
        ArgumentNullException.ThrowIfNull(history);
        EnsureEligible(candidate, enrolmentId);
        if (personOpen is not null)
        {
            // The person has an open sitting in the role (under this enrolment or another): named only to the provider that booked it.
            var own = personOpen.BookedBy == bookedBy;
            throw new AlreadyExistsException(
                own ? $"{candidate!.RegistrationNumber} already has an open sitting {personOpen.SittingId} in this role"
                    : $"{candidate!.RegistrationNumber} already has an open sitting with another delivery provider",
                ExistingSittingTrailer,
                own ? personOpen.SittingId : null);
        }

        if (candidate!.OpenSittingId is not null)
        {
            // Only for a sitting booked before the person's open-sitting entry existed; its provider is unknown here.
            throw new AlreadyExistsException("the candidate already has an open sitting", ExistingSittingTrailer, null);
        }

        resits.EnsureMayBook(history, now, "the knowledge test");
        var sitting = new SittingRecord
        {
            SittingId = sittingId,
            EnrolmentId = enrolmentId,
            RegistrationNumber = candidate.RegistrationNumber,
            BookedBy = bookedBy,
            Role = candidate.Role,
            State = SittingState.Booked,
            Mode = mode,
            TestCentre = testCentre,
            SlotStart = slotStart,
            BookedAt = now,
            AttemptNumber = history.Count + 1,
            Version = 1,
        };
        return (sitting, candidate with { OpenSittingId = sittingId });
    }

    /// <summary>Starts a booked sitting with its assembled form. Starting an in-progress sitting again returns it unchanged.</summary>
    public static SittingRecord Start(SittingRecord sitting, CandidateRecord candidate, Form form, Blueprint blueprint, TimeSpan earlyStart, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(sitting);
        ArgumentNullException.ThrowIfNull(blueprint);
        switch (sitting.State)
        {
            case SittingState.InProgress:
                return sitting;
            case SittingState.Booked:
                EnsureEligible(candidate, sitting.EnrolmentId);
                if (now < sitting.SlotStart - earlyStart)
                {
                    throw new DomainRuleException($"sitting {sitting.SittingId} opens at {Iso(sitting.SlotStart - earlyStart)}");
                }

                return sitting with
                {
                    State = SittingState.InProgress,
                    StartedAt = now,
                    Deadline = now + blueprint.Duration,
                    Form = form,
                    Version = sitting.Version + 1,
                };
            default:
                throw new DomainRuleException($"sitting {sitting.SittingId} is {StateName(sitting.State)} and cannot start");
        }
    }

    /// <summary>Records answers (later answers for a position replace earlier ones); rejected after the deadline.</summary>
    public static SittingRecord SaveAnswers(SittingRecord sitting, IReadOnlyList<Answer> answers, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(sitting);
        ArgumentNullException.ThrowIfNull(answers);
        EnsureInProgress(sitting);
        if (now > sitting.Deadline)
        {
            throw new DomainRuleException($"the deadline of sitting {sitting.SittingId} passed at {Iso(sitting.Deadline!.Value)}; answers are no longer accepted");
        }

        var merged = sitting.Answers.ToDictionary(a => a.Key, a => a.Value);
        var problems = new List<FieldViolation>();
        for (var i = 0; i < answers.Count; i++)
        {
            var answer = answers[i];
            var item = sitting.Form!.Items.FirstOrDefault(f => f.Position == answer.Position);
            if (item is null)
            {
                problems.Add(new($"answers[{i}].position", $"must be between 1 and {sitting.Form.Items.Count}"));
                continue;
            }

            var selected = answer.SelectedOptionIds.ToList();
            var required = item.OptionOrder.Count == ItemFormats.Options(ItemFormat.MultipleAnswer) ? 3 : 1;
            if (selected.Distinct(StringComparer.Ordinal).Count() != selected.Count)
            {
                problems.Add(new($"answers[{i}].selected_option_ids", "lists an option twice"));
            }
            else if (selected.Count > required)
            {
                problems.Add(new($"answers[{i}].selected_option_ids", $"item {answer.Position} takes at most {required} options"));
            }
            else if (selected.FirstOrDefault(o => !item.OptionOrder.Contains(o)) is { } stray)
            {
                problems.Add(new($"answers[{i}].selected_option_ids", $"'{stray}' is not an option of item {answer.Position}"));
            }
            else if (selected.Count == 0)
            {
                merged.Remove(answer.Position);
            }
            else
            {
                merged[answer.Position] = selected;
            }
        }

        if (problems.Count > 0)
        {
            throw new ValidationException(problems);
        }

        return sitting with { Answers = merged, Version = sitting.Version + 1 };
    }

    /// <summary>Completes a sitting with its score, releases it from the candidate and adds the attempt to the person's history.</summary>
    public static (SittingRecord Sitting, CandidateRecord Candidate, IReadOnlyList<AttemptRecord> History) Complete(
        SittingRecord sitting, CandidateRecord candidate, IReadOnlyList<AttemptRecord> history, SittingScore score)
    {
        ArgumentNullException.ThrowIfNull(sitting);
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(history);
        EnsureInProgress(sitting);
        ArgumentNullException.ThrowIfNull(score);
        var scored = sitting with { State = SittingState.Scored, Result = score, Version = sitting.Version + 1 };
        var attempt = new AttemptRecord(sitting.SittingId, sitting.AttemptNumber, score.Passed, score.ScoredAt);
        return (scored,
            candidate with { OpenSittingId = candidate.OpenSittingId == sitting.SittingId ? null : candidate.OpenSittingId },
            [.. history, attempt]);
    }

    /// <summary>Cancels a sitting that is not scored: by the delivery platform (booked only) or because the candidate withdrew.</summary>
    public static (SittingRecord Sitting, CandidateRecord Candidate) Cancel(SittingRecord sitting, CandidateRecord candidate, string reason, bool candidateWithdrew)
    {
        ArgumentNullException.ThrowIfNull(sitting);
        ArgumentNullException.ThrowIfNull(candidate);
        if (sitting.State == SittingState.Cancelled)
        {
            return (sitting, candidate);
        }

        var allowed = sitting.State == SittingState.Booked || (candidateWithdrew && sitting.State == SittingState.InProgress);
        if (!allowed)
        {
            throw new DomainRuleException($"sitting {sitting.SittingId} is {StateName(sitting.State)} and cannot be cancelled");
        }

        return (sitting with { State = SittingState.Cancelled, CancellationReason = reason, Version = sitting.Version + 1 },
            candidate with { OpenSittingId = candidate.OpenSittingId == sitting.SittingId ? null : candidate.OpenSittingId });
    }

    private static void EnsureEligible(CandidateRecord? candidate, string enrolmentId) =>
        Eligibility.EnsureEligible(candidate?.Eligibility, enrolmentId);

    private static void EnsureInProgress(SittingRecord sitting)
    {
        if (sitting.State != SittingState.InProgress)
        {
            throw new DomainRuleException($"sitting {sitting.SittingId} is {StateName(sitting.State)}, not in progress");
        }
    }

    private static string StateName(SittingState state) => state.ToString().ToLowerInvariant();

    private static string Iso(DateTimeOffset time) => time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
