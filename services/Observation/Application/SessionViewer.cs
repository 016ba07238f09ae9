namespace Accreditation.Observation.Application;

/// <summary>Who a session is shown to, which decides the markings and rubric the view carries.</summary>
public enum SessionViewer
{
    /// <summary>The booking system: no scores, no rubric.</summary>
    Scheduling,

    /// <summary>An assigned assessor: the rubric and their own marking only.</summary>
    Assessor,

    /// <summary>A moderator: the rubric and every marking.</summary>
    Moderator,
}
