namespace Accreditation.RegulatorReporting.Domain;

/// <summary>A local authority as the events name it: GSS code, DfE LA number and name.</summary>
public sealed record AuthorityRecord(string GssCode, string LaNumber, string Name)
{
    public static readonly AuthorityRecord None = new("", "", "");
}
