using System.Net;
using System.Text;
using Accreditation.BuildingBlocks.Auth;
using Accreditation.Contracts;
using Accreditation.Contracts.Events.V1;
using Accreditation.Contracts.Testing.V1;
using Accreditation.System.Tests.Support;
using Accreditation.TestSupport;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace Accreditation.System.Tests.Resilience;

/// <summary>
/// Against the running processes: a forged integration event POSTed straight to Testing's app port
/// (a CloudEvent with a fresh id) changes nothing unless it carries the sidecar's token.
/// </summary>
[Collection(SystemGroup.Name)]
public sealed class AppPortTrustTests(SystemUnderTest system)
{
    [Fact]
    public async Task ForgedEndorsement_WithoutOrWithWrongToken_401AndNothingChanges_WithTheSidecarsToken_Delivered()
    {
        var bury = system.EnrolmentClient(Authorities.Bury);
        var enrolment = (await bury.EnrolCandidateAsync(EnrolmentRequests.Enrol(Authorities.Bury))).Enrolment;
        await system.WaitForEventsAsync<CandidateEnrolled>(e => e.EnrolmentId == enrolment.EnrolmentId);
        var forged = new CandidateEndorsed
        {
            EventId = Guid.NewGuid().ToString(),
            OccurredAt = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow),
            EnrolmentId = enrolment.EnrolmentId,
            RegistrationNumber = enrolment.RegistrationNumber,
            Role = enrolment.Role,
            Authority = enrolment.EmployingAuthority,
            EnrolmentVersion = 2,
        };

        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(forged, token: null));
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(forged, token: "guessed-token"));
        var notBookable = await Assert.ThrowsAsync<RpcException>(() => BookAsync(enrolment.EnrolmentId));
        Assert.Equal(StatusCode.FailedPrecondition, notBookable.StatusCode);

        // The sidecar's own token is what makes a delivery trusted.
        Assert.Equal(HttpStatusCode.OK, await PostAsync(forged, system.Testing.Sidecar.Ports.AppToken));
        Assert.Equal(SittingState.Booked, (await BookAsync(enrolment.EnrolmentId)).State);
    }

    private async Task<HttpStatusCode> PostAsync(CandidateEndorsed message, string? token)
    {
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{system.Testing.AppPort}") };
        if (token is not null)
        {
            http.DefaultRequestHeaders.Add("dapr-api-token", token);
        }

        var envelope = $$"""{"specversion":"1.0","id":"{{Guid.NewGuid()}}","source":"enrolment","type":"{{CandidateEndorsed.Descriptor.FullName}}","datacontenttype":"application/json","data":{{JsonFormatter.Default.Format(message)}}}""";
        using var content = new StringContent(envelope, Encoding.UTF8, "application/cloudevents+json");
        using var response = await http.PostAsync(new Uri("/events/" + Topics.CandidateEndorsed, UriKind.Relative), content);
        return response.StatusCode;
    }

    private async Task<Sitting> BookAsync(string enrolmentId) =>
        (await new TestDeliveryService.TestDeliveryServiceClient(system.Authorised(system.Testing, Scopes.TestDelivery, null)).BookSittingAsync(new BookSittingRequest
        {
            ClientRequestId = Guid.NewGuid().ToString(),
            EnrolmentId = enrolmentId,
            SlotStart = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow),
            Mode = DeliveryMode.Online,
        })).Sitting;
}
