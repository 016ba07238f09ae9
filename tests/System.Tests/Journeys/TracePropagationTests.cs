using System.Diagnostics;
using Accreditation.Contracts.Events.V1;
using Accreditation.System.Tests.Support;
using Accreditation.TestSupport;
using Grpc.Core;

namespace Accreditation.System.Tests.Journeys;

/// <summary>One trace runs from the council's call through the outbox and the sidecars to the subscriber.</summary>
[Collection(SystemGroup.Name)]
public sealed class TracePropagationTests(SystemUnderTest system)
{
    [Fact]
    public async Task EnrolCandidate_CallInATrace_EventReachesTheSubscriberInTheSameTrace()
    {
        var traceId = ActivityTraceId.CreateRandom();
        var traceParent = $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01";
        var request = EnrolmentRequests.Enrol(Authorities.Manchester);

        var enrolled = await system.EnrolmentClient(Authorities.Manchester).EnrolCandidateAsync(request, new Metadata { { "traceparent", traceParent } });

        var delivery = Assert.Single(await system.WaitForEventsAsync<CandidateEnrolled>(e => e.EnrolmentId == enrolled.Enrolment.EnrolmentId));
        Assert.NotNull(delivery.Event.TraceParent);
        Assert.Equal(traceId.ToString(), delivery.Event.TraceParent!.Split('-')[1]);
        Assert.Equal(traceId.ToString(), delivery.Event.TraceParentHeader?.Split('-')[1]);
    }
}
