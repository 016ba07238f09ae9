using Accreditation.BuildingBlocks.Errors;
using Accreditation.Contracts.Common.V1;
using Accreditation.Contracts.Observation.V1;
using Accreditation.Cli.Practice;
using Accreditation.Observation.Domain;
using Google.Protobuf.WellKnownTypes;

namespace Accreditation.Observation.Tests.Domain;

public sealed class SessionPlannerTests
{
    private static readonly IReadOnlyList<Scenario> Active = SampleScenarios.Practitioner().Select(s => ScenarioChange.NextVersion(s, null)!).ToList();
    private static readonly Actor[] Actors = [new() { ActorId = "actor-1", DisplayName = "One", Active = true }, new() { ActorId = "actor-2", DisplayName = "Two", Active = true }];

    [Fact]
    public void Components_Default_TwoDistinctSimulationsWithActorsThenReflectiveAndWritten()
    {
        var components = SessionPlanner.Components(Role.ChildAndFamilyPractitioner, Active, Actors, new ComponentsOptions(), Sessions.Now, new Random(1));

        Assert.Equal(["simulation-1", "simulation-2", "reflective", "written"], components.Select(c => c.ComponentId));
        Assert.NotEqual(components[0].ScenarioId, components[1].ScenarioId);
        Assert.All(components.Take(2), c => Assert.StartsWith("actor-", c.ActorId, StringComparison.Ordinal));
        Assert.Equal([ComponentKind.Simulation, ComponentKind.Simulation, ComponentKind.Reflective, ComponentKind.Written], components.Select(c => c.Kind));
    }

    [Fact]
    public void Components_SameSeed_SameChoices() =>
        Assert.Equal(
            SessionPlanner.Components(Role.ChildAndFamilyPractitioner, Active, Actors, new ComponentsOptions(), Sessions.Now, new Random(7)),
            SessionPlanner.Components(Role.ChildAndFamilyPractitioner, Active.Reverse(), Actors.Reverse(), new ComponentsOptions(), Sessions.Now, new Random(7)));

    [Fact]
    public void Components_Configured_OneSimulationNoWritten()
    {
        var components = SessionPlanner.Components(Role.ChildAndFamilyPractitioner, Active, Actors, new ComponentsOptions { Simulations = 1, Written = false }, Sessions.Now, new Random(1));

        Assert.Equal(["simulation-1", "reflective"], components.Select(c => c.ComponentId));
    }

    [Fact]
    public void Components_FewerSimulationsThanNeeded_FailedPrecondition() =>
        Assert.Throws<DomainRuleException>(() => SessionPlanner.Components(Role.ChildAndFamilyPractitioner, Active, Actors, new ComponentsOptions { Simulations = 4 }, Sessions.Now, new Random(1)));

    [Fact]
    public void Components_RetiredOrOtherRole_NotUsed()
    {
        var retired = Active.Select(s => s.Clone()).ToList();
        retired.Where(s => s.Kind == ComponentKind.Simulation).Take(2).ToList().ForEach(s => s.Status = ScenarioStatus.Retired);

        Assert.Throws<DomainRuleException>(() => SessionPlanner.Components(Role.ChildAndFamilyPractitioner, retired, Actors, new ComponentsOptions(), Sessions.Now, new Random(1)));
        Assert.Throws<DomainRuleException>(() => SessionPlanner.Components(Role.PracticeSupervisor, Active, Actors, new ComponentsOptions(), Sessions.Now, new Random(1)));
    }

    [Fact]
    public void Components_NoActorAvailableAtTheSlot_FailedPrecondition()
    {
        var busy = new Actor { ActorId = "busy", DisplayName = "Busy", Active = true };
        busy.Availability.Add(new TimeWindow { Start = Timestamp.FromDateTimeOffset(Sessions.Now.AddDays(1)), End = Timestamp.FromDateTimeOffset(Sessions.Now.AddDays(2)) });

        var e = Assert.Throws<DomainRuleException>(() => SessionPlanner.Components(Role.ChildAndFamilyPractitioner, Active, [busy], new ComponentsOptions(), Sessions.Now, new Random(1)));

        Assert.Equal("slot_start", e.Field);
    }

    [Fact]
    public void IsAvailable_WindowsStartInclusiveEndExclusive()
    {
        var window = new TimeWindow { Start = Timestamp.FromDateTimeOffset(Sessions.Now), End = Timestamp.FromDateTimeOffset(Sessions.Now.AddHours(8)) };

        Assert.True(SessionPlanner.IsAvailable([window], Sessions.Now));
        Assert.False(SessionPlanner.IsAvailable([window], Sessions.Now.AddHours(8)));
        Assert.True(SessionPlanner.IsAvailable([], Sessions.Now));
    }
}
