using System.Net.Http.Headers;
using System.Text;
using Accreditation.BuildingBlocks.Auth;
using Accreditation.Contracts;
using Accreditation.Contracts.Common.V1;
using Accreditation.Contracts.Events.V1;
using Accreditation.Contracts.Observation.V1;
using Accreditation.Observation.Api;
using Accreditation.Cli.Practice;
using Accreditation.TestSupport;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Accreditation.Observation.Tests.Api;

/// <summary>
/// A fresh Observation host per test (own key prefix, manual clock, sample scenarios, four
/// assessors and two actors registered); enrolment events are delivered as the sidecar delivers
/// them: CloudEvents POSTed to the app port. Nothing is sampled for second marking unless a test
/// class configures it, so routing is deterministic.
/// </summary>
public abstract class ObservationApiTestBase(RedisFixture redis) : IAsyncLifetime
{
    public const string Centre = "centre-1";
    public const string ManchesterAssessor = "assessor-manchester";
    public const string LeedsAssessor = "assessor-leeds";
    public const string IndependentAssessor = "assessor-independent";
    public const string BuryAssessor = "assessor-bury";
    public const string Moderator = "moderator-1";

    protected static readonly LocalAuthorityRef Bury = new() { GssCode = Authorities.Bury, LaNumber = "351", Name = "Bury" };
    protected static readonly LocalAuthorityRef Wigan = new() { GssCode = Authorities.Wigan, LaNumber = "359", Name = "Wigan" };

    private EnrolmentEventFactory? _events;

    protected RedisFixture Redis { get; } = redis;

    protected ServiceTestHost Host { get; private set; } = null!;

    protected ManualClock Clock { get; } = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));

    protected ScenarioAdminService.ScenarioAdminServiceClient Admin { get; private set; } = null!;

    protected RegistryService.RegistryServiceClient Registry { get; private set; } = null!;

    protected SchedulingService.SchedulingServiceClient Scheduling { get; private set; } = null!;

    protected ModerationService.ModerationServiceClient Moderation { get; private set; } = null!;

    protected ScoreAuditService.ScoreAuditServiceClient Audit { get; private set; } = null!;

    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Observation:Resits:CoolOff"] = "7.00:00:00",
        ["Observation:Moderation:SampleShare"] = "0",
    };

    public async Task InitializeAsync()
    {
        Host = await ServiceTestHost.StartAsync(ObservationHost.Build, Redis, RedisFixture.NewKeyPrefix(GetType().Name), settings: Settings, clock: Clock);
        Admin = new(Invoker("admin", Scopes.ObservationScenarioAdmin));
        Registry = new(Invoker("admin", Scopes.ObservationScenarioAdmin));
        Scheduling = new(Invoker(Centre, Scopes.ObservationScheduling));
        Moderation = new(Invoker(Moderator, Scopes.ObservationModerator));
        Audit = new(Invoker("auditor-1", Scopes.ObservationAuditor));
        await Admin.ImportScenariosAsync(SampleScenarios.Create());
        await RegisterAssessorAsync(ManchesterAssessor, Authorities.Manchester);
        await RegisterAssessorAsync(LeedsAssessor, Authorities.Leeds);
        await RegisterAssessorAsync(IndependentAssessor, "");
        await RegisterAssessorAsync(BuryAssessor, Authorities.Bury);
        foreach (var actor in new[] { "actor-1", "actor-2" })
        {
            await Registry.RegisterActorAsync(new RegisterActorRequest { ClientRequestId = actor, Actor = new Actor { ActorId = actor, DisplayName = actor, Active = true } });
        }
    }

    public async Task DisposeAsync() => await Host.DisposeAsync();

    /// <summary>A call invoker whose calls carry a development token with <paramref name="subject"/> ("" for none) and <paramref name="scopes"/>.</summary>
    protected CallInvoker Invoker(string subject, params string[] scopes) => InvokerWithAuthority(subject, null, scopes);

    protected CallInvoker InvokerWithAuthority(string subject, string? authority, params string[] scopes)
    {
        var token = DevelopmentTokens.Mint(ServiceTestHost.Auth, subject, scopes, authority, TimeSpan.FromMinutes(10));
        return Host.Channel.CreateCallInvoker().Intercept(headers =>
        {
            headers.Add("authorization", "Bearer " + token);
            return headers;
        });
    }

    protected ScoringService.ScoringServiceClient Assessor(string assessorId) => new(Invoker(assessorId, Scopes.ObservationAssessor));

    protected Task<RegisterAssessorResponse> RegisterAssessorAsync(string id, string employer, Action<Contracts.Observation.V1.Assessor>? change = null)
    {
        var assessor = new Contracts.Observation.V1.Assessor
        {
            AssessorId = id,
            DisplayName = "Assessor " + id,
            EmployingAuthorityCode = employer,
            Active = true,
            Roles = { Role.ChildAndFamilyPractitioner, Role.PracticeSupervisor },
        };
        change?.Invoke(assessor);
        return Registry.RegisterAssessorAsync(new RegisterAssessorRequest { ClientRequestId = Guid.NewGuid().ToString(), Assessor = assessor }).ResponseAsync;
    }

    /// <summary>POSTs an event as the sidecar would; returns the HTTP status and the Dapr status in the body.</summary>
    protected Task<(int Http, string Body)> DeliverAsync(string topic, IMessage message) => SidecarDelivery.PostAsync(Host.Http, topic, message);

    /// <summary>Enrolment's events for this test's candidates (Bury, the test's clock).</summary>
    protected EnrolmentEventFactory Events => _events ??= new EnrolmentEventFactory(Clock, Bury);

    /// <summary>Delivers enrolled (and endorsed) events for a new candidate in Bury; returns the enrolment id.</summary>
    protected async Task<string> EndorsedCandidateAsync(Role role = Role.ChildAndFamilyPractitioner, bool endorse = true, bool filmingConsent = true)
    {
        var enrolmentId = Guid.NewGuid().ToString();
        await DeliverAsync(Topics.CandidateEnrolled, Events.Enrolled(enrolmentId, role, filmingConsent));
        if (endorse)
        {
            await DeliverAsync(Topics.CandidateEndorsed, Endorsed(enrolmentId, role));
        }

        return enrolmentId;
    }

    protected string RegistrationNumberOf(string enrolmentId) => Events.RegistrationNumberOf(enrolmentId);

    protected CandidateEndorsed Endorsed(string enrolmentId, Role role = Role.ChildAndFamilyPractitioner) => Events.Endorsed(enrolmentId, role);

    protected CandidateWithdrawn Withdrawn(string enrolmentId) => Events.Withdrawn(enrolmentId);

    protected CandidateMoved Moved(string enrolmentId, LocalAuthorityRef to) => Events.Moved(enrolmentId, to);

    protected ScheduleSessionRequest Schedule(string enrolmentId, string assessorId = ManchesterAssessor) => new()
    {
        ClientRequestId = Guid.NewGuid().ToString(),
        EnrolmentId = enrolmentId,
        SlotStart = Timestamp.FromDateTimeOffset(Clock.GetUtcNow()),
        Location = "Manchester assessment centre, room 2",
        AssessorId = assessorId,
    };

    /// <summary>An endorsed candidate with a session scheduled now, first-marked by <paramref name="assessorId"/>.</summary>
    protected async Task<Session> ScheduledSessionAsync(string assessorId = ManchesterAssessor)
    {
        var enrolmentId = await EndorsedCandidateAsync();
        return (await Scheduling.ScheduleSessionAsync(Schedule(enrolmentId, assessorId))).Session;
    }

    /// <summary>A score for every criterion of every component of the session (read through the assessor's view, which carries the rubric).</summary>
    protected static List<CriterionScore> AllScores(Session assessorView, int score) => AllScores(assessorView, (_, _) => score);

    protected static List<CriterionScore> AllScores(Session assessorView, Func<Component, Criterion, int> score)
    {
        ArgumentNullException.ThrowIfNull(assessorView);
        return assessorView.Components.SelectMany(c => c.Criteria.Select(k => new CriterionScore
        {
            ComponentId = c.ComponentId,
            CriterionId = k.CriterionId,
            Score = score(c, k),
            Evidence = $"Observed for {c.ComponentId}/{k.CriterionId}",
        })).ToList();
    }

    /// <summary>Submits a marking with every criterion at <paramref name="score"/> as <paramref name="assessorId"/>.</summary>
    protected async Task<Session> MarkAsync(string assessorId, string sessionId, int score)
    {
        var assessor = Assessor(assessorId);
        var view = (await assessor.GetAssignedSessionAsync(new GetAssignedSessionRequest { SessionId = sessionId })).Session;
        return (await assessor.SubmitScoresAsync(new SubmitScoresRequest { SessionId = sessionId, Scores = { AllScores(view, score) } })).Session;
    }

    protected async Task<IReadOnlyList<SimulatedPracticeCompleted>> CompletionsAsync(int expected)
    {
        var published = await Eventually.WaitForAsync(
            () => Task.FromResult(Host.Transport.PublishedTo(Topics.SimulatedPracticeCompleted)),
            p => p.Count >= expected,
            $"{expected} simulated practice completed events");
        return published.Select(m => JsonParser.Default.Parse<SimulatedPracticeCompleted>(m.Json)).ToList();
    }
}
