using Accreditation.BuildingBlocks.Errors;
using Accreditation.Contracts.Common.V1;
using Accreditation.Contracts.Observation.V1;
using Accreditation.Cli.Practice;
using Accreditation.TestSupport;
using Grpc.Core;

namespace Accreditation.Observation.Tests.Api;

[Collection(RedisGroup.Name)]
public sealed class ScenarioAdminApiTests(RedisFixture redis) : ObservationApiTestBase(redis)
{
    [Fact]
    public async Task ImportScenarios_SameSetWithNewRequestId_EverythingUnchanged()
    {
        var request = SampleScenarios.Create();
        request.ClientRequestId = "again";

        var response = await Admin.ImportScenariosAsync(request);

        Assert.Equal((0, 0, request.Scenarios.Count), (response.Created, response.NewVersions, response.Unchanged));
    }

    [Fact]
    public async Task ImportScenarios_RetriedWithSameRequestId_FirstAnswer()
    {
        var again = await Admin.ImportScenariosAsync(SampleScenarios.Create());

        Assert.Equal(SampleScenarios.Create().Scenarios.Count, again.Created);
    }

    [Fact]
    public async Task ImportScenarios_SameRequestIdDifferentRequest_InvalidArgument()
    {
        var request = SampleScenarios.Create();
        request.Scenarios.RemoveAt(0);

        var e = await FailsWith(StatusCode.InvalidArgument, () => Admin.ImportScenariosAsync(request).ResponseAsync);

        Assert.Equal("client_request_id", FieldOf(e));
    }

    [Fact]
    public async Task ImportScenarios_ChangedScenario_NewVersionAndOldVersionKept()
    {
        var changed = SampleScenarios.Practitioner()[0].Clone();
        changed.ActorBrief = "A revised brief";

        var response = await Admin.ImportScenariosAsync(new ImportScenariosRequest { ClientRequestId = "edit", Scenarios = { changed } });
        var latest = (await Admin.GetScenarioAsync(new GetScenarioRequest { ScenarioId = changed.ScenarioId })).Scenario;
        var first = (await Admin.GetScenarioAsync(new GetScenarioRequest { ScenarioId = changed.ScenarioId, Version = 1 })).Scenario;

        Assert.Equal(1, response.NewVersions);
        Assert.Equal((2, "A revised brief"), (latest.Version, latest.ActorBrief));
        Assert.NotEqual("A revised brief", first.ActorBrief);
    }

    [Fact]
    public async Task ImportScenarios_BrokenScenarios_EveryProblemReportedAndNothingImported()
    {
        var good = SampleScenarios.Practitioner()[0].Clone();
        good.ScenarioId = "NEW-1";
        var noCriteria = good.Clone();
        noCriteria.ScenarioId = "NEW-2";
        noCriteria.Criteria.Clear();
        var badScore = good.Clone();
        badScore.ScenarioId = "NEW-3";
        badScore.Criteria[2].Levels[0].Level = 7;

        var e = await FailsWith(StatusCode.InvalidArgument, () => Admin.ImportScenariosAsync(new ImportScenariosRequest { ClientRequestId = "broken", Scenarios = { good, noCriteria, badScore } }).ResponseAsync);

        Assert.Equal(["scenarios[1].criteria", "scenarios[2].criteria[2].levels"], RichStatus.ViolationsOf(e).Select(v => v.Field));
        Assert.Equal("scenarios[1].criteria", FieldOf(e));
        await FailsWith(StatusCode.NotFound, () => Admin.GetScenarioAsync(new GetScenarioRequest { ScenarioId = "NEW-1" }).ResponseAsync);
    }

    [Fact]
    public async Task RetireScenario_Existing_RetiredStillReadableAndNotScheduled()
    {
        foreach (var id in new[] { "CFP-SIM-HOME-VISIT", "CFP-SIM-CHILD-CONVERSATION" })
        {
            var retired = (await Admin.RetireScenarioAsync(new RetireScenarioRequest { ScenarioId = id })).Scenario;
            Assert.Equal(ScenarioStatus.Retired, retired.Status);
        }

        var again = (await Admin.RetireScenarioAsync(new RetireScenarioRequest { ScenarioId = "CFP-SIM-HOME-VISIT" })).Scenario;
        var enrolmentId = await EndorsedCandidateAsync();

        Assert.Equal(ScenarioStatus.Retired, again.Status);
        var e = await FailsWith(StatusCode.FailedPrecondition, () => Scheduling.ScheduleSessionAsync(Schedule(enrolmentId)).ResponseAsync);
        Assert.Contains("1 active simulations", e.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RetireScenario_Unknown_NotFound() =>
        await FailsWith(StatusCode.NotFound, () => Admin.RetireScenarioAsync(new RetireScenarioRequest { ScenarioId = "NOPE" }).ResponseAsync);

    [Theory]
    [InlineData("", 0, "scenario_id")]
    [InlineData("has spaces", 0, "scenario_id")]
    [InlineData("CFP-WRITTEN", -1, "version")]
    public async Task GetScenario_Malformed_InvalidArgumentNamingField(string id, int version, string field)
    {
        var e = await FailsWith(StatusCode.InvalidArgument, () => Admin.GetScenarioAsync(new GetScenarioRequest { ScenarioId = id, Version = version }).ResponseAsync);

        Assert.Equal(field, FieldOf(e));
    }

    [Fact]
    public async Task GetScenario_UnknownVersion_NotFound() =>
        await FailsWith(StatusCode.NotFound, () => Admin.GetScenarioAsync(new GetScenarioRequest { ScenarioId = "CFP-WRITTEN", Version = 9 }).ResponseAsync);

    [Fact]
    public async Task ListScenarios_RoleAndKind_OnlyThose()
    {
        var simulations = (await Admin.ListScenariosAsync(new ListScenariosRequest { Role = Role.PracticeSupervisor, Kind = ComponentKind.Simulation })).Scenarios;
        var all = (await Admin.ListScenariosAsync(new ListScenariosRequest { Role = Role.PracticeSupervisor })).Scenarios;

        Assert.Equal(3, simulations.Count);
        Assert.All(simulations, s => Assert.Equal((Role.PracticeSupervisor, ComponentKind.Simulation), (s.Role, s.Kind)));
        Assert.Equal(5, all.Count);
    }

    [Fact]
    public async Task ListScenarios_NoRole_InvalidArgument() =>
        Assert.Equal("role", FieldOf(await FailsWith(StatusCode.InvalidArgument, () => Admin.ListScenariosAsync(new ListScenariosRequest()).ResponseAsync)));

    [Fact]
    public async Task ListKssStatements_EachRoleAndBoth_TenEightAndEighteen()
    {
        Assert.Equal(10, (await Admin.ListKssStatementsAsync(new ListKssStatementsRequest { Role = Role.ChildAndFamilyPractitioner })).Statements.Count);
        Assert.Equal(8, (await Admin.ListKssStatementsAsync(new ListKssStatementsRequest { Role = Role.PracticeSupervisor })).Statements.Count);
        Assert.Equal(18, (await Admin.ListKssStatementsAsync(new ListKssStatementsRequest())).Statements.Count);
    }
}
