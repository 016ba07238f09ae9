namespace Accreditation.LoadGen.Report;

/// <summary>
/// End-to-end lag: from the return of the call that made a candidate's last component pass to the
/// regulator's change feed delivering their accreditation, under a steady enrol load.
/// </summary>
public sealed record LagReport(
    int Candidates,
    int Passed,
    int Seen,
    int Missing,
    int JourneyErrors,
    double P50Ms,
    double P99Ms,
    double MaxMs,
    double CandidateRate,
    double BackgroundEnrolRate,
    long BackgroundEnrols,
    long BackgroundErrors,
    IReadOnlyDictionary<string, string> FirstErrors);
