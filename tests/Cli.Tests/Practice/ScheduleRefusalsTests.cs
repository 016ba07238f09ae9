using Accreditation.Cli.Practice;
using Grpc.Core;

namespace Accreditation.Cli.Tests.Practice;

public sealed class ScheduleRefusalsTests
{
    private static RpcException Refusal(StatusCode code, string detail) => new(new Status(code, detail));

    [Theory]
    [InlineData("enrolment e-1 is not known here yet; the candidate must be enrolled and endorsed", true)]
    [InlineData("enrolment e-1 has no practice endorsement yet; endorsement unlocks booking", true)]
    [InlineData("enrolment e-1 is withdrawn", false)]
    [InlineData("the candidate has already passed simulated practice", false)]
    public void NotKnownYet_FailedPrecondition_OnlyTheAnswersThatClearByThemselves(string detail, bool expected) =>
        Assert.Equal(expected, ScheduleRefusals.NotKnownYet(Refusal(StatusCode.FailedPrecondition, detail)));

    [Fact]
    public void NotKnownYet_OtherCode_False() =>
        Assert.False(ScheduleRefusals.NotKnownYet(Refusal(StatusCode.NotFound, "enrolment e-1 is not known here yet")));

    [Fact]
    public void ResitFrom_CoolOffAnswer_TheEarliestTime() =>
        Assert.Equal(
            new DateTimeOffset(2026, 5, 29, 9, 30, 5, TimeSpan.Zero),
            ScheduleRefusals.ResitFrom(Refusal(StatusCode.FailedPrecondition, "a resit may be booked from 2026-05-29T09:30:05Z, after the cool-off since the last fail at simulated practice")));

    [Theory]
    [InlineData(StatusCode.FailedPrecondition, "the limit of 3 attempts at simulated practice has been reached")]
    [InlineData(StatusCode.InvalidArgument, "a resit may be booked from 2026-05-29T09:30:05Z")]
    [InlineData(StatusCode.FailedPrecondition, "a resit may be booked from soon")]
    public void ResitFrom_OtherAnswer_Null(StatusCode code, string detail) =>
        Assert.Null(ScheduleRefusals.ResitFrom(Refusal(code, detail)));
}
