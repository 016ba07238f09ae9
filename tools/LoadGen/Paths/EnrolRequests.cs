using Accreditation.BuildingBlocks.Auth;
using Accreditation.Contracts.Common.V1;
using Accreditation.Contracts.Enrolment.V1;
using Accreditation.LoadGen.Data;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace Accreditation.LoadGen.Paths;

/// <summary>An enrolment as a council HR system sends it (as accredit simulate does), each with its own client request id.</summary>
public static class EnrolRequests
{
    public static EnrolCandidateRequest New(string registrationNumber, string authority, Role role = Role.ChildAndFamilyPractitioner) => new()
    {
        ClientRequestId = Guid.NewGuid().ToString(),
        RegistrationNumber = registrationNumber,
        GivenName = "Load",
        FamilyName = registrationNumber,
        WorkEmail = $"{registrationNumber.ToLowerInvariant()}@council.example.gov.uk",
        Role = role,
        EmployingAuthorityCode = authority,
        HrReference = "LOAD-" + registrationNumber,
        Consent = new Consent
        {
            AssessmentConsent = true,
            ConsentedAt = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow),
            ConsentTextVersion = "2018-06",
            FilmingConsent = true,
        },
    };

    /// <summary>Enrols one candidate of <paramref name="authority"/> over the worker's channel and adds it to the pool.</summary>
    public static async Task<CreatedEnrolment> EnrolAsync(PathContext context, int worker, string authority, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var client = new EnrolmentService.EnrolmentServiceClient(context.Channels.For(context.Targets.EnrolmentUrl, worker));
        var number = context.Numbers.Next();
        var response = await client.EnrolCandidateAsync(
            New(number, authority),
            new CallOptions(context.Tokens.For(Scopes.EnrolmentHr, authority), cancellationToken: cancellationToken));
        var created = new CreatedEnrolment(authority, response.Enrolment.EnrolmentId, number);
        context.Pool.Add(created);
        return created;
    }

    /// <summary>Enrols until the pool holds at least <paramref name="count"/> (the read paths' data), with the run's concurrency.</summary>
    public static async Task EnsurePoolAsync(PathContext context, int count, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var missing = count - context.Pool.Count;
        if (missing <= 0)
        {
            return;
        }

        await Parallel.ForEachAsync(
            Enumerable.Range(0, missing),
            new ParallelOptions { MaxDegreeOfParallelism = context.Shape.Concurrency, CancellationToken = cancellationToken },
            async (i, ct) => await EnrolAsync(context, i, PhaseOne.AuthorityOf(i), ct));
    }
}
