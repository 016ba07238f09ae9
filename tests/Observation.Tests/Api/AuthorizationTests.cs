using Accreditation.BuildingBlocks.Auth;
using Accreditation.Contracts.Observation.V1;
using Accreditation.Observation.Api;
using Accreditation.TestSupport;
using Grpc.Core;

namespace Accreditation.Observation.Tests.Api;

[Collection(RedisGroup.Name)]
public sealed class AuthorizationTests(RedisFixture redis) : ObservationApiTestBase(redis)
{
    /// <summary>One call on every RPC of the service, made through <paramref name="invoker"/>.</summary>
    public static IEnumerable<Func<CallInvoker, Task>> EveryRpc()
    {
        yield return i => new ScenarioAdminService.ScenarioAdminServiceClient(i).ImportScenariosAsync(new ImportScenariosRequest()).ResponseAsync;
        yield return i => new ScenarioAdminService.ScenarioAdminServiceClient(i).RetireScenarioAsync(new RetireScenarioRequest()).ResponseAsync;
        yield return i => new ScenarioAdminService.ScenarioAdminServiceClient(i).GetScenarioAsync(new GetScenarioRequest()).ResponseAsync;
        yield return i => new ScenarioAdminService.ScenarioAdminServiceClient(i).ListScenariosAsync(new ListScenariosRequest()).ResponseAsync;
        yield return i => new ScenarioAdminService.ScenarioAdminServiceClient(i).ListKssStatementsAsync(new ListKssStatementsRequest()).ResponseAsync;
        yield return i => new RegistryService.RegistryServiceClient(i).RegisterAssessorAsync(new RegisterAssessorRequest()).ResponseAsync;
        yield return i => new RegistryService.RegistryServiceClient(i).GetAssessorAsync(new GetAssessorRequest()).ResponseAsync;
        yield return i => new RegistryService.RegistryServiceClient(i).ListAssessorsAsync(new ListAssessorsRequest()).ResponseAsync;
        yield return i => new RegistryService.RegistryServiceClient(i).RegisterActorAsync(new RegisterActorRequest()).ResponseAsync;
        yield return i => new RegistryService.RegistryServiceClient(i).ListActorsAsync(new ListActorsRequest()).ResponseAsync;
        yield return i => new SchedulingService.SchedulingServiceClient(i).ScheduleSessionAsync(new ScheduleSessionRequest()).ResponseAsync;
        yield return i => new SchedulingService.SchedulingServiceClient(i).RescheduleSessionAsync(new RescheduleSessionRequest()).ResponseAsync;
        yield return i => new SchedulingService.SchedulingServiceClient(i).CancelSessionAsync(new CancelSessionRequest()).ResponseAsync;
        yield return i => new SchedulingService.SchedulingServiceClient(i).GetSessionAsync(new GetSessionRequest()).ResponseAsync;
        yield return i => new SchedulingService.SchedulingServiceClient(i).GetSessionOutcomeAsync(new GetSessionOutcomeRequest()).ResponseAsync;
        yield return i => new ScoringService.ScoringServiceClient(i).ListAssignedSessionsAsync(new ListAssignedSessionsRequest()).ResponseAsync;
        yield return i => new ScoringService.ScoringServiceClient(i).GetAssignedSessionAsync(new GetAssignedSessionRequest()).ResponseAsync;
        yield return i => new ScoringService.ScoringServiceClient(i).SaveScoresAsync(new SaveScoresRequest()).ResponseAsync;
        yield return i => new ScoringService.ScoringServiceClient(i).SubmitScoresAsync(new SubmitScoresRequest()).ResponseAsync;
        yield return i => new ModerationService.ModerationServiceClient(i).ListModerationQueueAsync(new ListModerationQueueRequest()).ResponseAsync;
        yield return i => new ModerationService.ModerationServiceClient(i).GetModerationCaseAsync(new GetModerationCaseRequest()).ResponseAsync;
        yield return i => new ModerationService.ModerationServiceClient(i).AssignSecondAssessorAsync(new AssignSecondAssessorRequest()).ResponseAsync;
        yield return i => new ModerationService.ModerationServiceClient(i).DecideModerationAsync(new DecideModerationRequest()).ResponseAsync;
        yield return i => new ScoreAuditService.ScoreAuditServiceClient(i).ListScoreAuditAsync(new ListScoreAuditRequest()).ResponseAsync;
    }

    /// <summary>Which scope each RPC of <see cref="EveryRpc"/> belongs to, in the same order.</summary>
    private static readonly string[] ScopeOf =
    [
        .. Enumerable.Repeat(Scopes.ObservationScenarioAdmin, 10),
        .. Enumerable.Repeat(Scopes.ObservationScheduling, 5),
        .. Enumerable.Repeat(Scopes.ObservationAssessor, 4),
        .. Enumerable.Repeat(Scopes.ObservationModerator, 4),
        Scopes.ObservationAuditor,
    ];

    [Fact]
    public async Task EveryRpc_CouncilHrToken_PermissionDenied()
    {
        var hr = InvokerWithAuthority("council-hr-system", Authorities.Bury, Scopes.EnrolmentHr);
        foreach (var call in EveryRpc())
        {
            await FailsWith(StatusCode.PermissionDenied, () => call(hr));
        }
    }

    [Fact]
    public async Task EveryRpc_NoToken_Unauthenticated()
    {
        var anonymous = Host.Channel.CreateCallInvoker();
        foreach (var call in EveryRpc())
        {
            await FailsWith(StatusCode.Unauthenticated, () => call(anonymous));
        }
    }

    [Fact]
    public async Task EveryRpc_RightScopeWithoutSubject_PermissionDenied()
    {
        var calls = EveryRpc().ToList();
        for (var i = 0; i < calls.Count; i++)
        {
            await FailsWith(StatusCode.PermissionDenied, () => calls[i](Invoker("", ScopeOf[i])));
        }
    }

    [Fact]
    public async Task EveryRpc_EveryOtherObservationScope_PermissionDenied()
    {
        var calls = EveryRpc().ToList();
        for (var i = 0; i < calls.Count; i++)
        {
            foreach (var scope in Scopes.All.Where(s => s.StartsWith("observation.", StringComparison.Ordinal) && s != ScopeOf[i]))
            {
                await FailsWith(StatusCode.PermissionDenied, () => calls[i](Invoker("someone", scope)));
            }
        }
    }

    [Fact]
    public async Task EveryRpc_ItsOwnScope_PassesAuthorization()
    {
        var calls = EveryRpc().ToList();
        for (var i = 0; i < calls.Count; i++)
        {
            try
            {
                await calls[i](Invoker("someone", ScopeOf[i]));
            }
            catch (RpcException e)
            {
                Assert.DoesNotContain(e.StatusCode, new[] { StatusCode.PermissionDenied, StatusCode.Unauthenticated, StatusCode.Internal, StatusCode.Unknown });
            }
        }
    }
}
