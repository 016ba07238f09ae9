namespace Accreditation.System.Tests.Infrastructure;

/// <summary>
/// A service of the system as the tests start it: its app id (also its sidecar's app id and the
/// CloudEvent source of what it publishes), where its build output is, and any configuration
/// beyond what every service gets (see <see cref="ServiceInstance"/>). Adding a service to the
/// system tests is one more definition in <see cref="SystemUnderTest.Services"/>.
/// </summary>
public sealed record ServiceDefinition(string AppId, string ProjectFolder, string AssemblyFile)
{
    public static ServiceDefinition Enrolment { get; } = new("enrolment", "services/Enrolment", "Accreditation.Enrolment.dll")
    {
        Settings = new Dictionary<string, string> { ["Phase__Name"] = "phase-1" },
    };

    public static ServiceDefinition Testing { get; } = new("testing", "services/Testing", "Accreditation.Testing.dll")
    {
        // Resits after a 2 s cool-off instead of weeks (as run.sh does), so simulations see resits.
        Settings = new Dictionary<string, string> { ["Testing__Resits__CoolOff"] = "00:00:02" },
    };

    public static ServiceDefinition Observation { get; } = new("observation", "services/Observation", "Accreditation.Observation.dll")
    {
        Settings = new Dictionary<string, string> { ["Observation__Resits__CoolOff"] = "00:00:02" },
    };

    public static ServiceDefinition Reporting { get; } = new("reporting", "services/RegulatorReporting", "Accreditation.RegulatorReporting.dll")
    {
        Settings = new Dictionary<string, string> { ["Phase__Name"] = "phase-1" },
    };

    /// <summary>Extra configuration as environment variables (Section__Key = value).</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();
}
