using Accreditation.Cli.Simulation;
using Accreditation.Cli.Tests.Support;
using Accreditation.Contracts.Common.V1;
using Accreditation.Contracts.Reporting.V1;
using Google.Protobuf.WellKnownTypes;

namespace Accreditation.Cli.Tests.Simulation;

/// <summary>Waiting for Reporting to catch up with a run: asking again until the register matches, in calls of at most 100 numbers.</summary>
public sealed class RegisterWaitTests
{
    private static readonly DateTimeOffset Passed = new(2025, 3, 1, 9, 30, 15, TimeSpan.Zero);

    private static Endpoints Connect(FakeGrpcHandler services) => new(
        new EndpointSettings(GlobalOptions.DefaultEnrolmentUrl, GlobalOptions.DefaultTestingUrl, GlobalOptions.DefaultObservationUrl, Endpoints.DevelopmentSigningKey, null),
        services.Factory);

    /// <summary>Answers each number not accredited for the first <paramref name="behind"/> looks, then accredited at <see cref="Passed"/>.</summary>
    private static FakeGrpcHandler Reporting(int behind)
    {
        var looks = 0;
        return new FakeGrpcHandler
        {
            RespondTo = (_, body) =>
            {
                var request = CheckAccreditationStatusesRequest.Parser.ParseFrom(body);
                var caughtUp = request.RegistrationNumbers.Contains("SW1") ? ++looks > behind : looks > behind;
                var response = new CheckAccreditationStatusesResponse();
                foreach (var number in request.RegistrationNumbers)
                {
                    var role = new RoleStatus { Role = Role.ChildAndFamilyPractitioner, Status = caughtUp ? AccreditationStatus.Accredited : AccreditationStatus.NotAccredited };
                    if (caughtUp)
                    {
                        role.AccreditedAt = Timestamp.FromDateTimeOffset(Passed);
                    }

                    response.Statuses.Add(new RegistrationStatus { RegistrationNumber = number, Status = role.Status, Roles = { role } });
                }

                return response;
            },
        };
    }

    private static SimulatedCandidate[] Candidates(int count) =>
        [.. Enumerable.Range(1, count).Select(n => new SimulatedCandidate("SW" + n, Role.ChildAndFamilyPractitioner, false, Passed.AddMinutes(-5), Passed))];

    [Fact]
    public async Task UntilMatchedAsync_ReportingBehindTwice_AsksAgainUntilItMatches()
    {
        var services = Reporting(behind: 2);
        using var endpoints = Connect(services);

        var problems = await new RegisterWait(endpoints.Regulator(), TimeSpan.FromMinutes(1), TimeSpan.Zero).UntilMatchedAsync(Candidates(3), CancellationToken.None);

        Assert.Empty(problems);
        var sent = services.Sent<CheckAccreditationStatusesRequest>("CheckAccreditationStatuses");
        Assert.Equal(3, sent.Count);
        Assert.All(sent, r => Assert.Equal(["SW1", "SW2", "SW3"], r.RegistrationNumbers));
        Assert.Equal("regulator", Jwt.Payload(services.BearerTokens[0]!).GetProperty("scope").GetString());
    }

    [Fact]
    public async Task UntilMatchedAsync_MoreThan100Numbers_AsksInCallsOfAtMost100()
    {
        var services = Reporting(behind: 0);
        using var endpoints = Connect(services);

        var problems = await new RegisterWait(endpoints.Regulator(), TimeSpan.FromMinutes(1), TimeSpan.Zero).UntilMatchedAsync(Candidates(150), CancellationToken.None);

        Assert.Empty(problems);
        Assert.Equal([100, 50], services.Sent<CheckAccreditationStatusesRequest>("CheckAccreditationStatuses").Select(r => r.RegistrationNumbers.Count));
    }

    [Fact]
    public async Task UntilMatchedAsync_PatienceOver_TheDifferencesOfTheLastLook()
    {
        var services = Reporting(behind: int.MaxValue);
        using var endpoints = Connect(services);

        var problems = await new RegisterWait(endpoints.Regulator(), TimeSpan.Zero, TimeSpan.Zero).UntilMatchedAsync(Candidates(2), CancellationToken.None);

        Assert.Equal(2, problems.Count);
        Assert.Single(services.Sent<CheckAccreditationStatusesRequest>("CheckAccreditationStatuses"));
    }

    [Fact]
    public async Task UntilMatchedAsync_NoCandidates_MatchesWithoutAsking()
    {
        var services = Reporting(behind: 0);
        using var endpoints = Connect(services);

        Assert.Empty(await new RegisterWait(endpoints.Regulator(), TimeSpan.Zero, TimeSpan.Zero).UntilMatchedAsync([], CancellationToken.None));
        Assert.Empty(services.Requests);
    }
}
