using Accreditation.Cli.Simulation;
using Accreditation.Contracts.Common.V1;
using Accreditation.Contracts.Reporting.V1;
using Google.Protobuf.WellKnownTypes;

namespace Accreditation.Cli.Tests.Simulation;

/// <summary>The register the simulation expects against the one Reporting shows.</summary>
public sealed class RegisterCheckTests
{
    private const Role Practitioner = Role.ChildAndFamilyPractitioner;
    private const Role Supervisor = Role.PracticeSupervisor;

    private static readonly DateTimeOffset Knowledge = new(2025, 3, 1, 9, 30, 15, TimeSpan.Zero);
    private static readonly DateTimeOffset Practice = Knowledge.AddMinutes(7).AddTicks(1234);

    private static SimulatedCandidate Passed(string number, Role role = Practitioner) => new(number, role, false, Knowledge, Practice);

    private static RegistrationStatus NotAccredited(string number, params Role[] roles) => new()
    {
        RegistrationNumber = number,
        Status = AccreditationStatus.NotAccredited,
        Roles = { roles.Select(r => new RoleStatus { Role = r, Status = AccreditationStatus.NotAccredited }) },
    };

    private static RegistrationStatus Accredited(string number, Role role, DateTimeOffset at) => new()
    {
        RegistrationNumber = number,
        Status = AccreditationStatus.Accredited,
        Roles = { new RoleStatus { Role = role, Status = AccreditationStatus.Accredited, AccreditedAt = Timestamp.FromDateTimeOffset(at) } },
    };

    [Fact]
    public void ExpectedAccreditedAt_BothPassed_TheLaterPass()
    {
        Assert.Equal(Practice, new SimulatedCandidate("SW1", Practitioner, false, Knowledge, Practice).ExpectedAccreditedAt);
        Assert.Equal(Practice, new SimulatedCandidate("SW1", Practitioner, false, Practice, Knowledge).ExpectedAccreditedAt);
    }

    [Theory]
    [InlineData(true, true, true)]
    [InlineData(false, false, true)]
    [InlineData(false, true, false)]
    public void ExpectedAccreditedAt_WithdrawnOrAComponentNotPassed_Null(bool withdrawn, bool knowledge, bool practice)
    {
        Assert.Null(new SimulatedCandidate("SW1", Practitioner, withdrawn, knowledge ? Knowledge : null, practice ? Practice : null).ExpectedAccreditedAt);
    }

    [Fact]
    public void Compare_RegisterAsExpected_NoDifferences()
    {
        SimulatedCandidate[] run = [Passed("SW1"), Passed("SW2", Supervisor), new("SW3", Practitioner, false, Knowledge, null), new("SW4", Practitioner, true, null, null)];
        RegistrationStatus[] register = [Accredited("SW1", Practitioner, Practice), Accredited("SW2", Supervisor, Practice), NotAccredited("SW3", Practitioner), NotAccredited("SW4", Practitioner)];

        Assert.Empty(RegisterCheck.Compare(run, register));
        Assert.Equal(2, RegisterCheck.ExpectedCount(run));
    }

    [Fact]
    public void Compare_PassedBothButNotOnTheRegister_Missing()
    {
        var problems = RegisterCheck.Compare([Passed("SW1"), Passed("SW2")], [Accredited("SW1", Practitioner, Practice), NotAccredited("SW2")]);

        Assert.Equal(["SW2 (practitioner) is not accredited on the register, the simulation expects accredited at 2025-03-01T09:37:15.0001234Z (the later pass)"], problems);
    }

    [Fact]
    public void Compare_NumberMissingFromTheAnswer_Missing()
    {
        var problems = RegisterCheck.Compare([Passed("SW1")], []);

        Assert.Contains("SW1 (practitioner) is not accredited on the register", Assert.Single(problems), StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_AccreditedWithoutBothPasses_Extra()
    {
        var problems = RegisterCheck.Compare([new("SW5", Practitioner, false, Knowledge, null)], [Accredited("SW5", Practitioner, Knowledge)]);

        Assert.Equal(["SW5 (practitioner) is accredited at 2025-03-01T09:30:15Z on the register, the simulation did not take them through both components"], problems);
    }

    [Fact]
    public void Compare_AccreditedInASecondRole_ExtraForThatRole()
    {
        var register = Accredited("SW1", Practitioner, Practice);
        register.Roles.Add(new RoleStatus { Role = Supervisor, Status = AccreditationStatus.Accredited, AccreditedAt = Timestamp.FromDateTimeOffset(Knowledge) });

        var problems = RegisterCheck.Compare([Passed("SW1")], [register]);

        Assert.Equal("SW1 (supervisor) is accredited at 2025-03-01T09:30:15Z on the register, the simulation did not take them through both components", Assert.Single(problems));
    }

    [Fact]
    public void Compare_AccreditedAtAnotherTime_WrongDate()
    {
        var problems = RegisterCheck.Compare([Passed("SW1")], [Accredited("SW1", Practitioner, Knowledge)]);

        Assert.Equal(["SW1 (practitioner) is accredited at 2025-03-01T09:30:15Z on the register, the simulation expects 2025-03-01T09:37:15.0001234Z (the later pass)"], problems);
    }

    [Fact]
    public void Compare_AccreditedOffByATick_WrongDate()
    {
        Assert.Single(RegisterCheck.Compare([Passed("SW1")], [Accredited("SW1", Practitioner, Practice.AddTicks(1))]));
    }

    [Fact]
    public void Compare_AccreditedInTheOtherRole_OneWrongRoleDifference()
    {
        var problems = RegisterCheck.Compare([Passed("SW1")], [Accredited("SW1", Supervisor, Practice)]);

        Assert.Equal(["SW1 (practitioner) is accredited as supervisor on the register instead, the simulation expects practitioner at 2025-03-01T09:37:15.0001234Z"], problems);
    }

    [Fact]
    public void Compare_NumbersOutsideTheRun_NotLookedAt()
    {
        Assert.Empty(RegisterCheck.Compare([Passed("SW1")], [Accredited("SW1", Practitioner, Practice), Accredited("SW999", Practitioner, Knowledge)]));
    }

    [Fact]
    public void Compare_SeveralDifferences_EachOnceInRegistrationOrder()
    {
        SimulatedCandidate[] run = [Passed("SW3"), Passed("SW1"), new("SW2", Supervisor, false, null, null)];
        RegistrationStatus[] register = [NotAccredited("SW1", Practitioner), Accredited("SW2", Supervisor, Knowledge), Accredited("SW3", Practitioner, Knowledge)];

        var problems = RegisterCheck.Compare(run, register);

        Assert.Equal(3, problems.Count);
        Assert.StartsWith("SW1 (practitioner) is not accredited", problems[0], StringComparison.Ordinal);
        Assert.StartsWith("SW3 (practitioner) is accredited at", problems[1], StringComparison.Ordinal);
        Assert.StartsWith("SW2 (supervisor) is accredited at", problems[2], StringComparison.Ordinal);
    }
}
