using Accreditation.Contracts;
using Accreditation.Contracts.Common.V1;
using Accreditation.Contracts.Events.V1;
using Accreditation.Contracts.Testing.V1;
using Accreditation.Testing.Application;
using Accreditation.TestSupport;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;

namespace Accreditation.Testing.Tests.Api;

[Collection(RedisGroup.Name)]
public sealed class DeliveryApiTests(RedisFixture redis) : TestingApiTestBase(redis)
{
    [Fact]
    public async Task BookSitting_RetriedWithSameRequestId_SameSitting()
    {
        var enrolmentId = await EndorsedCandidateAsync();
        var request = Book(enrolmentId);

        var first = await Delivery.BookSittingAsync(request);
        var retry = await Delivery.BookSittingAsync(request);

        Assert.Equal(first.Sitting, retry.Sitting);
    }

    [Fact]
    public async Task BookSitting_SameRequestSentConcurrently_OneSitting()
    {
        var enrolmentId = await EndorsedCandidateAsync();
        var request = Book(enrolmentId);

        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(async _ => (await Delivery.BookSittingAsync(request)).Sitting));

        Assert.Single(answers.Select(a => a.SittingId).Distinct());
    }

    [Fact]
    public async Task BookSitting_SecondOpenBooking_AlreadyExistsNamingTheFirst()
    {
        var enrolmentId = await EndorsedCandidateAsync();
        var first = await Delivery.BookSittingAsync(Book(enrolmentId));

        var e = await FailsWith(StatusCode.AlreadyExists, () => Delivery.BookSittingAsync(Book(enrolmentId)).ResponseAsync);

        Assert.Equal(first.Sitting.SittingId, e.Trailers.GetValue(Accreditation.Testing.Domain.SittingRules.ExistingSittingTrailer));
    }

    public static TheoryData<string, Action<BookSittingRequest>> MalformedBookings => new()
    {
        { "client_request_id", r => r.ClientRequestId = "" },
        { "enrolment_id", r => r.EnrolmentId = "" },
        { "enrolment_id", r => r.EnrolmentId = "has spaces" },
        { "slot_start", r => r.SlotStart = null },
        { "slot_start", r => r.SlotStart = Timestamp.FromDateTimeOffset(new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero)) },
        { "mode", r => r.Mode = DeliveryMode.Unspecified },
        { "test_centre", r => r.Mode = DeliveryMode.TestCentre },
    };

    [Theory]
    [MemberData(nameof(MalformedBookings))]
    public async Task BookSitting_MalformedField_InvalidArgumentNamingField(string field, Action<BookSittingRequest> breakIt)
    {
        ArgumentNullException.ThrowIfNull(breakIt);
        var request = Book(Guid.NewGuid().ToString());
        breakIt(request);

        var e = await FailsWith(StatusCode.InvalidArgument, () => Delivery.BookSittingAsync(request).ResponseAsync);

        Assert.Equal(field, FieldOf(e));
    }

    [Fact]
    public async Task StartSitting_Booked_ThirtyItemsWithoutKeysAndSixtyMinuteDeadline()
    {
        var enrolmentId = await EndorsedCandidateAsync();

        var started = await StartedSittingAsync(enrolmentId);

        Assert.Equal(SittingState.InProgress, started.Sitting.State);
        Assert.Equal(30, started.Items.Count);
        Assert.Equal(Clock.GetUtcNow().AddMinutes(60), started.Sitting.Deadline.ToDateTimeOffset());
        Assert.Single(started.Scenarios);
        Assert.Equal(12, started.Items.Count(i => i.ScenarioId == started.Scenarios[0].ScenarioId));
        Assert.All(started.Items, i => Assert.Equal(i.Options.Count == 8 ? 3 : 1, i.AnswersRequired));
    }

    [Fact]
    public async Task StartSitting_Twice_SameForm()
    {
        var enrolmentId = await EndorsedCandidateAsync();
        var started = await StartedSittingAsync(enrolmentId);

        var again = await Delivery.StartSittingAsync(new StartSittingRequest { SittingId = started.Sitting.SittingId });

        Assert.Equal(started.Items, again.Items);
    }

    [Fact]
    public async Task StartSitting_Unknown_NotFound() =>
        await FailsWith(StatusCode.NotFound, () => Delivery.StartSittingAsync(new StartSittingRequest { SittingId = Guid.NewGuid().ToString() }).ResponseAsync);

    [Fact]
    public async Task SubmitSitting_AllCorrect_PassedEventPublishedWithBreakdown()
    {
        var enrolmentId = await EndorsedCandidateAsync();
        var started = await StartedSittingAsync(enrolmentId);
        await Delivery.SaveAnswersAsync(new SaveAnswersRequest { SittingId = started.Sitting.SittingId, Answers = { await AnswersAsync(started, 30) } });

        var submitted = (await Delivery.SubmitSittingAsync(new SubmitSittingRequest { SittingId = started.Sitting.SittingId })).Sitting;

        Assert.Equal(SittingState.Scored, submitted.State);
        Assert.Equal(AssessmentOutcome.Passed, submitted.Result.Outcome);
        Assert.Equal(30, submitted.Result.Score);
        Assert.Equal(100.0, submitted.Result.Percentage);
        Assert.Equal(10, submitted.Result.Breakdown.Count);
        var published = await Eventually.WaitForAsync(() => Task.FromResult(Host.Transport.PublishedTo(Topics.KnowledgeTestCompleted)), p => p.Count == 1, "knowledge test completed");
        var evt = JsonParser.Default.Parse<KnowledgeTestCompleted>(published[0].Json);
        Assert.Equal(enrolmentId, evt.EnrolmentId);
        Assert.Equal(AssessmentOutcome.Passed, evt.Outcome);
        Assert.Equal(30, evt.Score);
        Assert.Equal(30, evt.MaxScore);
        Assert.Equal(1, evt.AttemptNumber);
        Assert.Equal("E08000002", evt.Authority.GssCode);
    }

    [Fact]
    public async Task SubmitSitting_Twice_SameResultOneEvent()
    {
        var enrolmentId = await EndorsedCandidateAsync();
        var started = await StartedSittingAsync(enrolmentId);
        await Delivery.SaveAnswersAsync(new SaveAnswersRequest { SittingId = started.Sitting.SittingId, Answers = { await AnswersAsync(started, 18) } });

        var first = await Delivery.SubmitSittingAsync(new SubmitSittingRequest { SittingId = started.Sitting.SittingId });
        var second = await Delivery.SubmitSittingAsync(new SubmitSittingRequest { SittingId = started.Sitting.SittingId });

        Assert.Equal(first.Sitting, second.Sitting);
        Assert.Equal(18, first.Sitting.Result.Score);
        Assert.Equal(AssessmentOutcome.Passed, first.Sitting.Result.Outcome);
        await Eventually.WaitForAsync(() => Host.Services.GetRequiredService<BuildingBlocks.Outbox.OutboxStore>().CountPendingAsync(), n => n == 0, "outbox drained");
        Assert.Single(Host.Transport.PublishedTo(Topics.KnowledgeTestCompleted));
    }

    [Fact]
    public async Task SaveAnswers_SavedTwice_IdempotentAndCounted()
    {
        var enrolmentId = await EndorsedCandidateAsync();
        var started = await StartedSittingAsync(enrolmentId);
        var answers = (await AnswersAsync(started, 5)).Take(5).ToList();

        await Delivery.SaveAnswersAsync(new SaveAnswersRequest { SittingId = started.Sitting.SittingId, Answers = { answers } });
        var again = await Delivery.SaveAnswersAsync(new SaveAnswersRequest { SittingId = started.Sitting.SittingId, Answers = { answers } });

        Assert.Equal(5, again.Sitting.AnsweredItems);
    }

    [Fact]
    public async Task SaveAnswers_BadPosition_InvalidArgumentNamingField()
    {
        var enrolmentId = await EndorsedCandidateAsync();
        var started = await StartedSittingAsync(enrolmentId);

        var e = await FailsWith(StatusCode.InvalidArgument, () => Delivery.SaveAnswersAsync(new SaveAnswersRequest
        {
            SittingId = started.Sitting.SittingId,
            Answers = { new Answer { Position = 31, SelectedOptionIds = { "A" } } },
        }).ResponseAsync);

        Assert.Equal("answers[0].position", FieldOf(e));
    }

    [Fact]
    public async Task SaveAnswers_AfterDeadline_FailedPrecondition()
    {
        var enrolmentId = await EndorsedCandidateAsync();
        var started = await StartedSittingAsync(enrolmentId);
        Clock.Advance(TimeSpan.FromMinutes(61));

        var e = await FailsWith(StatusCode.FailedPrecondition, () => Delivery.SaveAnswersAsync(new SaveAnswersRequest
        {
            SittingId = started.Sitting.SittingId,
            Answers = { new Answer { Position = 1, SelectedOptionIds = { started.Items[0].Options[0].OptionId } } },
        }).ResponseAsync);

        Assert.Contains("deadline", e.Status.Detail, StringComparison.Ordinal);
    }

    /// <summary>
    /// Deterministic: the hosted closer never ticks in test hosts (see <see cref="TestingApiTestBase.Settings"/>),
    /// so only the passes this test runs, on the manual clock, can close the sitting.
    /// </summary>
    [Fact]
    public async Task DeadlineCloser_PastDeadlinePlusGrace_ScoresSavedAnswersAndPublishesOnce()
    {
        var enrolmentId = await EndorsedCandidateAsync();
        var started = await StartedSittingAsync(enrolmentId);
        await Delivery.SaveAnswersAsync(new SaveAnswersRequest { SittingId = started.Sitting.SittingId, Answers = { (await AnswersAsync(started, 10)).Take(10) } });
        var closer = Host.Services.GetRequiredService<DeadlineCloser>();
        Clock.Advance(TimeSpan.FromMinutes(61));
        Assert.Equal(0, await closer.CloseOverdueAsync());

        Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(1, await closer.CloseOverdueAsync());

        var sitting = (await Delivery.GetSittingAsync(new GetSittingRequest { SittingId = started.Sitting.SittingId })).Sitting;
        Assert.Equal(SittingState.Scored, sitting.State);
        Assert.True(sitting.Result.ClosedAtDeadline);
        Assert.Equal(10, sitting.Result.Score);
        Assert.Equal(AssessmentOutcome.Failed, sitting.Result.Outcome);
        Assert.Equal(0, await closer.CloseOverdueAsync());
        await Eventually.WaitForAsync(() => Host.Services.GetRequiredService<BuildingBlocks.Outbox.OutboxStore>().CountPendingAsync(), n => n == 0, "outbox drained");
        var completed = JsonParser.Default.Parse<KnowledgeTestCompleted>(Assert.Single(Host.Transport.PublishedTo(Topics.KnowledgeTestCompleted)).Json);
        Assert.Equal((started.Sitting.SittingId, 10), (completed.SittingId, completed.Score));
    }

    [Fact]
    public async Task BookSitting_ResitWithinCoolOff_FailedPreconditionNamingDateThenAllowedAfter()
    {
        var enrolmentId = await EndorsedCandidateAsync();
        var started = await StartedSittingAsync(enrolmentId);
        var failed = (await Delivery.SubmitSittingAsync(new SubmitSittingRequest { SittingId = started.Sitting.SittingId })).Sitting;
        Assert.Equal(AssessmentOutcome.Failed, failed.Result.Outcome);

        var e = await FailsWith(StatusCode.FailedPrecondition, () => Delivery.BookSittingAsync(Book(enrolmentId)).ResponseAsync);
        Clock.Advance(TimeSpan.FromDays(7));
        var resit = await Delivery.BookSittingAsync(Book(enrolmentId));

        Assert.Contains(Clock.GetUtcNow().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), e.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(2, resit.Sitting.AttemptNumber);
    }

    [Fact]
    public async Task CancelSitting_Booked_CancelledAndCandidateMayBookAgain()
    {
        var enrolmentId = await EndorsedCandidateAsync();
        var booked = await Delivery.BookSittingAsync(Book(enrolmentId));

        var cancelled = await Delivery.CancelSittingAsync(new CancelSittingRequest { SittingId = booked.Sitting.SittingId, Reason = "illness" });
        var rebooked = await Delivery.BookSittingAsync(Book(enrolmentId));

        Assert.Equal(SittingState.Cancelled, cancelled.Sitting.State);
        Assert.Equal(1, rebooked.Sitting.AttemptNumber);
    }

    [Fact]
    public async Task CancelSitting_InProgress_FailedPrecondition()
    {
        var enrolmentId = await EndorsedCandidateAsync();
        var started = await StartedSittingAsync(enrolmentId);

        await FailsWith(StatusCode.FailedPrecondition, () => Delivery.CancelSittingAsync(new CancelSittingRequest { SittingId = started.Sitting.SittingId }).ResponseAsync);
    }

    [Fact]
    public async Task SubmitSitting_ScoresAgainstVersionGivenEvenAfterBankChange()
    {
        var enrolmentId = await EndorsedCandidateAsync();
        var started = await StartedSittingAsync(enrolmentId);
        var answers = await AnswersAsync(started, 30);
        var edit = new ImportItemsRequest { ClientRequestId = "edit-keys" };
        foreach (var delivered in started.Items.Take(3))
        {
            var item = (await BankAdmin.GetItemAsync(new GetItemRequest { ItemId = delivered.ItemId })).Item;
            item.Keys.Clear();
            item.Keys.AddRange(item.Options.Select(o => o.OptionId).Except(answers[delivered.Position - 1].SelectedOptionIds).Take(item.Format == ItemFormat.MultipleAnswer ? 3 : 1));
            edit.Items.Add(item);
            await BankAdmin.RetireItemAsync(new RetireItemRequest { ItemId = delivered.ItemId });
        }

        await BankAdmin.ImportItemsAsync(edit);
        await Delivery.SaveAnswersAsync(new SaveAnswersRequest { SittingId = started.Sitting.SittingId, Answers = { answers } });
        var scored = await Delivery.SubmitSittingAsync(new SubmitSittingRequest { SittingId = started.Sitting.SittingId });

        Assert.Equal(30, scored.Sitting.Result.Score);
    }

    [Fact]
    public async Task SubmitSitting_Booked_FailedPreconditionNotInternal()
    {
        var enrolmentId = await EndorsedCandidateAsync();
        var booked = await Delivery.BookSittingAsync(Book(enrolmentId));

        await FailsWith(StatusCode.FailedPrecondition, () => Delivery.SubmitSittingAsync(new SubmitSittingRequest { SittingId = booked.Sitting.SittingId }).ResponseAsync);
    }

    [Fact]
    public async Task BookSitting_ReEnrolledAfterFailing_CoolOffAndAttemptCountCarryOver()
    {
        var first = await EndorsedCandidateAsync(registrationNumber: "SW777");
        var started = await StartedSittingAsync(first);
        await Delivery.SubmitSittingAsync(new SubmitSittingRequest { SittingId = started.Sitting.SittingId });
        await DeliverAsync(Topics.CandidateWithdrawn, Withdrawn(first));
        var second = await EndorsedCandidateAsync(registrationNumber: "SW777");

        var e = await FailsWith(StatusCode.FailedPrecondition, () => Delivery.BookSittingAsync(Book(second)).ResponseAsync);
        Clock.Advance(TimeSpan.FromDays(7));
        var resit = await Delivery.BookSittingAsync(Book(second));

        Assert.Contains("resit may be booked from", e.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(2, resit.Sitting.AttemptNumber);
    }
}
