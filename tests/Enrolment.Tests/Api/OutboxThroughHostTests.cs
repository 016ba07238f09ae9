using Accreditation.Contracts;
using Accreditation.Contracts.Enrolment.V1;
using Accreditation.TestSupport;

namespace Accreditation.Enrolment.Tests.Api;

[Collection(RedisGroup.Name)]
public sealed class OutboxThroughHostTests(RedisFixture redis)
{
    [Fact]
    public async Task EnrolCandidate_SidecarFailsThreeTimesThenAccepts_ExactlyOnePublish()
    {
        var transport = new RecordingTransport();
        transport.FailNext(3);
        await using var host = await EnrolmentTestHost.StartAsync(redis, RedisFixture.NewKeyPrefix("outbox-fails"), transport);

        var enrolment = (await host.ClientFor(Authorities.Bury).EnrolCandidateAsync(EnrolmentRequests.Enrol(Authorities.Bury))).Enrolment;

        await Eventually.WaitForAsync(() => host.Services.GetOutboxPendingAsync(), pending => pending == 0, "outbox drained");
        var published = Assert.Single(transport.Published);
        Assert.Contains(enrolment.EnrolmentId, published.Json, StringComparison.Ordinal);
        Assert.True(transport.Attempts >= 4);
    }

    [Fact]
    public async Task EnrolCandidate_ProcessRestartsBeforePublish_EventPublishedByNextProcess()
    {
        var prefix = RedisFixture.NewKeyPrefix("outbox-restart");
        var down = new RecordingTransport { Unavailable = true };
        string enrolmentId;
        await using (var first = await EnrolmentTestHost.StartAsync(redis, prefix, down))
        {
            var client = first.ClientFor(Authorities.Bury);
            enrolmentId = (await client.EnrolCandidateAsync(EnrolmentRequests.Enrol(Authorities.Bury))).Enrolment.EnrolmentId;
            await client.EndorseEnrolmentAsync(EnrolmentRequests.Endorse(enrolmentId));
            await Eventually.WaitUntilAsync(() => down.Attempts > 0, "the first process to try publishing");
        }

        Assert.Empty(down.Published);
        var up = new RecordingTransport();
        await using var second = await EnrolmentTestHost.StartAsync(redis, prefix, up);

        await Eventually.WaitUntilAsync(() => up.Published.Count == 2, "both events published after restart");
        Assert.Equal([Topics.CandidateEnrolled, Topics.CandidateEndorsed], up.Published.Select(m => m.Topic));
        Assert.All(up.Published, m => Assert.Contains(enrolmentId, m.Json, StringComparison.Ordinal));
        var state = (await second.ClientFor(Authorities.Bury).GetEnrolmentAsync(new GetEnrolmentRequest { EnrolmentId = enrolmentId })).Enrolment.State;
        Assert.Equal(EnrolmentState.Endorsed, state);
    }
}
