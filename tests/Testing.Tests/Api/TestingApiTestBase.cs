using System.Net.Http.Headers;
using System.Text;
using Accreditation.BuildingBlocks.Auth;
using Accreditation.BuildingBlocks.Errors;
using Accreditation.Cli.Bank;
using Accreditation.Contracts;
using Accreditation.Contracts.Common.V1;
using Accreditation.Contracts.Events.V1;
using Accreditation.Contracts.Testing.V1;
using Accreditation.TestSupport;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace Accreditation.Testing.Tests.Api;

/// <summary>
/// A fresh Testing host per test (own key prefix, manual clock, sample bank imported); enrolment
/// events are delivered as the sidecar delivers them: CloudEvents POSTed to the app port.
/// </summary>
public abstract class TestingApiTestBase(RedisFixture redis) : IAsyncLifetime
{
    protected static readonly LocalAuthorityRef Bury = new() { GssCode = "E08000002", LaNumber = "351", Name = "Bury" };

    private EnrolmentEventFactory? _events;

    protected RedisFixture Redis { get; } = redis;

    protected ServiceTestHost Host { get; private set; } = null!;

    protected ManualClock Clock { get; } = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));

    protected TestDeliveryService.TestDeliveryServiceClient Delivery { get; private set; } = null!;

    protected QuestionBankService.QuestionBankServiceClient BankAdmin { get; private set; } = null!;

    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Testing:Resits:CoolOff"] = "7.00:00:00",
        ["Testing:Grace"] = "00:02:00",

        // The hosted DeadlineCloser ticks on a real PeriodicTimer (ManualClock moves only GetUtcNow),
        // so in tests it must never tick: tests close overdue sittings themselves with
        // DeadlineCloser.CloseOverdueAsync after advancing the clock.
        ["Testing:DeadlineScanInterval"] = "30.00:00:00",
    };

    public async Task InitializeAsync()
    {
        Host = await ServiceTestHost.StartAsync(TestingHost.Build, Redis, RedisFixture.NewKeyPrefix(GetType().Name), settings: Settings, clock: Clock);
        Delivery = new(Host.InvokerFor(null, Scopes.TestDelivery));
        BankAdmin = new(Host.InvokerFor(null, Scopes.BankAdmin));
        await BankAdmin.ImportItemsAsync(SampleBank.Create());
    }

    public async Task DisposeAsync() => await Host.DisposeAsync();

    /// <summary>POSTs an event as the sidecar would; returns the HTTP status and the Dapr status in the body.</summary>
    /// <param name="eventId">The CloudEvent id; the message's event_id when null.</param>
    protected Task<(int Http, string Body)> DeliverAsync(string topic, IMessage message, string? eventId = null) =>
        SidecarDelivery.PostAsync(Host.Http, topic, message, eventId);

    /// <summary>POSTs a CloudEvent with <paramref name="dataJson"/> as its data, as the sidecar would; no "id" attribute when <paramref name="id"/> is null.</summary>
    protected Task<(int Http, string Body)> DeliverEnvelopeAsync(string topic, string? id, string type, string dataJson) =>
        SidecarDelivery.PostEnvelopeAsync(Host.Http, topic, id, type, dataJson);

    /// <summary>The "status" Dapr reads from a delivery's response body (SUCCESS, RETRY or DROP).</summary>
    protected static string? DaprStatusOf(string body)
    {
        using var json = System.Text.Json.JsonDocument.Parse(body);
        return json.RootElement.GetProperty("status").GetString();
    }

    /// <summary>Enrolment's events for this test's candidates (Bury, the test's clock).</summary>
    protected EnrolmentEventFactory Events => _events ??= new EnrolmentEventFactory(Clock, Bury);

    /// <summary>Delivers enrolled (and endorsed) events for a new candidate; returns the enrolment id.</summary>
    protected async Task<string> EndorsedCandidateAsync(Role role = Role.ChildAndFamilyPractitioner, bool endorse = true, string? registrationNumber = null)
    {
        var enrolmentId = Guid.NewGuid().ToString();
        Events.RegistrationNumberOf(enrolmentId, registrationNumber);
        await DeliverAsync(Topics.CandidateEnrolled, Events.Enrolled(enrolmentId, role, filmingConsent: false));
        if (endorse)
        {
            await DeliverAsync(Topics.CandidateEndorsed, Endorsed(enrolmentId, role));
        }

        return enrolmentId;
    }

    /// <summary>The registration number events of this enrolment carry (one is made up for an enrolment the test never enrolled).</summary>
    protected string RegistrationNumberOf(string enrolmentId) => Events.RegistrationNumberOf(enrolmentId);

    protected CandidateEndorsed Endorsed(string enrolmentId, Role role = Role.ChildAndFamilyPractitioner) => Events.Endorsed(enrolmentId, role);

    protected CandidateWithdrawn Withdrawn(string enrolmentId) => Events.Withdrawn(enrolmentId);

    protected BookSittingRequest Book(string enrolmentId) => new()
    {
        ClientRequestId = Guid.NewGuid().ToString(),
        EnrolmentId = enrolmentId,
        SlotStart = Timestamp.FromDateTimeOffset(Clock.GetUtcNow()),
        Mode = DeliveryMode.Online,
    };

    /// <summary>Books and starts a sitting; returns the start response.</summary>
    protected async Task<StartSittingResponse> StartedSittingAsync(string enrolmentId)
    {
        var booked = await Delivery.BookSittingAsync(Book(enrolmentId));
        return await Delivery.StartSittingAsync(new StartSittingRequest { SittingId = booked.Sitting.SittingId });
    }

    /// <summary>Answers: the keys (read through the bank admin API) for the first <paramref name="correct"/> items, a wrong option for the rest.</summary>
    protected async Task<List<Answer>> AnswersAsync(StartSittingResponse started, int correct)
    {
        ArgumentNullException.ThrowIfNull(started);
        var answers = new List<Answer>();
        foreach (var item in started.Items)
        {
            var keys = (await BankAdmin.GetItemAsync(new GetItemRequest { ItemId = item.ItemId })).Item.Keys;
            var answer = new Answer { Position = item.Position };
            if (item.Position <= correct)
            {
                answer.SelectedOptionIds.AddRange(keys);
            }
            else
            {
                answer.SelectedOptionIds.Add(item.Options.Select(o => o.OptionId).First(o => !keys.Contains(o)));
            }

            answers.Add(answer);
        }

        return answers;
    }
}
