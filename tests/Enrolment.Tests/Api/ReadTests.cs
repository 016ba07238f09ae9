using Accreditation.Contracts.Common.V1;
using Accreditation.Contracts.Enrolment.V1;
using Accreditation.TestSupport;
using Grpc.Core;

namespace Accreditation.Enrolment.Tests.Api;

[Collection(RedisGroup.Name)]
public sealed class ReadTests(RedisFixture redis) : ApiTestBase(redis)
{
    [Fact]
    public async Task GetEnrolment_OwnCandidate_ReturnsIt()
    {
        var client = Host.ClientFor(Authorities.Oldham);
        var enrolment = (await client.EnrolCandidateAsync(EnrolmentRequests.Enrol(Authorities.Oldham))).Enrolment;

        var fetched = await client.GetEnrolmentAsync(new GetEnrolmentRequest { EnrolmentId = enrolment.EnrolmentId });

        Assert.Equal(enrolment, fetched.Enrolment);
    }

    [Fact]
    public async Task GetEnrolment_OtherAuthoritysCandidate_PermissionDenied()
    {
        var enrolment = (await Host.ClientFor(Authorities.Oldham).EnrolCandidateAsync(EnrolmentRequests.Enrol(Authorities.Oldham))).Enrolment;

        await FailsWith(StatusCode.PermissionDenied, () =>
            Host.ClientFor(Authorities.Leeds).GetEnrolmentAsync(new GetEnrolmentRequest { EnrolmentId = enrolment.EnrolmentId }).ResponseAsync);
    }

    [Fact]
    public async Task GetEnrolment_Unknown_NotFound()
    {
        await FailsWith(StatusCode.NotFound, () =>
            Host.ClientFor(Authorities.Oldham).GetEnrolmentAsync(new GetEnrolmentRequest { EnrolmentId = Guid.NewGuid().ToString() }).ResponseAsync);
    }

    [Theory]
    [InlineData("")]
    [InlineData("../../etc")]
    [InlineData("a b")]
    public async Task GetEnrolment_MalformedId_InvalidArgumentNamingField(string id)
    {
        var e = await FailsWith(StatusCode.InvalidArgument, () =>
            Host.ClientFor(Authorities.Oldham).GetEnrolmentAsync(new GetEnrolmentRequest { EnrolmentId = id }).ResponseAsync);

        Assert.Equal("enrolment_id", FieldOf(e));
    }

    [Fact]
    public async Task ListEnrolments_PagedAndFiltered_EveryMatchOnceInEnrolmentOrder()
    {
        var client = Host.ClientFor(Authorities.Leeds);
        var enrolled = new List<Contracts.Enrolment.V1.Enrolment>();
        for (var i = 0; i < 7; i++)
        {
            var role = i % 2 == 0 ? Role.ChildAndFamilyPractitioner : Role.PracticeSupervisor;
            enrolled.Add((await client.EnrolCandidateAsync(EnrolmentRequests.Enrol(Authorities.Leeds, role: role))).Enrolment);
        }

        await client.EndorseEnrolmentAsync(EnrolmentRequests.Endorse(enrolled[2].EnrolmentId));
        await Host.ClientFor(Authorities.Bury).EnrolCandidateAsync(EnrolmentRequests.Enrol(Authorities.Bury));

        var all = await ReadAllAsync(client, new ListEnrolmentsRequest { Page = new PageRequest { PageSize = 3 } });
        var practitioners = await ReadAllAsync(client, new ListEnrolmentsRequest { Role = Role.ChildAndFamilyPractitioner, Page = new PageRequest { PageSize = 2 } });
        var endorsed = await ReadAllAsync(client, new ListEnrolmentsRequest { State = EnrolmentState.Endorsed });

        Assert.Equal(enrolled.Select(e => e.EnrolmentId), all.Select(e => e.EnrolmentId));
        Assert.Equal(enrolled.Where((_, i) => i % 2 == 0).Select(e => e.EnrolmentId), practitioners.Select(e => e.EnrolmentId));
        Assert.Equal(enrolled[2].EnrolmentId, Assert.Single(endorsed).EnrolmentId);
    }

    [Fact]
    public async Task ListEnrolments_PageTokenFromAnotherFilter_InvalidArgument()
    {
        var client = Host.ClientFor(Authorities.Leeds);
        for (var i = 0; i < 2; i++)
        {
            await client.EnrolCandidateAsync(EnrolmentRequests.Enrol(Authorities.Leeds));
        }

        var first = await client.ListEnrolmentsAsync(new ListEnrolmentsRequest { Page = new PageRequest { PageSize = 1 } });
        var e = await FailsWith(StatusCode.InvalidArgument, () => client.ListEnrolmentsAsync(new ListEnrolmentsRequest
        {
            Role = Role.PracticeSupervisor,
            Page = new PageRequest { PageSize = 1, PageToken = first.NextPageToken },
        }).ResponseAsync);

        Assert.Equal("page.page_token", FieldOf(e));
    }

    [Theory]
    [InlineData(-1, "", "page.page_size")]
    [InlineData(501, "", "page.page_size")]
    [InlineData(10, "garbage!", "page.page_token")]
    public async Task ListEnrolments_BadPaging_InvalidArgumentNamingField(int pageSize, string token, string field)
    {
        var e = await FailsWith(StatusCode.InvalidArgument, () => Host.ClientFor(Authorities.Leeds).ListEnrolmentsAsync(new ListEnrolmentsRequest
        {
            Page = new PageRequest { PageSize = pageSize, PageToken = token },
        }).ResponseAsync);

        Assert.Equal(field, FieldOf(e));
    }

    [Fact]
    public async Task ListEnrolments_CallerOutsidePhase_FailedPrecondition()
    {
        await FailsWith(StatusCode.FailedPrecondition, () => Host.ClientFor(Authorities.Sheffield).ListEnrolmentsAsync(new ListEnrolmentsRequest()).ResponseAsync);
    }

    private static async Task<List<Contracts.Enrolment.V1.Enrolment>> ReadAllAsync(EnrolmentService.EnrolmentServiceClient client, ListEnrolmentsRequest request)
    {
        var all = new List<Contracts.Enrolment.V1.Enrolment>();
        request.Page ??= new PageRequest();
        for (var pages = 0; pages < 100; pages++)
        {
            var response = await client.ListEnrolmentsAsync(request);
            all.AddRange(response.Enrolments);
            if (response.NextPageToken.Length == 0)
            {
                return all;
            }

            request.Page.PageToken = response.NextPageToken;
        }

        throw new InvalidOperationException("paging did not end");
    }
}
