using Accreditation.TestSupport;
using Grpc.Core;

namespace Accreditation.RegulatorReporting.Tests.Api;

/// <summary>A feed that keeps only three changes: a cursor older than that is OUT_OF_RANGE, telling the client to export again.</summary>
[Collection(RedisGroup.Name)]
public sealed class FeedRetentionTests(RedisFixture redis) : ReportingApiTestBase(redis)
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Reporting:Feed:RetainedChanges"] = "3" };

    [Fact]
    public async Task StreamRegisterChanges_CursorOlderThanTheRetainedFeed_OutOfRange()
    {
        await AccreditedAsync();
        var old = (await ChangesAsync())[0].Cursor;
        await AccreditedAsync();
        await AccreditedAsync();

        var e = await FailsWith(StatusCode.OutOfRange, () => ChangesAsync(old));

        Assert.Contains("export", e.Status.Detail, StringComparison.Ordinal);
        await FailsWith(StatusCode.OutOfRange, () => ChangesAsync());
    }

    [Fact]
    public async Task StreamRegisterChanges_CursorWithinTheRetainedFeed_Resumes()
    {
        await AccreditedAsync();
        var cursor = await ExportCursorAsync();
        var later = await AccreditedAsync();

        var changes = await ChangesAsync(cursor);

        Assert.Equal(2, changes.Count);
        Assert.All(changes, x => Assert.Equal(later.RegistrationNumber, x.Entry.RegistrationNumber));
    }

    private async Task<string> ExportCursorAsync()
    {
        using var call = Regulator.ExportRegister(new Contracts.Reporting.V1.ExportRegisterRequest());
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        return call.ResponseStream.Current.Cursor;
    }
}
