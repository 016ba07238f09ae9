namespace Accreditation.Deployment.Tests.Support;

/// <summary>
/// A deployable service of the solution: its folder under services/ (Enrolment, RegulatorReporting),
/// its key in the chart's values (enrolment, regulatorReporting) and its component name
/// (enrolment, regulator-reporting: the suffix of its Deployment and Service).
/// </summary>
public sealed record ServiceProject(string Folder, string AssemblyName)
{
    public string ValuesKey => char.ToLowerInvariant(Folder[0]) + Folder[1..];

    public string Component => string.Concat(Folder.Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    public string ResourceName => $"accreditation-{Component}";

    public override string ToString() => Folder;
}
