namespace Accreditation.LoadGen.Data;

/// <summary>The enrolments this run created (by the enrol path, or seeded for the read paths), which the read paths read.</summary>
public sealed class EnrolmentPool
{
    private readonly List<CreatedEnrolment> _all = [];
    private CreatedEnrolment[]? _snapshot;

    public int Count
    {
        get
        {
            lock (_all)
            {
                return _all.Count;
            }
        }
    }

    public void Add(CreatedEnrolment enrolment)
    {
        lock (_all)
        {
            _all.Add(enrolment);
            _snapshot = null;
        }
    }

    /// <summary>Every enrolment so far, as an array the read paths index without locking.</summary>
    public CreatedEnrolment[] Snapshot()
    {
        lock (_all)
        {
            return _snapshot ??= [.. _all];
        }
    }
}
