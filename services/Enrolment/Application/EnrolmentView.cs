using EnrolmentRecord = Accreditation.Contracts.Enrolment.V1.Enrolment;

namespace Accreditation.Enrolment.Application;

/// <summary>What one employer may see of an enrolment: earlier employers' HR references stay with them.</summary>
public static class EnrolmentView
{
    public static EnrolmentRecord ForCaller(EnrolmentRecord enrolment, string? callerAuthority)
    {
        ArgumentNullException.ThrowIfNull(enrolment);
        if (enrolment.Moves.All(m => m.ToAuthority.GssCode == callerAuthority || m.HrReference.Length == 0))
        {
            return enrolment;
        }

        var view = enrolment.Clone();
        foreach (var move in view.Moves.Where(m => m.ToAuthority.GssCode != callerAuthority))
        {
            move.HrReference = "";
        }

        return view;
    }
}
