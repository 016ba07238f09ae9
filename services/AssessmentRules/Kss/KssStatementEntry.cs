using Accreditation.Contracts.Common.V1;

namespace Accreditation.AssessmentRules.Kss;

/// <summary>One Knowledge and Skills Statement of a role.</summary>
public sealed record KssStatementEntry(Role Role, int Number, string Title);
