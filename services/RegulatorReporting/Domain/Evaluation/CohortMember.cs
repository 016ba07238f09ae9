namespace Accreditation.RegulatorReporting.Domain.Evaluation;

/// <summary>One enrolment as the evaluation reads it: its progress and, kept apart, its equality-monitoring answers (null: none recorded). Never leaves the service.</summary>
public sealed record CohortMember(CandidateProgress Progress, EqualityAnswers? Equality);
