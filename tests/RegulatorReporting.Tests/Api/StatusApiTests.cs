using Accreditation.Contracts.Common.V1;
using Accreditation.Contracts.Reporting.V1;
using Accreditation.TestSupport;
using Grpc.Core;

namespace Accreditation.RegulatorReporting.Tests.Api;

[Collection(RedisGroup.Name)]
public sealed class StatusApiTests(RedisFixture redis) : ReportingApiTestBase(redis)
{
    [Fact]
    public async Task GetAccreditationStatus_AccreditedInOneRole_PerRoleAnswer()
    {
        var number = EnrolmentRequests.NewRegistrationNumber();
        await AccreditedAsync(number, practiceDay: 25);
        await InProgressAsync(number, Role.PracticeSupervisor);

        var status = await StatusAsync(number);

        Assert.Equal(AccreditationStatus.Accredited, status.Status);
        Assert.Equal(2, status.Roles.Count);
        Assert.Equal((Role.ChildAndFamilyPractitioner, AccreditationStatus.Accredited, Day(25)), (status.Roles[0].Role, status.Roles[0].Status, status.Roles[0].AccreditedAt));
        Assert.Equal((Role.PracticeSupervisor, AccreditationStatus.NotAccredited, (Google.Protobuf.WellKnownTypes.Timestamp?)null), (status.Roles[1].Role, status.Roles[1].Status, status.Roles[1].AccreditedAt));
    }

    [Fact]
    public async Task GetAccreditationStatus_LowerCaseWithLeadingZeros_Normalised()
    {
        var number = EnrolmentRequests.NewRegistrationNumber();
        await AccreditedAsync(number);

        var status = await StatusAsync("sw00" + number[2..]);

        Assert.Equal((number, AccreditationStatus.Accredited), (status.RegistrationNumber, status.Status));
    }

    [Fact]
    public async Task GetAccreditationStatus_NeverHeardOf_NotAccreditedWithoutRoles()
    {
        var status = await StatusAsync("SW999998");

        Assert.Equal(AccreditationStatus.NotAccredited, status.Status);
        Assert.Empty(status.Roles);
    }

    [Theory]
    [InlineData("")]
    [InlineData("SW0")]
    [InlineData("12345")]
    [InlineData("SW1234567")]
    public async Task GetAccreditationStatus_NotARegistrationNumber_InvalidArgumentNamingTheField(string number)
    {
        var e = await FailsWith(StatusCode.InvalidArgument, () => Regulator.GetAccreditationStatusAsync(new GetAccreditationStatusRequest { RegistrationNumber = number }).ResponseAsync);

        Assert.Equal("registration_number", FieldOf(e));
    }

    [Fact]
    public async Task CheckAccreditationStatuses_MixedNumbers_AnsweredInTheOrderAsked()
    {
        var accredited = (await AccreditedAsync()).RegistrationNumber;
        var inProgress = (await InProgressAsync()).RegistrationNumber;

        var response = await Regulator.CheckAccreditationStatusesAsync(new CheckAccreditationStatusesRequest { RegistrationNumbers = { inProgress, "SW999997", accredited.ToLowerInvariant(), inProgress } });

        Assert.Equal([inProgress, "SW999997", accredited, inProgress], response.Statuses.Select(s => s.RegistrationNumber));
        Assert.Equal(
            [AccreditationStatus.NotAccredited, AccreditationStatus.NotAccredited, AccreditationStatus.Accredited, AccreditationStatus.NotAccredited],
            response.Statuses.Select(s => s.Status));
    }

    [Fact]
    public async Task CheckAccreditationStatuses_OneHundred_Answered()
    {
        var request = new CheckAccreditationStatusesRequest { RegistrationNumbers = { Enumerable.Range(1, 100).Select(i => "SW" + (800000 + i)) } };

        Assert.Equal(100, (await Regulator.CheckAccreditationStatusesAsync(request)).Statuses.Count);
    }

    [Fact]
    public async Task CheckAccreditationStatuses_MoreThanOneHundred_InvalidArgument()
    {
        var request = new CheckAccreditationStatusesRequest { RegistrationNumbers = { Enumerable.Range(1, 101).Select(i => "SW" + i) } };

        var e = await FailsWith(StatusCode.InvalidArgument, () => Regulator.CheckAccreditationStatusesAsync(request).ResponseAsync);

        Assert.Equal("registration_numbers", FieldOf(e));
    }

    [Fact]
    public async Task CheckAccreditationStatuses_None_InvalidArgument() =>
        Assert.Equal("registration_numbers", FieldOf(await FailsWith(StatusCode.InvalidArgument, () => Regulator.CheckAccreditationStatusesAsync(new CheckAccreditationStatusesRequest()).ResponseAsync)));

    [Fact]
    public async Task CheckAccreditationStatuses_OneMalformed_InvalidArgumentNamingItsIndex()
    {
        var e = await FailsWith(StatusCode.InvalidArgument, () => Regulator.CheckAccreditationStatusesAsync(new CheckAccreditationStatusesRequest { RegistrationNumbers = { "SW1", "SW2", "nope" } }).ResponseAsync);

        Assert.Equal("registration_numbers[2]", FieldOf(e));
    }
}
