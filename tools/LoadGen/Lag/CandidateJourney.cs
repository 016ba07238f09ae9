using System.Diagnostics;
using Accreditation.Cli;
using Accreditation.Cli.Simulation;
using Accreditation.Contracts.Common.V1;
using Accreditation.Contracts.Enrolment.V1;
using Accreditation.Contracts.Testing.V1;
using Accreditation.LoadGen.Paths;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace Accreditation.LoadGen.Lag;

/// <summary>
/// One candidate to accreditation, as accredit simulate drives one, but sure to pass: enrolled and
/// endorsed by their employer, the knowledge test booked (once Testing has heard of the
/// endorsement) and answered with every key, then simulated practice scheduled and scored by
/// accredit's <see cref="PracticeJourney"/> at full ability. Simulated practice comes last, so the
/// return of its last call is the moment the last component passed.
/// </summary>
public sealed class CandidateJourney(Endpoints endpoints, KeyBook keys, PracticeJourney practice, TimeSpan patience)
{
    /// <returns>The Stopwatch timestamp when the last passing component's call returned.</returns>
    public async Task<long> RunAsync(string authority, string registrationNumber, int seed, CancellationToken ct)
    {
        var hr = endpoints.Enrolment(authority);
        var enrolment = (await hr.EnrolCandidateAsync(EnrolRequests.New(registrationNumber, authority), cancellationToken: ct)).Enrolment;
        await hr.EndorseEnrolmentAsync(
            new EndorseEnrolmentRequest
            {
                ClientRequestId = Guid.NewGuid().ToString(),
                EnrolmentId = enrolment.EnrolmentId,
                EndorserName = "Load Manager",
                EndorserJobTitle = "Team manager",
            },
            cancellationToken: ct);

        var delivery = endpoints.Delivery();
        var booked = await Retry.WhileNotYetAsync(
            () => delivery.BookSittingAsync(
                new BookSittingRequest
                {
                    ClientRequestId = enrolment.EnrolmentId + "-1",
                    EnrolmentId = enrolment.EnrolmentId,
                    SlotStart = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow),
                    Mode = DeliveryMode.Online,
                },
                cancellationToken: ct).ResponseAsync,
            e => e.StatusCode == StatusCode.FailedPrecondition
                && (e.Status.Detail.Contains("not known", StringComparison.Ordinal) || e.Status.Detail.Contains("no practice endorsement", StringComparison.Ordinal)),
            patience,
            ct);
        var sitting = booked.Sitting.SittingId;
        var started = await delivery.StartSittingAsync(new StartSittingRequest { SittingId = sitting }, cancellationToken: ct);
        var answers = await Candidate.AnswerAsync(started.Items, keys, 1.0, new Random(seed));
        await delivery.SaveAnswersAsync(new SaveAnswersRequest { SittingId = sitting, Answers = { answers } }, cancellationToken: ct);
        var result = (await delivery.SubmitSittingAsync(new SubmitSittingRequest { SittingId = sitting }, cancellationToken: ct)).Sitting.Result;
        if (result.Outcome != AssessmentOutcome.Passed)
        {
            throw new InvalidOperationException($"{registrationNumber} did not pass the knowledge test with every key ({result.Outcome})");
        }

        var passed = await practice.RunAsync(authority, Role.ChildAndFamilyPractitioner, enrolment.EnrolmentId, 1.0, seed, ct);
        var at = Stopwatch.GetTimestamp();
        return passed is null
            ? throw new InvalidOperationException($"{registrationNumber} did not pass simulated practice at full ability")
            : at;
    }
}
