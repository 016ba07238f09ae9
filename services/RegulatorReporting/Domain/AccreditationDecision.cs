namespace Accreditation.RegulatorReporting.Domain;

/// <summary>
/// The accreditation decision, a pure function of what is known of an enrolment (so the same
/// whatever order the facts arrived in): enrolled and endorsed, a passed knowledge test, a passed
/// simulated practice, and not withdrawn before the later of the two passes. The candidate is
/// accredited on the date of the later pass (the earliest pass of each component counts). A
/// withdrawal or a move dated after that does not revoke it. This is the per-enrolment view the
/// evaluation's stages use; the award and the register decide per person and role across their
/// enrolments (<see cref="PersonDecision"/>, the same for a single enrolment) and show an award only
/// once Enrolment has accepted it.
/// </summary>
public static class AccreditationDecision
{
    public static DateTimeOffset? AccreditedAt(CandidateProgress progress)
    {
        ArgumentNullException.ThrowIfNull(progress);
        if (!progress.Enrolled || progress.EndorsedAt is null
            || progress.KnowledgeTestPassedAt is not { } knowledge
            || progress.SimulatedPracticePassedAt is not { } practice)
        {
            return null;
        }

        var later = knowledge > practice ? knowledge : practice;
        return progress.WithdrawnAt is { } withdrawn && withdrawn < later ? null : later;
    }
}
