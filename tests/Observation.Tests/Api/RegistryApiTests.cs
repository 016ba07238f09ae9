using Accreditation.Contracts.Common.V1;
using Accreditation.Contracts.Observation.V1;
using Accreditation.TestSupport;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace Accreditation.Observation.Tests.Api;

[Collection(RedisGroup.Name)]
public sealed class RegistryApiTests(RedisFixture redis) : ObservationApiTestBase(redis)
{
    public static TheoryData<string, Action<Contracts.Observation.V1.Assessor>> MalformedAssessors => new()
    {
        { "assessor.assessor_id", a => a.AssessorId = "" },
        { "assessor.display_name", a => a.DisplayName = " " },
        { "assessor.employing_authority_code", a => a.EmployingAuthorityCode = "Bury" },
        { "assessor.roles", a => a.Roles.Clear() },
        { "assessor.roles[0]", a => a.Roles[0] = Role.Unspecified },
        { "assessor.availability[0].end", a => a.Availability.Add(new TimeWindow { Start = Timestamp.FromDateTimeOffset(DateTimeOffset.UnixEpoch.AddDays(2)), End = Timestamp.FromDateTimeOffset(DateTimeOffset.UnixEpoch) }) },
        { "assessor.previous_employment[0].authority_code", a => a.PreviousEmployment.Add(new EmploymentPeriod { AuthorityCode = "x" }) },
        { "assessor.previous_employment[0].to", a => a.PreviousEmployment.Add(new EmploymentPeriod { AuthorityCode = Authorities.Bury, From = Timestamp.FromDateTimeOffset(DateTimeOffset.UnixEpoch) }) },
    };

    [Theory]
    [MemberData(nameof(MalformedAssessors))]
    public async Task RegisterAssessor_MalformedField_InvalidArgumentNamingField(string field, Action<Contracts.Observation.V1.Assessor> breakIt)
    {
        var e = await FailsWith(StatusCode.InvalidArgument, () => RegisterAssessorAsync("assessor-x", "", breakIt));

        Assert.Equal(field, FieldOf(e));
    }

    [Fact]
    public async Task RegisterAssessor_New_ReadableAndListed()
    {
        await RegisterAssessorAsync("assessor-new", Authorities.Oldham, a => a.PreviousEmployment.Add(new EmploymentPeriod
        {
            AuthorityCode = Authorities.Bury,
            From = Timestamp.FromDateTimeOffset(Clock.GetUtcNow().AddYears(-3)),
            To = Timestamp.FromDateTimeOffset(Clock.GetUtcNow().AddYears(-1)),
        }));

        var read = (await Registry.GetAssessorAsync(new GetAssessorRequest { AssessorId = "assessor-new" })).Assessor;
        var list = (await Registry.ListAssessorsAsync(new ListAssessorsRequest())).Assessors;

        Assert.Equal(Authorities.Oldham, read.EmployingAuthorityCode);
        Assert.Single(read.PreviousEmployment);
        Assert.Equal(5, list.Count);
    }

    [Fact]
    public async Task RegisterAssessor_RetriedWithSameRequestId_FirstAnswerEvenAfterAChange()
    {
        var request = new RegisterAssessorRequest
        {
            ClientRequestId = "register-once",
            Assessor = new Contracts.Observation.V1.Assessor { AssessorId = "assessor-r", DisplayName = "R", Active = true, Roles = { Role.PracticeSupervisor } },
        };
        var first = await Registry.RegisterAssessorAsync(request);
        await RegisterAssessorAsync("assessor-r", Authorities.Wigan);

        var retry = await Registry.RegisterAssessorAsync(request);

        Assert.Equal(first.Assessor, retry.Assessor);
        Assert.Equal(Authorities.Wigan, (await Registry.GetAssessorAsync(new GetAssessorRequest { AssessorId = "assessor-r" })).Assessor.EmployingAuthorityCode);
    }

    [Fact]
    public async Task GetAssessor_Unknown_NotFound() =>
        await FailsWith(StatusCode.NotFound, () => Registry.GetAssessorAsync(new GetAssessorRequest { AssessorId = "nobody" }).ResponseAsync);

    [Fact]
    public async Task RegisterActor_New_Listed()
    {
        await Registry.RegisterActorAsync(new RegisterActorRequest { ClientRequestId = "a3", Actor = new Actor { ActorId = "actor-3", DisplayName = "Three", Active = true } });

        var actors = (await Registry.ListActorsAsync(new ListActorsRequest())).Actors;

        Assert.Equal(["actor-1", "actor-2", "actor-3"], actors.Select(a => a.ActorId));
    }

    [Theory]
    [InlineData("", "Name", "actor.actor_id")]
    [InlineData("actor-9", "", "actor.display_name")]
    public async Task RegisterActor_MalformedField_InvalidArgumentNamingField(string id, string name, string field)
    {
        var e = await FailsWith(StatusCode.InvalidArgument, () => Registry.RegisterActorAsync(new RegisterActorRequest { ClientRequestId = "x", Actor = new Actor { ActorId = id, DisplayName = name } }).ResponseAsync);

        Assert.Equal(field, FieldOf(e));
    }

    [Fact]
    public async Task RegisterActor_NoClientRequestId_InvalidArgument() =>
        Assert.Equal("client_request_id", FieldOf(await FailsWith(StatusCode.InvalidArgument, () => Registry.RegisterActorAsync(new RegisterActorRequest { Actor = new Actor { ActorId = "a", DisplayName = "A" } }).ResponseAsync)));
}
