namespace Accreditation.Cli;

/// <summary>The platform's services accredit reaches, by their Dapr app id on the command line.</summary>
public enum ServiceName
{
    Enrolment,
    Testing,
    Observation,
}
