using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Accreditation.BuildingBlocks.Auth;
using Accreditation.Contracts;
using Accreditation.Contracts.Common.V1;
using Accreditation.Contracts.Events.V1;
using Accreditation.Contracts.Reporting.V1;
using Accreditation.RegulatorReporting.Api;
using Accreditation.TestSupport;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Accreditation.RegulatorReporting.Tests.Api;

/// <summary>
/// A fresh Reporting host per test (own key prefix, manual clock, its own public HTTP port);
/// events are delivered as the sidecar delivers them: CloudEvents POSTed to the app port.
/// </summary>
public abstract class ReportingApiTestBase(RedisFixture redis) : IAsyncLifetime
{
    public const string CursorKey = "reporting-tests-cursor-key-0123456789abcdef";

    protected static readonly LocalAuthorityRef Bury = new() { GssCode = Authorities.Bury, LaNumber = "351", Name = "Bury" };
    protected static readonly LocalAuthorityRef Wigan = new() { GssCode = Authorities.Wigan, LaNumber = "359", Name = "Wigan" };

    protected RedisFixture Redis { get; } = redis;

    protected ServiceTestHost Host { get; private set; } = null!;

    protected int HttpPort { get; } = FreePort.Next();

    protected ManualClock Clock { get; } = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));

    protected RegulatorService.RegulatorServiceClient Regulator { get; private set; } = null!;

    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>();

    public async Task InitializeAsync()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Service:HttpApiPort"] = HttpPort.ToString(CultureInfo.InvariantCulture),
            ["Reporting:Feed:CursorKey"] = CursorKey,
            ["Reporting:Feed:PollInterval"] = "00:00:00.020",
        };
        foreach (var (key, value) in Settings)
        {
            settings[key] = value;
        }

        Host = await ServiceTestHost.StartAsync(RegulatorReportingHost.Build, Redis, RedisFixture.NewKeyPrefix(GetType().Name), settings: settings, clock: Clock);
        Regulator = new(Invoker("swe-register", ReportingScopes.Regulator));
    }

    public async Task DisposeAsync() => await Host.DisposeAsync();

    protected CallInvoker Invoker(string subject, params string[] scopes) => InvokerWithAuthority(subject, null, scopes);

    protected CallInvoker InvokerWithAuthority(string subject, string? authority, params string[] scopes)
    {
        var token = Token(subject, authority, scopes);
        return Host.Channel.CreateCallInvoker().Intercept(headers =>
        {
            headers.Add("authorization", "Bearer " + token);
            return headers;
        });
    }

    protected static string Token(string subject, string? authority, params string[] scopes) =>
        DevelopmentTokens.Mint(ServiceTestHost.Auth, subject, scopes, authority, TimeSpan.FromMinutes(10));

    /// <summary>An HTTP/1.1 client of the public HTTP port, with a regulator token unless told otherwise ("" for none).</summary>
    protected HttpClient HttpClient(string? token = null)
    {
        var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{HttpPort}") };
        token ??= Token("swe-register", null, ReportingScopes.Regulator);
        if (token.Length > 0)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    /// <summary>POSTs an event as the sidecar would; returns the HTTP status and the Dapr status in the body.</summary>
    protected async Task<(int Http, string Body)> DeliverAsync(string topic, IMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var id = (string)message.Descriptor.FindFieldByName("event_id").Accessor.GetValue(message);
        var envelope = $$"""
            {"specversion":"1.0","id":"{{id}}","source":"test","type":"{{message.Descriptor.FullName}}","datacontenttype":"application/json","topic":"{{topic}}","pubsubname":"pubsub","data":{{JsonFormatter.Default.Format(message)}}}
            """;
        using var content = new StringContent(envelope, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/cloudevents+json");
        using var response = await Host.Http.PostAsync(new Uri("/events/" + topic, UriKind.Relative), content);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    protected static Timestamp Day(int day) => Timestamp.FromDateTimeOffset(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero).AddDays(day));

    /// <summary>A candidate's story as events, for delivery in any order.</summary>
    protected sealed class Candidate(string registrationNumber, Role role = Role.ChildAndFamilyPractitioner, LocalAuthorityRef? authority = null, string phase = "phase-1")
    {
        public string EnrolmentId { get; } = Guid.NewGuid().ToString();

        public string RegistrationNumber { get; } = registrationNumber;

        public Role Role { get; } = role;

        public LocalAuthorityRef Authority { get; } = authority ?? Bury;

        public CandidateEnrolled Enrolled(int day = 0) => new() { EventId = Id(), OccurredAt = Day(day), EnrolmentId = EnrolmentId, RegistrationNumber = RegistrationNumber, Role = Role, Authority = Authority, EnrolmentVersion = 1, Phase = phase };

        public CandidateEndorsed Endorsed(int day = 1) => new() { EventId = Id(), OccurredAt = Day(day), EnrolmentId = EnrolmentId, RegistrationNumber = RegistrationNumber, Role = Role, Authority = Authority, EnrolmentVersion = 2 };

        public CandidateWithdrawn Withdrawn(int day, long version = 3) => new() { EventId = Id(), OccurredAt = Day(day), EnrolmentId = EnrolmentId, RegistrationNumber = RegistrationNumber, Role = Role, Authority = Authority, EnrolmentVersion = version, Reason = "Personal circumstances" };

        public CandidateMoved Moved(int day, LocalAuthorityRef to, long version = 3) => new() { EventId = Id(), OccurredAt = Day(day), EnrolmentId = EnrolmentId, RegistrationNumber = RegistrationNumber, Role = Role, Authority = to, FromAuthority = Authority, EnrolmentVersion = version };

        public KnowledgeTestCompleted KnowledgeTest(int day, bool passed, int attempt = 1) => new()
        {
            EventId = Id(), OccurredAt = Day(day), EnrolmentId = EnrolmentId, RegistrationNumber = RegistrationNumber, Role = Role, Authority = Authority,
            SittingId = "sitting-" + Guid.NewGuid().ToString("N"), Outcome = passed ? AssessmentOutcome.Passed : AssessmentOutcome.Failed, Score = passed ? 24 : 12, MaxScore = 30, AttemptNumber = attempt,
        };

        public SimulatedPracticeCompleted SimulatedPractice(int day, bool passed, int attempt = 1) => new()
        {
            EventId = Id(), OccurredAt = Day(day), EnrolmentId = EnrolmentId, RegistrationNumber = RegistrationNumber, Role = Role, Authority = Authority,
            SessionId = "session-" + Guid.NewGuid().ToString("N"), Outcome = passed ? AssessmentOutcome.Passed : AssessmentOutcome.Failed, AttemptNumber = attempt,
        };

        /// <summary>Enrolment's answer to the award of this enrolment accredited on <paramref name="accreditedDay"/>.</summary>
        public AccreditationRecorded Recorded(int accreditedDay, bool accepted) => new()
        {
            EventId = Id(), OccurredAt = Day(accreditedDay + 1), EnrolmentId = EnrolmentId, RegistrationNumber = RegistrationNumber, Role = Role, Authority = Authority,
            AccreditedAt = Day(accreditedDay), Accepted = accepted, Reason = accepted ? "" : "withdrawn before the accreditation date",
        };

        private static string Id() => Guid.NewGuid().ToString();
    }

    protected Task DeliverAsync(CandidateEnrolled e) => DeliverAsync(Topics.CandidateEnrolled, e);

    protected Task DeliverAsync(CandidateEndorsed e) => DeliverAsync(Topics.CandidateEndorsed, e);

    protected Task DeliverAsync(CandidateWithdrawn e) => DeliverAsync(Topics.CandidateWithdrawn, e);

    protected Task DeliverAsync(CandidateMoved e) => DeliverAsync(Topics.CandidateMoved, e);

    protected Task DeliverAsync(KnowledgeTestCompleted e) => DeliverAsync(Topics.KnowledgeTestCompleted, e);

    protected Task DeliverAsync(SimulatedPracticeCompleted e) => DeliverAsync(Topics.SimulatedPracticeCompleted, e);

    protected Task DeliverAsync(AccreditationRecorded e) => DeliverAsync(Topics.AccreditationRecorded, e);

    /// <summary>Enrolled, endorsed, knowledge test passed on day 10 and simulated practice on <paramref name="practiceDay"/>, and Enrolment's acceptance of the award: accredited then.</summary>
    protected async Task<Candidate> AccreditedAsync(string? registrationNumber = null, Role role = Role.ChildAndFamilyPractitioner, LocalAuthorityRef? authority = null, int practiceDay = 20, string phase = "phase-1")
    {
        var c = new Candidate(registrationNumber ?? EnrolmentRequests.NewRegistrationNumber(), role, authority, phase);
        await DeliverAsync(c.Enrolled());
        await DeliverAsync(c.Endorsed());
        await DeliverAsync(c.KnowledgeTest(10, true));
        await DeliverAsync(c.SimulatedPractice(practiceDay, true));
        await DeliverAsync(c.Recorded(Math.Max(10, practiceDay), accepted: true));
        return c;
    }

    /// <summary>Enrolled and endorsed only: not accredited.</summary>
    protected async Task<Candidate> InProgressAsync(string? registrationNumber = null, Role role = Role.ChildAndFamilyPractitioner, LocalAuthorityRef? authority = null, string phase = "phase-1")
    {
        var c = new Candidate(registrationNumber ?? EnrolmentRequests.NewRegistrationNumber(), role, authority, phase);
        await DeliverAsync(c.Enrolled());
        await DeliverAsync(c.Endorsed());
        return c;
    }

    protected async Task<RegistrationStatus> StatusAsync(string registrationNumber) =>
        (await Regulator.GetAccreditationStatusAsync(new GetAccreditationStatusRequest { RegistrationNumber = registrationNumber })).Status;

    protected async Task<List<StreamRegisterChangesResponse>> ChangesAsync(string cursor = "")
    {
        using var call = Regulator.StreamRegisterChanges(new StreamRegisterChangesRequest { Cursor = cursor, StopWhenCaughtUp = true });
        var changes = new List<StreamRegisterChangesResponse>();
        await foreach (var change in call.ResponseStream.ReadAllAsync())
        {
            changes.Add(change);
        }

        return changes;
    }
}
