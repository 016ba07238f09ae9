using Accreditation.AssessmentRules.Kss;
using System.Security.Cryptography;
using Accreditation.BuildingBlocks.Auth;
using Accreditation.BuildingBlocks.Errors;
using Accreditation.BuildingBlocks.Idempotency;
using Accreditation.BuildingBlocks.Outbox;
using Accreditation.BuildingBlocks.Validation;
using Accreditation.Contracts;
using Accreditation.Contracts.Common.V1;
using Accreditation.Contracts.Events.V1;
using Accreditation.Contracts.Testing.V1;
using Accreditation.Testing.Domain;
using Accreditation.Testing.Infrastructure;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Microsoft.Extensions.Options;

namespace Accreditation.Testing.Application;

/// <summary>
/// The test delivery use cases. Every change re-reads the candidate and the sitting and commits
/// them together (optimistic concurrency), so consumers of enrolment events and delivery calls
/// never overwrite each other; scoring publishes KnowledgeTestCompleted through the outbox.
/// </summary>
public sealed class DeliveryCommands(
    SittingRepository sittings,
    BankRepository bank,
    CommandLog commandLog,
    KssCatalog kss,
    IOptions<TestingOptions> options,
    TimeProvider clock)
{
    private const int MaxAttempts = 5;
    private static readonly TimeSpan SlotTolerance = TimeSpan.FromMinutes(5);

    private TestingOptions Options => options.Value;

    public async Task<Sitting> BookAsync(Caller caller, BookSittingRequest request)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        var command = CommandKey.For(caller, nameof(BookAsync), request.ClientRequestId, request);
        var enrolmentId = Require.Id("enrolment_id", request.EnrolmentId);
        var now = clock.GetUtcNow();
        var slot = Require.Time("slot_start", request.SlotStart);
        if (slot < now - SlotTolerance)
        {
            throw new ValidationException("slot_start", "must not be in the past");
        }

        if (request.Mode is not (DeliveryMode.Online or DeliveryMode.TestCentre))
        {
            throw new ValidationException("mode", "must be DELIVERY_MODE_ONLINE or DELIVERY_MODE_TEST_CENTRE");
        }

        var centre = request.TestCentre?.Trim() ?? "";
        if (request.Mode == DeliveryMode.TestCentre && centre.Length == 0)
        {
            throw new ValidationException("test_centre", "is required for a sitting at a test centre");
        }

        if (centre.Length > 200)
        {
            throw new ValidationException("test_centre", "must be at most 200 characters");
        }

        var booked = await commandLog.RunOnceAsync(command, async () =>
        {
            var candidate = await sittings.GetCandidateAsync(enrolmentId);
            var historyId = candidate is null ? null : SittingRepository.HistoryId(candidate.Value.RegistrationNumber, candidate.Value.Role);
            var history = historyId is null ? null : await sittings.GetHistoryAsync(historyId);
            var personOpen = candidate is null ? null : await sittings.GetOpenSittingAsync(candidate.Value.RegistrationNumber, candidate.Value.Role);
            var (sitting, updated) = SittingRules.Book(candidate?.Value, history?.Value ?? [], enrolmentId, NewId(), slot, request.Mode, centre, Options.Resits, now, caller.Subject, personOpen);
            var answer = SittingMapper.ToContract(sitting).ToByteArray();
            var change = new SittingChange
            {
                CandidateBefore = candidate,
                Candidate = updated,
                Sitting = sitting,
                // Guard the history as read, so two enrolments of one person cannot both take the same attempt.
                HistoryKey = historyId,
                HistoryBefore = history,
                History = history?.Value,
                Command = command,
                Response = answer,
            };
            return await sittings.SaveAsync(change, Options.Grace, now) ? answer : null;
        });
        return Sitting.Parser.ParseFrom(booked);
    }

    public Task<Sitting> CancelAsync(Caller caller, CancelSittingRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var reason = string.IsNullOrWhiteSpace(request.Reason) ? "cancelled by the delivery platform" : request.Reason.Trim();
        if (reason.Length > 500)
        {
            throw new ValidationException("reason", "must be at most 500 characters");
        }

        return ChangeAsync(caller, request.SittingId, (sitting, candidate, _) =>
        {
            var (s, c) = SittingRules.Cancel(sitting, candidate, reason, candidateWithdrew: false);
            return Task.FromResult(new SittingChange { Sitting = s, Candidate = c });
        });
    }

    public async Task<StartSittingResponse> StartAsync(Caller caller, StartSittingRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var started = await ChangeAsync(caller, request.SittingId, async (sitting, candidate, now) =>
        {
            if (sitting.State != SittingState.Booked)
            {
                return new SittingChange { Sitting = SittingRules.Start(sitting, candidate, sitting.Form!, Options.Blueprint, Options.EarlyStart, now) };
            }

            var (items, scenarios) = await bank.LoadActiveAsync(sitting.Role);
            var form = FormAssembler.Assemble(sitting.Role, items, scenarios, Options.Blueprint, kss, RandomNumberGenerator.GetInt32(int.MaxValue));
            return new SittingChange { Sitting = SittingRules.Start(sitting, candidate, form, Options.Blueprint, Options.EarlyStart, now) };
        });
        var record = (await sittings.GetSittingAsync(started.SittingId))!.Value;
        var response = new StartSittingResponse { Sitting = started };
        var versions = await LoadFormItemsAsync(record.Form!);
        response.Items.AddRange(record.Form!.Items.Select(f => SittingMapper.ToDelivered(f, versions[(f.ItemId, f.Version)])));
        if (record.Form.ScenarioId.Length > 0 && await bank.GetScenarioAsync(record.Form.ScenarioId, record.Form.ScenarioVersion) is { } scenario)
        {
            response.Scenarios.Add(SittingMapper.ToDelivered(scenario));
        }

        return response;
    }

    public Task<Sitting> SaveAnswersAsync(Caller caller, SaveAnswersRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return ChangeAsync(caller, request.SittingId, (sitting, _, now) =>
            Task.FromResult(new SittingChange { Sitting = SittingRules.SaveAnswers(sitting, request.Answers, now) }));
    }

    public Task<Sitting> SubmitAsync(Caller caller, SubmitSittingRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return ChangeAsync(caller, request.SittingId, (sitting, candidate, now) => CompleteAsync(sitting, candidate, now, closedAtDeadline: false), scoredIsAnswer: true);
    }

    /// <summary>Closes and scores a sitting whose deadline plus grace has passed; false when there was nothing to close.</summary>
    public async Task<bool> CloseOverdueAsync(string sittingId)
    {
        var stored = await sittings.GetSittingAsync(sittingId);
        if (stored is null || stored.Value.State != SittingState.InProgress || clock.GetUtcNow() <= stored.Value.Deadline + Options.Grace)
        {
            return false;
        }

        await ChangeAsync(null, sittingId, (sitting, candidate, now) => CompleteAsync(sitting, candidate, now, closedAtDeadline: true), scoredIsAnswer: true);
        return true;
    }

    public async Task<Sitting> GetAsync(Caller caller, GetSittingRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var id = Require.Id("sitting_id", request.SittingId);
        var stored = await sittings.GetSittingAsync(id) ?? throw new NotFoundException($"sitting {id} does not exist", "sitting_id");
        EnsureOwn(caller, stored.Value);
        return SittingMapper.ToContract(stored.Value);
    }

    /// <summary>A sitting belongs to the delivery provider that booked it; every other provider gets PERMISSION_DENIED.</summary>
    private static void EnsureOwn(Caller? caller, SittingRecord sitting)
    {
        if (caller is not null && sitting.BookedBy != caller.Subject)
        {
            throw new PermissionDeniedException($"sitting {sitting.SittingId} was booked by another delivery provider", "sitting_id");
        }
    }

    private async Task<SittingChange> CompleteAsync(
        SittingRecord sitting, CandidateRecord candidate, DateTimeOffset now, bool closedAtDeadline)
    {
        if (sitting.State != SittingState.InProgress)
        {
            throw new DomainRuleException($"sitting {sitting.SittingId} is {sitting.State.ToString().ToLowerInvariant()}, not in progress; only a started sitting can be submitted");
        }

        if (!closedAtDeadline && now > sitting.Deadline + Options.Grace)
        {
            closedAtDeadline = true;
        }

        var versions = await LoadFormItemsAsync(sitting.Form!);
        var score = Scoring.Score(sitting.Role, sitting.Form!, (id, v) => versions[(id, v)], sitting.Answers, Options.PassMarkPercentage, kss, now, closedAtDeadline);
        var historyId = SittingRepository.HistoryId(candidate.RegistrationNumber, candidate.Role);
        var history = await sittings.GetHistoryAsync(historyId);
        var (scored, updated, attempts) = SittingRules.Complete(sitting, candidate, history?.Value ?? [], score);
        var eventId = NewId();
        var completed = new KnowledgeTestCompleted
        {
            EventId = eventId,
            OccurredAt = Timestamp.FromDateTimeOffset(now),
            EnrolmentId = candidate.EnrolmentId,
            RegistrationNumber = candidate.RegistrationNumber,
            Role = candidate.Role,
            Authority = candidate.Authority,
            SittingId = sitting.SittingId,
            Outcome = score.Passed ? AssessmentOutcome.Passed : AssessmentOutcome.Failed,
            Score = score.Score,
            MaxScore = score.MaxScore,
            AttemptNumber = sitting.AttemptNumber,
        };
        return new SittingChange
        {
            Sitting = scored,
            Candidate = updated,
            HistoryKey = historyId,
            HistoryBefore = history,
            History = attempts,
            Events = [new IntegrationEvent(Topics.KnowledgeTestCompleted, eventId, completed)],
        };
    }

    /// <param name="caller">The delivery provider (null: the service itself, e.g. the deadline closer).</param>
    private async Task<Sitting> ChangeAsync(
        Caller? caller,
        string sittingId,
        Func<SittingRecord, CandidateRecord, DateTimeOffset, Task<SittingChange>> change,
        bool scoredIsAnswer = false)
    {
        var id = Require.Id("sitting_id", sittingId);
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var sitting = await sittings.GetSittingAsync(id) ?? throw new NotFoundException($"sitting {id} does not exist", "sitting_id");
            EnsureOwn(caller, sitting.Value);
            if (scoredIsAnswer && sitting.Value.State == SittingState.Scored)
            {
                return SittingMapper.ToContract(sitting.Value);
            }

            var candidate = await sittings.GetCandidateAsync(sitting.Value.EnrolmentId)
                ?? throw new InvalidOperationException($"sitting {id} has no candidate record");
            var now = clock.GetUtcNow();
            var next = await change(sitting.Value, candidate.Value, now);
            var nextSitting = next.Sitting ?? sitting.Value;
            if (ReferenceEquals(nextSitting, sitting.Value) && (next.Candidate is null || ReferenceEquals(next.Candidate, candidate.Value)))
            {
                return SittingMapper.ToContract(nextSitting);
            }

            var save = next with
            {
                SittingBefore = sitting,
                CandidateBefore = candidate,
                Candidate = ReferenceEquals(next.Candidate, candidate.Value) ? null : next.Candidate,
            };
            if (await sittings.SaveAsync(save, Options.Grace, now))
            {
                return SittingMapper.ToContract(nextSitting);
            }
        }

        throw Conflict();
    }

    private async Task<Dictionary<(string, int), Item>> LoadFormItemsAsync(Form form)
    {
        var versions = new Dictionary<(string, int), Item>();
        foreach (var f in form.Items)
        {
            versions[(f.ItemId, f.Version)] = await bank.GetItemVersionAsync(f.ItemId, f.Version)
                ?? throw new InvalidOperationException($"item {f.ItemId} version {f.Version} of a form is missing from the bank");
        }

        return versions;
    }

    private static ConcurrencyConflictException Conflict() => new("the sitting changed concurrently; retry");

    private static string NewId() => Guid.CreateVersion7().ToString();
}
