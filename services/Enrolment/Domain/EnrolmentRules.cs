using Accreditation.BuildingBlocks.Errors;
using Accreditation.Contracts.Enrolment.V1;
using Google.Protobuf.WellKnownTypes;
using EnrolmentRecord = Accreditation.Contracts.Enrolment.V1.Enrolment;

namespace Accreditation.Enrolment.Domain;

/// <summary>
/// The enrolment life cycle, as pure functions: each takes the current enrolment and returns the
/// next one (version + 1), or throws <see cref="DomainRuleException"/> when the step is not allowed.
/// Enrolled -> Endorsed; Enrolled or Endorsed -> Withdrawn (any time before accreditation, no
/// penalty); a move to another participating authority keeps the state and the history; an
/// accreditation is recorded beside the state and stands.
/// </summary>
public static class EnrolmentRules
{
    public static EnrolmentRecord Enrol(NewCandidate candidate, string enrolmentId, string phase, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        var at = Timestamp.FromDateTimeOffset(now);
        return new EnrolmentRecord
        {
            EnrolmentId = enrolmentId,
            RegistrationNumber = candidate.RegistrationNumber,
            GivenName = candidate.GivenName,
            FamilyName = candidate.FamilyName,
            WorkEmail = candidate.WorkEmail,
            Role = candidate.Role,
            EmployingAuthority = candidate.Authority.ToRef(),
            HrReference = candidate.HrReference,
            State = EnrolmentState.Enrolled,
            Consent = candidate.Consent.Clone(),
            EnrolledAt = at,
            UpdatedAt = at,
            Version = 1,
            Phase = phase,
        };
    }

    public static EnrolmentRecord Endorse(EnrolmentRecord current, string endorserName, string endorserJobTitle, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(current);
        switch (current.State)
        {
            case EnrolmentState.Enrolled:
                var next = Next(current, now);
                next.State = EnrolmentState.Endorsed;
                next.Endorsement = new Endorsement
                {
                    EndorserName = endorserName,
                    EndorserJobTitle = endorserJobTitle,
                    EndorsedAt = Timestamp.FromDateTimeOffset(now),
                };
                return next;
            case EnrolmentState.Endorsed:
                throw new DomainRuleException($"enrolment {current.EnrolmentId} is already endorsed");
            default:
                throw new DomainRuleException($"enrolment {current.EnrolmentId} is withdrawn and cannot be endorsed; enrol the candidate again");
        }
    }

    public static EnrolmentRecord Withdraw(EnrolmentRecord current, string reason, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(current);
        if (current.State == EnrolmentState.Withdrawn)
        {
            throw new DomainRuleException($"enrolment {current.EnrolmentId} is already withdrawn");
        }

        if (current.Accreditation is { } accreditation)
        {
            throw new DomainRuleException($"enrolment {current.EnrolmentId} is accredited (since {accreditation.AccreditedAt.ToDateTimeOffset():yyyy-MM-dd}); an accreditation cannot be withdrawn");
        }

        var next = Next(current, now);
        next.State = EnrolmentState.Withdrawn;
        next.Withdrawal = new Withdrawal { Reason = reason, WithdrawnAt = Timestamp.FromDateTimeOffset(now) };
        return next;
    }

    /// <summary>
    /// Records the accreditation awarded to the enrolment, in any state (an award decided before a
    /// withdrawal stands); null when it is already recorded (the award is announced once, but may be
    /// delivered again).
    /// </summary>
    public static EnrolmentRecord? Accredit(EnrolmentRecord current, DateTimeOffset accreditedAt, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(current);
        if (current.Accreditation is not null)
        {
            return null;
        }

        var next = Next(current, now);
        next.Accreditation = new AccreditationAward { AccreditedAt = Timestamp.FromDateTimeOffset(accreditedAt), RecordedAt = Timestamp.FromDateTimeOffset(now) };
        return next;
    }

    /// <summary>
    /// Why the enrolment declines an award accredited on <paramref name="accreditedAt"/>, or null
    /// when it accepts it: Enrolment is the source of truth for withdrawals, and an enrolment
    /// withdrawn before the accreditation date was not enrolled when the candidate qualified
    /// (Reporting may have decided before it heard of the withdrawal).
    /// </summary>
    public static string? DeclineReason(EnrolmentRecord current, DateTimeOffset accreditedAt)
    {
        ArgumentNullException.ThrowIfNull(current);
        if (current.Accreditation is null && current.Withdrawal?.WithdrawnAt is { } withdrawnAt && withdrawnAt.ToDateTimeOffset() < accreditedAt)
        {
            return $"enrolment {current.EnrolmentId} was withdrawn on {withdrawnAt.ToDateTimeOffset():yyyy-MM-dd HH:mm:ss}Z, before the accreditation date {accreditedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z";
        }

        return null;
    }

    public static EnrolmentRecord Move(EnrolmentRecord current, LocalAuthority to, RolloutPhase phase, string newHrReference, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(to);
        ArgumentNullException.ThrowIfNull(phase);
        if (current.State == EnrolmentState.Withdrawn)
        {
            throw new DomainRuleException($"enrolment {current.EnrolmentId} is withdrawn and cannot move");
        }

        if (!phase.Includes(to))
        {
            throw NotInPhase(to, phase, "new_authority_code");
        }

        if (current.EmployingAuthority.GssCode == to.GssCode)
        {
            throw new DomainRuleException($"the candidate is already employed by {to.Name}", "new_authority_code");
        }

        var next = Next(current, now);
        var toRef = to.ToRef();
        next.Moves.Add(new AuthorityMove
        {
            FromAuthority = current.EmployingAuthority.Clone(),
            ToAuthority = toRef,
            HrReference = newHrReference,
            MovedAt = Timestamp.FromDateTimeOffset(now),
        });
        next.EmployingAuthority = toRef.Clone();
        next.HrReference = newHrReference;
        return next;
    }

    /// <summary>The rule an authority outside the cluster's phase breaks.</summary>
    public static DomainRuleException NotInPhase(LocalAuthority authority, RolloutPhase phase, string field)
    {
        ArgumentNullException.ThrowIfNull(authority);
        ArgumentNullException.ThrowIfNull(phase);
        return new DomainRuleException($"{authority.Name} ({authority.GssCode}) does not take part in {phase.Name}", field);
    }

    private static EnrolmentRecord Next(EnrolmentRecord current, DateTimeOffset now)
    {
        var next = current.Clone();
        next.Version = current.Version + 1;
        next.UpdatedAt = Timestamp.FromDateTimeOffset(now);
        return next;
    }
}
