using Accreditation.Cli.Tests.Support;
using Accreditation.Contracts.Operations.V1;
using Google.Protobuf.WellKnownTypes;

namespace Accreditation.Cli.Tests.Operations;

/// <summary>outbox status, parked and requeue against a fake service in process.</summary>
public sealed class OutboxVerbsTests
{
    private const string Service = "/accreditation.operations.v1.OutboxAdminService/";

    private static string[][] Rows(string output) =>
        [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))];

    [Fact]
    public async Task RunAsync_OutboxStatus_ATableOfTheBacklogWithTheOldestPendingAge()
    {
        var oldest = DateTimeOffset.UtcNow.AddSeconds(-95);
        var services = new FakeGrpcHandler
        {
            Respond = path => path == Service + "GetOutboxStatus"
                ? new GetOutboxStatusResponse { Pending = 3, Parked = 1, OldestPendingAt = Timestamp.FromDateTimeOffset(oldest) }
                : null,
        };

        var run = await CliRun.RunAsync(["outbox", "status", "--service", "observation"], services: services);

        Assert.True(run.ExitCode == 0, run.ToString());
        var rows = Rows(run.Output);
        Assert.Equal(["service", "pending", "parked", "oldest-pending", "oldest-age"], rows[0]);
        Assert.Equal(["observation", "3", "1", Accreditation.Cli.Output.Times.Iso(Timestamp.FromDateTimeOffset(oldest))], rows[1][..4]);
        Assert.Matches(@"^1m3\ds$", rows[1][4]);
        Assert.Equal(2, rows.Length);
        var request = Assert.Single(services.Requests);
        Assert.Equal(new Uri(GlobalOptions.DefaultObservationUrl).Authority, request.RequestUri!.Authority);
        var claims = Jwt.Payload(Assert.Single(services.BearerTokens)!);
        Assert.Equal("operations", claims.GetProperty("scope").GetString());
        Assert.Equal(Subjects.Operations, claims.GetProperty("sub").GetString());
    }

    [Fact]
    public async Task RunAsync_OutboxStatusNothingPending_DashesForTheOldest()
    {
        var services = new FakeGrpcHandler { Respond = _ => new GetOutboxStatusResponse { Parked = 2 } };

        var run = await CliRun.RunAsync(["outbox", "status", "--service", "enrolment"], services: services);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(["enrolment", "0", "2", "-", "-"], Rows(run.Output)[1]);
    }

    [Theory]
    [InlineData("enrolment", GlobalOptions.EnrolmentUrlVariable)]
    [InlineData("testing", GlobalOptions.TestingUrlVariable)]
    [InlineData("observation", GlobalOptions.ObservationUrlVariable)]
    public async Task RunAsync_OutboxService_ReachedAtThatServicesAddress(string service, string variable)
    {
        var services = new FakeGrpcHandler { Respond = _ => new GetOutboxStatusResponse() };

        await CliRun.RunAsync(["outbox", "status", "--service", service], new Dictionary<string, string> { [variable] = $"http://{service}.example.test:7000" }, services);

        var request = Assert.Single(services.Requests);
        Assert.Equal($"http://{service}.example.test:7000{Service}GetOutboxStatus", request.RequestUri!.ToString());
    }

    [Fact]
    public async Task RunAsync_OutboxParked_ATableOfEntriesAskingForMax()
    {
        var services = new FakeGrpcHandler
        {
            Respond = path => path == Service + "ListParkedEntries"
                ? new ListParkedEntriesResponse
                {
                    Entries =
                    {
                        new ParkedEntry
                        {
                            EntryId = "0197-a",
                            Topic = "observation.simulated-practice-completed",
                            EventType = "accreditation.events.v1.SimulatedPracticeCompleted",
                            CreatedAt = Timestamp.FromDateTimeOffset(new DateTimeOffset(2026, 5, 1, 9, 0, 0, TimeSpan.Zero)),
                            ParkedAt = Timestamp.FromDateTimeOffset(new DateTimeOffset(2026, 5, 1, 9, 5, 0, TimeSpan.Zero)),
                            Refusals = 12,
                            Reason = "the sidecar refused the topic",
                        },
                    },
                }
                : null,
        };

        var run = await CliRun.RunAsync(["outbox", "parked", "--service", "observation", "--max", "5"], services: services);

        Assert.True(run.ExitCode == 0, run.ToString());
        var rows = Rows(run.Output);
        Assert.Equal(["entry", "topic", "event", "created", "parked", "refusals", "reason"], rows[0]);
        Assert.Equal(
            ["0197-a", "observation.simulated-practice-completed", "accreditation.events.v1.SimulatedPracticeCompleted", "2026-05-01T09:00:00Z", "2026-05-01T09:05:00Z", "12", "the", "sidecar", "refused", "the", "topic"],
            rows[1]);
        Assert.Equal("1 parked entries", string.Join(' ', rows[2]));
        Assert.Equal(5, Assert.Single(services.Sent<ListParkedEntriesRequest>("ListParkedEntries")).MaxEntries);
    }

    [Fact]
    public async Task RunAsync_OutboxRequeue_SendsTheEntryAndSaysSo()
    {
        var services = new FakeGrpcHandler { Respond = path => path == Service + "RequeueParkedEntry" ? new RequeueParkedEntryResponse() : null };

        var run = await CliRun.RunAsync(["outbox", "requeue", "--service", "testing", "--entry", "0197-a"], services: services);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("requeued 0197-a in the testing outbox", run.Output.Trim());
        Assert.Equal("0197-a", Assert.Single(services.Sent<RequeueParkedEntryRequest>("RequeueParkedEntry")).EntryId);
    }

    [Fact]
    public async Task RunAsync_OutboxRequeueNoSuchEntry_ExitCode1WithTheStatus()
    {
        var run = await CliRun.RunAsync(["outbox", "requeue", "--service", "testing", "--entry", "gone"], services: new FakeGrpcHandler());

        Assert.Equal(CliApp.Failed, run.ExitCode);
        Assert.Contains("accredit: NotFound: fake: nothing here", run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Output);
    }
}
