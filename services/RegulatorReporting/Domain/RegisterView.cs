using Accreditation.Contracts.Common.V1;

namespace Accreditation.RegulatorReporting.Domain;

/// <summary>
/// What the regulator sees of one person in one role: status, the accreditation date, the
/// authority and the phase. Nothing else (no scores, attempts, withdrawals or HR references).
/// </summary>
public sealed record RegisterView(string RegistrationNumber, Role Role, bool Accredited, DateTimeOffset? AccreditedAt, AuthorityRecord Authority, string Phase);
