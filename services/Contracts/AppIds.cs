namespace Accreditation.Contracts;

/// <summary>The Dapr app id of each service (also its name in logs, charts and consumer groups on the broker).</summary>
public static class AppIds
{
    public const string Enrolment = "enrolment";
    public const string Testing = "testing";
    public const string Observation = "observation";
    public const string Reporting = "reporting";

    public static readonly IReadOnlyList<string> All = [Enrolment, Testing, Observation, Reporting];
}
