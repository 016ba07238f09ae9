using System.Runtime.CompilerServices;
using Accreditation.Cli.Reporting;
using Accreditation.Cli.Tests.Support;
using Accreditation.Contracts.Common.V1;
using Accreditation.Contracts.Reporting.V1;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;

namespace Accreditation.Cli.Tests.Reporting;

/// <summary>Following the register's change feed: reopening it where it ended, and Ctrl-C (the token) ending it with the cursor to resume from.</summary>
public sealed class RegisterFeedTests
{
    private static StreamRegisterChangesResponse Change(string cursor) => new()
    {
        Cursor = cursor,
        ChangedAt = Timestamp.FromDateTimeOffset(new DateTimeOffset(2025, 3, 1, 9, 0, 0, TimeSpan.Zero)),
        Entry = new RegisterEntry { RegistrationNumber = "SW1", Role = Role.ChildAndFamilyPractitioner, Status = AccreditationStatus.NotAccredited, Phase = "phase-1" },
    };

    /// <summary>The changes, then Ctrl-C: the token is cancelled and the stream stays open until the call ends.</summary>
    private static async IAsyncEnumerable<IMessage> ThenInterrupted(CancellationTokenSource ctrlC, [EnumeratorCancellation] CancellationToken callEnded = default, params IMessage[] changes)
    {
        foreach (var change in changes)
        {
            yield return change;
        }

        await ctrlC.CancelAsync();
        await Task.Delay(Timeout.Infinite, callEnded);
    }

    private static Endpoints Connect(FakeGrpcHandler services) => new(
        new EndpointSettings(GlobalOptions.DefaultEnrolmentUrl, GlobalOptions.DefaultTestingUrl, GlobalOptions.DefaultObservationUrl, Endpoints.DevelopmentSigningKey, null),
        services.Factory);

    [Fact]
    public async Task ReadAsync_FollowingWhenTheServiceEndsTheStream_OpensItAgainFromTheLastCursorUntilCancelled()
    {
        using var ctrlC = new CancellationTokenSource();
        var services = new FakeGrpcHandler
        {
            StreamTo = (_, body) => StreamRegisterChangesRequest.Parser.ParseFrom(body).Cursor switch
            {
                "c-0" => new IMessage[] { Change("c-1"), Change("c-2") }.ToAsyncEnumerable(),
                _ => ThenInterrupted(ctrlC, default, Change("c-3")),
            },
        };
        using var endpoints = Connect(services);
        using var output = new StringWriter();
        var feed = new RegisterFeed(endpoints.Regulator(), output);

        var cancelled = await feed.ReadAsync("c-0", follow: true, ctrlC.Token);

        Assert.True(cancelled);
        Assert.Equal(3, feed.Changes);
        Assert.Equal("c-3", feed.Cursor);
        Assert.Equal(
            [new StreamRegisterChangesRequest { Cursor = "c-0" }, new StreamRegisterChangesRequest { Cursor = "c-2" }],
            services.Sent<StreamRegisterChangesRequest>("StreamRegisterChanges"));
        Assert.Equal(3, output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public async Task ReadAsync_CancelledBeforeCaughtUp_EndsWithTheCursorOfTheLastChangeWritten()
    {
        using var ctrlC = new CancellationTokenSource();
        var services = new FakeGrpcHandler { StreamTo = (_, _) => ThenInterrupted(ctrlC, default, Change("c-1")) };
        using var endpoints = Connect(services);
        using var output = new StringWriter();
        var feed = new RegisterFeed(endpoints.Regulator(), output);

        var cancelled = await feed.ReadAsync(null, follow: false, ctrlC.Token);
        using var end = new StringWriter();
        await feed.WriteEndAsync(end);

        Assert.True(cancelled);
        Assert.True(Assert.Single(services.Sent<StreamRegisterChangesRequest>("StreamRegisterChanges")).StopWhenCaughtUp);
        Assert.Equal(["1 change", "cursor: c-1"], end.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')));
    }

    [Fact]
    public async Task WriteEndAsync_NothingReadFromTheStart_SaysThereIsNoCursorYet()
    {
        var services = new FakeGrpcHandler { StreamTo = (_, _) => Array.Empty<IMessage>().ToAsyncEnumerable() };
        using var endpoints = Connect(services);
        var feed = new RegisterFeed(endpoints.Regulator(), TextWriter.Null);

        Assert.False(await feed.ReadAsync(null, follow: false, CancellationToken.None));
        using var end = new StringWriter();
        await feed.WriteEndAsync(end);

        Assert.Contains("cursor: none yet", end.ToString(), StringComparison.Ordinal);
    }
}
