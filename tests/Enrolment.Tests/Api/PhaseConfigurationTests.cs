using Accreditation.TestSupport;
using Grpc.Core;

namespace Accreditation.Enrolment.Tests.Api;

[Collection(RedisGroup.Name)]
public sealed class PhaseConfigurationTests(RedisFixture redis)
{
    [Fact]
    public async Task EnrolCandidate_Phase2HostWithSheffield_EnrolsSheffieldNotBury()
    {
        await using var host = await EnrolmentTestHost.StartAsync(redis, RedisFixture.NewKeyPrefix("phase2"), settings: new Dictionary<string, string?>
        {
            ["Phase:Name"] = "phase-2",
            ["Phase:Authorities:0"] = Authorities.Sheffield,
            ["Phase:Authorities:1"] = "E08000019", // Sheffield's old code: the same authority
            ["Phase:Authorities:2"] = Authorities.Leeds,
        });

        var enrolled = await host.ClientFor(Authorities.Sheffield).EnrolCandidateAsync(EnrolmentRequests.Enrol(Authorities.Sheffield));
        var e = await Assert.ThrowsAsync<RpcException>(() => host.ClientFor(Authorities.Bury).EnrolCandidateAsync(EnrolmentRequests.Enrol(Authorities.Bury)).ResponseAsync);

        Assert.Equal("phase-2", enrolled.Enrolment.Phase);
        Assert.Equal(StatusCode.FailedPrecondition, e.StatusCode);
        Assert.Contains("phase-2", e.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EnrolCandidate_NationalHost_EnrolsAnyEnglishAuthority()
    {
        await using var host = await EnrolmentTestHost.StartAsync(redis, RedisFixture.NewKeyPrefix("national"), settings: new Dictionary<string, string?>
        {
            ["Phase:Name"] = "national",
        });

        var scilly = await host.ClientFor("E06000053").EnrolCandidateAsync(EnrolmentRequests.Enrol("E06000053"));

        Assert.Equal("Isles of Scilly", scilly.Enrolment.EmployingAuthority.Name);
    }

    [Fact]
    public async Task Start_Phase2WithTwentyOneAuthorities_RefusesToStart()
    {
        var settings = new Dictionary<string, string?> { ["Phase:Name"] = "phase-2" };
        var codes = new[] { "E09000001", "E09000007", "E09000011", "E09000012", "E09000013", "E09000020", "E09000022", "E09000023", "E09000025", "E09000028", "E09000030", "E09000032", "E09000033", "E09000002", "E09000003", "E09000004", "E09000005", "E09000006", "E09000008", "E09000009", "E09000010" };
        for (var i = 0; i < codes.Length; i++)
        {
            settings[$"Phase:Authorities:{i}"] = codes[i];
        }

        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => EnrolmentTestHost.StartAsync(redis, RedisFixture.NewKeyPrefix("phase2-too-many"), settings: settings));

        Assert.Contains("at most 20", e.Message, StringComparison.Ordinal);
    }
}
