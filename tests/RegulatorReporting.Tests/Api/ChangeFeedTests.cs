using Accreditation.Contracts.Reporting.V1;
using Accreditation.TestSupport;
using Grpc.Core;

namespace Accreditation.RegulatorReporting.Tests.Api;

[Collection(RedisGroup.Name)]
public sealed class ChangeFeedTests(RedisFixture redis) : ReportingApiTestBase(redis)
{
    [Fact]
    public async Task StreamRegisterChanges_FromTheStart_EveryVisibleChangeInOrder()
    {
        var c = await AccreditedAsync();

        var changes = await ChangesAsync();

        // Enrolled (a new entry) then accredited; endorsement and the knowledge test change nothing the regulator sees.
        Assert.Equal([AccreditationStatus.NotAccredited, AccreditationStatus.Accredited], changes.Select(x => x.Entry.Status));
        Assert.All(changes, x => Assert.Equal(c.RegistrationNumber, x.Entry.RegistrationNumber));
        Assert.Equal(changes.Count, changes.Select(x => x.Cursor).Distinct().Count());
    }

    [Fact]
    public async Task StreamRegisterChanges_ResumedMidStreamAfterChangesWhileAway_NoGapNoDuplicate()
    {
        for (var i = 0; i < 3; i++)
        {
            await AccreditedAsync();
        }

        var received = new List<StreamRegisterChangesResponse>();
        using (var cts = new CancellationTokenSource())
        using (var call = Regulator.StreamRegisterChanges(new StreamRegisterChangesRequest(), cancellationToken: cts.Token))
        {
            while (received.Count < 4 && await call.ResponseStream.MoveNext(CancellationToken.None))
            {
                received.Add(call.ResponseStream.Current);
            }

            await cts.CancelAsync();
        }

        for (var i = 0; i < 2; i++)
        {
            await AccreditedAsync();
        }

        received.AddRange(await ChangesAsync(received[^1].Cursor));

        var everything = await ChangesAsync();
        Assert.Equal(10, everything.Count);
        Assert.Equal(everything.Select(x => x.Cursor), received.Select(x => x.Cursor));
        Assert.Equal(everything.Select(x => x.Entry), received.Select(x => x.Entry));
    }

    [Fact]
    public async Task StreamRegisterChanges_OpenStream_PushesChangesMadeAfterItCaughtUp()
    {
        var first = await InProgressAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var call = Regulator.StreamRegisterChanges(new StreamRegisterChangesRequest(), cancellationToken: cts.Token);
        Assert.True(await call.ResponseStream.MoveNext(cts.Token));
        Assert.Equal(first.RegistrationNumber, call.ResponseStream.Current.Entry.RegistrationNumber);

        var later = await AccreditedAsync();

        var statuses = new List<AccreditationStatus>();
        while (statuses.Count < 2 && await call.ResponseStream.MoveNext(cts.Token))
        {
            Assert.Equal(later.RegistrationNumber, call.ResponseStream.Current.Entry.RegistrationNumber);
            statuses.Add(call.ResponseStream.Current.Entry.Status);
        }

        Assert.Equal([AccreditationStatus.NotAccredited, AccreditationStatus.Accredited], statuses);
        await cts.CancelAsync();
    }

    [Fact]
    public async Task StreamRegisterChanges_CaughtUpCursor_NothingNew()
    {
        await AccreditedAsync();
        var all = await ChangesAsync();

        Assert.Empty(await ChangesAsync(all[^1].Cursor));
    }

    [Theory]
    [InlineData("forged")]
    [InlineData("YzF8OTk5OTktMA")]
    public async Task StreamRegisterChanges_ForgedCursor_InvalidArgument(string cursor)
    {
        var e = await FailsWith(StatusCode.InvalidArgument, () => ChangesAsync(cursor));

        Assert.Equal("cursor", FieldOf(e));
    }

    [Fact]
    public async Task StreamRegisterChanges_AnotherDeploymentsCursor_InvalidArgument()
    {
        var other = new RegulatorReporting.Domain.FeedCursor("another-deployments-cursor-key-0123456789");

        await FailsWith(StatusCode.InvalidArgument, () => ChangesAsync(other.Encode(new RegulatorReporting.Domain.FeedPosition(1, 0))));
    }

    [Fact]
    public async Task StreamRegisterChanges_CursorAheadOfTheFeed_OutOfRange()
    {
        var ahead = new RegulatorReporting.Domain.FeedCursor(CursorKey).Encode(new RegulatorReporting.Domain.FeedPosition((ulong)DateTimeOffset.UtcNow.AddDays(1).ToUnixTimeMilliseconds(), 0));

        var e = await FailsWith(StatusCode.OutOfRange, () => ChangesAsync(ahead));

        Assert.Equal("cursor", FieldOf(e));
    }

    [Fact]
    public async Task ExportRegister_ThenFollowTheFeedFromItsCursor_OnlyLaterChanges()
    {
        var before = await AccreditedAsync();
        await InProgressAsync();

        var export = new List<ExportRegisterResponse>();
        using (var call = Regulator.ExportRegister(new ExportRegisterRequest()))
        {
            await foreach (var chunk in call.ResponseStream.ReadAllAsync())
            {
                export.Add(chunk);
            }
        }

        var after = await AccreditedAsync();
        var changes = await ChangesAsync(export[0].Cursor);

        Assert.Equal(2, export.Sum(x => x.Entries.Count));
        Assert.Equal(2, export[0].TotalEntries);
        Assert.Contains(export[0].Entries, e => e.RegistrationNumber == before.RegistrationNumber && e.Status == AccreditationStatus.Accredited);
        Assert.All(changes, x => Assert.Equal(after.RegistrationNumber, x.Entry.RegistrationNumber));
        Assert.Equal(2, changes.Count);
    }

    [Fact]
    public async Task ExportRegister_Empty_OneChunkWithTheCursor()
    {
        var export = new List<ExportRegisterResponse>();
        using var call = Regulator.ExportRegister(new ExportRegisterRequest());
        await foreach (var chunk in call.ResponseStream.ReadAllAsync())
        {
            export.Add(chunk);
        }

        Assert.Equal(0, export.Single().TotalEntries);
        Assert.Empty(await ChangesAsync(export[0].Cursor));
    }

    [Fact]
    public async Task ExportRegister_MoreThanOneChunk_EveryEntryOnceWithOneCursor()
    {
        for (var i = 0; i < 12; i++)
        {
            await DeliverAsync(new Candidate(EnrolmentRequests.NewRegistrationNumber()).Enrolled());
        }

        var export = new List<ExportRegisterResponse>();
        using var call = Regulator.ExportRegister(new ExportRegisterRequest());
        await foreach (var chunk in call.ResponseStream.ReadAllAsync())
        {
            export.Add(chunk);
        }

        Assert.Equal(12, export.SelectMany(x => x.Entries).Select(e => e.RegistrationNumber).Distinct().Count());
        Assert.Single(export.Select(x => x.Cursor).Distinct());
    }
}
