namespace Accreditation.Observation.Domain;

/// <summary>A configured period in which an assessor worked for an authority.</summary>
public sealed class DeclaredConflict
{
    public string AssessorId { get; set; } = "";

    /// <summary>GSS code of the authority.</summary>
    public string AuthorityCode { get; set; } = "";

    public DateTimeOffset From { get; set; }

    public DateTimeOffset To { get; set; }
}
