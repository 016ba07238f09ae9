using Accreditation.BuildingBlocks.Errors;

namespace Accreditation.Observation.Domain;

/// <summary>
/// An assessor never first- and second-marks the same candidate's session, and a moderator never
/// decides a session they marked: each judgement is independent of the others.
/// </summary>
public static class DoubleMarking
{
    /// <summary>Why <paramref name="proposed"/> may not second-mark a session first-marked by <paramref name="firstAssessorId"/>; null when they may.</summary>
    public static string? SecondMarkerConflict(string firstAssessorId, string proposed) =>
        string.Equals(firstAssessorId, proposed, StringComparison.Ordinal)
            ? $"assessor {proposed} first-marks this candidate's session and may not second-mark it"
            : null;

    public static void EnsureMaySecondMark(string firstAssessorId, string proposed, string field)
    {
        if (SecondMarkerConflict(firstAssessorId, proposed) is { } conflict)
        {
            throw new DomainRuleException(conflict, field);
        }
    }

    public static void EnsureMayModerate(SessionRecord session, string moderatorId)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (string.Equals(session.FirstAssessorId, moderatorId, StringComparison.Ordinal)
            || string.Equals(session.SecondAssessorId, moderatorId, StringComparison.Ordinal))
        {
            throw new DomainRuleException($"{moderatorId} marked session {session.SessionId} and may not moderate it");
        }
    }
}
